import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '@/lib/app-error';
import { OTP_INPUT_MESSAGES } from '@/lib/domain/otp';
import { PDF_REFUSAL_MESSAGES } from '@/lib/storage/check-pdf';
import { MSG } from '@/lib/validation/family-pes-rules';
import { summerFieldMessage } from '@/lib/validation/summer-messages';
import en from '@/messages/en';
import itCatalogue from '@/messages/it';

// Issue 21: the Italian catalogue repeats the Italian words some modules still hold as constants (they are
// what staff and older callers read). These tests keep the two the same, so an Italian family reads exactly
// what it read before, whichever path the message takes.
describe('the Italian refusals in the catalogue are the modules’ own words', () => {
  it.each(Object.keys(ERROR_MESSAGES) as (keyof typeof ERROR_MESSAGES)[])('code %s', (code) => {
    expect(itCatalogue.Refusals.code[code]).toBe(ERROR_MESSAGES[code]);
    expect(en.Refusals.code[code]).not.toBe(ERROR_MESSAGES[code]);
  });

  it.each(Object.keys(PDF_REFUSAL_MESSAGES) as (keyof typeof PDF_REFUSAL_MESSAGES)[])('PDF refusal %s', (reason) => {
    expect(itCatalogue.Refusals[`pdf_${reason}`]).toBe(PDF_REFUSAL_MESSAGES[reason]);
  });

  it.each(Object.keys(OTP_INPUT_MESSAGES) as (keyof typeof OTP_INPUT_MESSAGES)[])('OTP input %s', (reason) => {
    expect(itCatalogue.Refusals[`otpInput_${reason}`]).toBe(OTP_INPUT_MESSAGES[reason]);
  });

  it.each(
    Object.keys(itCatalogue.SummerPes.rules) as (keyof typeof itCatalogue.SummerPes.rules &
      keyof typeof MSG &
      string)[],
  )('summer rule %s', (key) => {
    expect(itCatalogue.SummerPes.rules[key].replace('{max}', '40')).toBe(MSG[key]);
    // The form and the action find the rule by its Italian words.
    expect(summerFieldMessage(MSG[key], '')).toMatchObject({ ns: 'SummerPes', key: `rules.${key}` });
  });
});
