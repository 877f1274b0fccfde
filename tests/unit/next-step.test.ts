import { describe, expect, it } from 'vitest';
import type { Locale } from '@/lib/domain/locale';
import { nextStep, type NextStep, type NextStepInput } from '@/lib/domain/next-step';
import { plainText, translatorFor } from '@/lib/i18n/translator';

const say = (step: NextStep, locale: Locale = 'it') =>
  translatorFor(locale, 'VoucherTimeline').markup(`next.${step}`, plainText);

const base: NextStepInput = {
  voucherStatus: 'assigned',
  conversionStatus: null,
  standardStatuses: ['active', 'active'],
  newStatuses: [],
  residualCents: 0,
  summerPesWithoutDocument: 0,
};

describe('nextStep', () => {
  it.each<[string, Partial<NextStepInput>, RegExp]>([
    ['open PES only', {}, /INVIA RICHIESTA DI CHIUSURA/],
    [
      'waiting for providers',
      { conversionStatus: 'draft', standardStatuses: ['close_requested', 'active'] },
      /chiudano i PES/,
    ],
    ['money freed', { conversionStatus: 'draft', standardStatuses: ['closed'], residualCents: 1 }, /AGGIUNGI PES/],
    [
      'draft new PES',
      { conversionStatus: 'draft', standardStatuses: ['closed'], newStatuses: ['draft'] },
      /RICHIEDI VALIDAZIONE/,
    ],
    [
      'awaiting validation',
      { conversionStatus: 'awaiting_validation', newStatuses: ['awaiting_validation', 'validated'] },
      /In attesa della validazione/,
    ],
    ['rejected PES', { conversionStatus: 'awaiting_validation', newStatuses: ['rejected', 'validated'] }, /rifiutato/],
    [
      'validated, documents missing',
      { conversionStatus: 'ready_to_submit', newStatuses: ['validated'], summerPesWithoutDocument: 1 },
      /Carica il PES concordato/,
    ],
    ['validated, complete', { conversionStatus: 'ready_to_submit', newStatuses: ['validated'] }, /CONCLUDI E INVIA/],
    ['submitted', { conversionStatus: 'submitted' }, /Struttura Multifunzionale/],
    ['approved', { conversionStatus: 'approved' }, /convalidata/],
    ['rejected', { conversionStatus: 'rejected' }, /respinta/],
    [
      'returned by the office',
      { conversionStatus: 'returned', newStatuses: ['validated'] },
      /integrazione.*firma di nuovo/,
    ],
    [
      'returned, a PES changed and being validated again',
      { conversionStatus: 'awaiting_validation', reopened: true, newStatuses: ['awaiting_validation'] },
      /In attesa della validazione/,
    ],
    [
      'returned, validated again',
      { conversionStatus: 'ready_to_submit', reopened: true, newStatuses: ['validated'] },
      /firma di nuovo/,
    ],
    ['concluded voucher', { voucherStatus: 'concluded' }, /concluso/],
  ])('%s', (_name, patch, expected) => {
    expect(say(nextStep({ ...base, ...patch }))).toMatch(expected);
  });

  it('says the same steps in English, keeping the guide’s button labels in Italian', () => {
    expect(say(nextStep(base), 'en')).toBe(
      'Select the PES to close and press Send close request (INVIA RICHIESTA DI CHIUSURA).',
    );
    expect(
      say(nextStep({ ...base, conversionStatus: 'draft', standardStatuses: ['closed'], residualCents: 1 }), 'en'),
    ).toMatch(/^You can turn the amount available into home babysitting or summer services/);
  });
});
