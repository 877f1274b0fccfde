import { describe, expect, it } from 'vitest';
import { fieldErrorsOf, nestedFields } from '@/lib/actions/form-fields';

describe('fieldErrorsOf', () => {
  it.each([
    [[{ path: ['pes', 2, 'amount'], message: 'a' }], { 'pes.2.amount': 'a' }],
    [[{ path: ['hours'], message: 'b' }, { path: ['hours'], message: 'c' }], { hours: 'b' }],
    [[{ path: [], message: 'd' }], { _: 'd' }],
    [[{ path: ['pes', 0, 'band'], message: 'e' }, { path: ['pes', 1, 'band'], message: 'f' }], { 'pes.0.band': 'e', 'pes.1.band': 'f' }],
  ])('keeps the whole dotted path: %j', (issues, expected) => {
    expect(fieldErrorsOf(issues)).toEqual(expected);
  });
});

describe('nestedFields: dotted form names back to the schema shape', () => {
  const fd = (entries: [string, string][]) => {
    const f = new FormData();
    for (const [k, v] of entries) f.append(k, v);
    return f;
  };
  it.each<[[string, string][], unknown]>([
    [[['voucherId', 'v'], ['pes.0.amount', '1'], ['pes.1.amount', '2'], ['pes.0.band', 'A']], { voucherId: 'v', pes: [{ amount: '1', band: 'A' }, { amount: '2' }] }],
    [[['pes.2.amount', '3']], { pes: [{ amount: '3' }] }],
    [[['$ACTION_ID_x', 'y'], ['intent', 'save']], { intent: 'save' }],
    [[['__proto__.polluted', 'yes'], ['a.constructor.x', '1']], {}],
  ])('%j', (entries, expected) => {
    expect(nestedFields(fd(entries))).toEqual(expected);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
