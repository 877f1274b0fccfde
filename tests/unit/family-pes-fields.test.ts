import { describe, expect, it } from 'vitest';
import { saveBabysittingPesSchema } from '@/lib/validation/babysitting';
import { babysittingFieldErrors, type FieldErrors } from '@/lib/validation/family-pes-rules';
import { saveSummerPesSchema, saveSummerPesSchemaFor } from '@/lib/validation/summer';
import { summerRowsCodes } from '@/lib/validation/summer-messages';

const V = '0b6f0c2e-3a7d-4c61-9a4e-2f1d8b7c6a50';
const C = '5f2d9e10-7c4b-4a8e-b1f3-6d2a9c8e7b41';
const P = '9a1c3e5b-2d4f-4f6a-8b0c-1e3d5f7a9b2c';

/** path → first message, so the form's and the action's verdicts compare field by field. */
function serverVerdict(r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const byPath: FieldErrors = {};
  if (!r.success) for (const i of r.error!.issues) byPath[i.path.join('.')] ??= i.message;
  return byPath;
}

describe('babysitting PES: the form (plain rules) and the action (zod) agree', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['valid', { childIds: [C], providerId: P, hours: '40' }],
    ['hours padded with spaces', { childIds: [C], providerId: P, hours: ' 12 ' }],
    ['no child', { childIds: [], providerId: P, hours: '40' }],
    ['eleven children', { childIds: Array.from({ length: 11 }, () => C), providerId: P, hours: '4' }],
    ['a child id that is not a uuid', { childIds: ['x'], providerId: P, hours: '4' }],
    ['no provider', { childIds: [C], providerId: '', hours: '4' }],
    ['provider not a uuid', { childIds: [C], providerId: 'abc', hours: '4' }],
    ['zero hours', { childIds: [C], providerId: P, hours: '0' }],
    ['decimal hours', { childIds: [C], providerId: P, hours: '5.0' }],
    ['exponent hours', { childIds: [C], providerId: P, hours: '1e3' }],
    ['six digits', { childIds: [C], providerId: P, hours: '123456' }],
    ['empty hours', { childIds: [C], providerId: P, hours: '' }],
    ['hours as a boolean', { childIds: [C], providerId: P, hours: true }],
    ['hours as an array', { childIds: [C], providerId: P, hours: ['5'] }],
    ['everything wrong', { childIds: [], providerId: '', hours: 'x' }],
    ['a provider that is not a string', { childIds: [C], providerId: 5, hours: '4' }],
    ['children not a list', { childIds: C, providerId: P, hours: '4' }],
  ];
  it.each(cases)('%s', (_, fields) => {
    const server = serverVerdict(saveBabysittingPesSchema.safeParse({ ...fields, voucherId: V, intent: 'save' }));
    expect(babysittingFieldErrors(fields)).toEqual(server);
  });

  it('the action still refuses a field the form does not have', () => {
    expect(
      saveBabysittingPesSchema.safeParse({ childIds: [C], providerId: P, hours: '4', voucherId: V, extra: 1 }).success,
    ).toBe(false);
  });
});

describe('summer PES: the form (plain rules) and the action (zod) agree', () => {
  const row = { childId: C, band: 'A', providerId: P, amount: '500,00', hours: '40' };
  const cases: [string, Record<string, unknown>][] = [
    ['one valid row', { pes: [row] }],
    ['a saved row and a removed one', { pes: [{ ...row, id: P }], removed: [C] }],
    ['no rows', { pes: [] }],
    ['amount with thousands and euro sign', { pes: [{ ...row, amount: '€ 1.200,50' }] }],
    ['amount zero', { pes: [{ ...row, amount: '0,00' }] }],
    ['amount negative', { pes: [{ ...row, amount: '-5' }] }],
    ['amount with a dot for cents', { pes: [{ ...row, amount: '12.5' }] }],
    ['amount too long', { pes: [{ ...row, amount: '1'.repeat(33) }] }],
    ['amount missing', { pes: [{ ...row, amount: undefined }] }],
    ['no band', { pes: [{ ...row, band: '' }] }],
    ['band D', { pes: [{ ...row, band: 'D' }] }],
    ['no provider', { pes: [{ ...row, providerId: '' }] }],
    ['provider not a uuid', { pes: [{ ...row, providerId: 'x' }] }],
    ['hours zero', { pes: [{ ...row, hours: '0' }] }],
    ['hours decimal', { pes: [{ ...row, hours: '1,5' }] }],
    ['hours missing', { pes: [{ ...row, hours: undefined }] }],
    ['41 rows', { pes: Array.from({ length: 41 }, () => row) }],
    ['41 removed', { pes: [row], removed: Array.from({ length: 41 }, () => C) }],
    ['second row wrong', { pes: [row, { ...row, amount: 'abc', hours: '' }] }],
    ['a saved id that is not a uuid', { pes: [{ ...row, id: 'x' }] }],
    ['a removed id that is not a uuid', { pes: [row], removed: ['x'] }],
    ['hours with spaces', { pes: [{ ...row, hours: ' 7 ' }] }],
    ['amount that reads two ways', { pes: [{ ...row, amount: '1.032' }] }],
    ['amount written the English way', { pes: [{ ...row, amount: '1,032.45' }] }],
  ];
  // The amount is read the family's way (issue 21): the form and the action agree in each language.
  it.each(
    cases.flatMap(([name, fields]) => (['it', 'en'] as const).map((l) => [`${name} (${l})`, fields, l] as const)),
  )('%s', (_, fields, locale) => {
    const server = serverVerdict(saveSummerPesSchemaFor(locale).safeParse({ ...fields, voucherId: V, intent: 'save' }));
    expect(summerRowsCodes(fields, locale)).toEqual(server);
  });

  it.each([
    ['1.032,45', 'it', null],
    ['1,032.45', 'en', null],
    ['1032.45', 'it', null],
    ['1.032', 'it', 'money:ambiguous'],
    ['1,032', 'en', 'money:ambiguous'],
    ['1.032,45', 'en', 'money:format'],
  ] as const)('the amount %s in %s', (amount, locale, code) => {
    expect(summerRowsCodes({ pes: [{ ...row, amount }] }, locale)['pes.0.amount'] ?? null).toBe(code);
  });

  it('the action still refuses a field the form does not have, at every level', () => {
    const base = { voucherId: V, intent: 'save', pes: [row] };
    expect(saveSummerPesSchema.safeParse({ ...base, extra: 1 }).success).toBe(false);
    expect(saveSummerPesSchema.safeParse({ ...base, pes: [{ ...row, extra: 1 }] }).success).toBe(false);
  });
});
