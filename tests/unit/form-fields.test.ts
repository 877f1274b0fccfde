import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readInput } from '@/lib/actions/action-input';
import { fieldErrorsOf } from '@/lib/actions/field-errors-of';
import { INPUT_LIMITS, INPUT_MESSAGES } from '@/lib/actions/input-limits';
import { inputShape } from '@/lib/actions/input-shape';
import { pressedRowOnly } from '@/lib/actions/office/pressed-row';
import { toPlain } from '@/lib/actions/to-plain';
import { assignmentSchema } from '@/lib/validation/office-assignment';
import { validationDecisionSchema } from '@/lib/validation/babysitting';
import { providerSchema } from '@/lib/validation/admin';
import { saveSummerPesSchema } from '@/lib/validation/summer';
import { builtinsSnapshot, changesSince, restoreBuiltins, strayProperties } from '../support/builtins-snapshot';

const pristine = builtinsSnapshot();
afterEach(() => restoreBuiltins(pristine));

const schema = z
  .object({
    voucherId: z.string(),
    intent: z.enum(['save', 'refresh']).optional(),
    pes: z.array(z.object({ amount: z.string(), band: z.string().optional() }).strict()).max(40),
    removed: z.array(z.string()).optional(),
    ok: z.boolean().optional(),
  })
  .strict();

const fd = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};
const protoOf = (v: unknown) => Object.getPrototypeOf(v) as unknown;

describe('fieldErrorsOf', () => {
  it.each([
    [[{ path: ['pes', 2, 'amount'], message: 'a' }], { 'pes.2.amount': 'a' }],
    [
      [
        { path: ['hours'], message: 'b' },
        { path: ['hours'], message: 'c' },
      ],
      { hours: 'b' },
    ],
    [[{ path: [], message: 'd' }], { _: 'd' }],
    [
      [
        { path: ['pes', 0, 'band'], message: 'e' },
        { path: ['pes', 1, 'band'], message: 'f' },
      ],
      { 'pes.0.band': 'e', 'pes.1.band': 'f' },
    ],
  ])('keeps the whole dotted path: %j', (issues, expected) => {
    expect(fieldErrorsOf(issues)).toEqual(expected);
  });
});

describe('readInput of a form: dotted names back to the schema shape', () => {
  it.each<[[string, string][], unknown]>([
    [
      [
        ['voucherId', 'v'],
        ['pes.0.amount', '1'],
        ['pes.1.amount', '2'],
        ['pes.0.band', 'A'],
      ],
      { voucherId: 'v', pes: [{ amount: '1', band: 'A' }, { amount: '2' }] },
    ],
    [[['pes.2.amount', '3']], { pes: [{ amount: '3' }] }],
    [
      [
        ['$ACTION_ID_x', 'y'],
        ['intent', 'save'],
      ],
      { intent: 'save', pes: [] },
    ],
    [
      [
        ['removed', 'a'],
        ['removed', 'b'],
      ],
      { removed: ['a', 'b'], pes: [] },
    ],
    [
      [
        ['removed.1', 'b'],
        ['removed.0', 'a'],
      ],
      { removed: ['a', 'b'], pes: [] },
    ],
  ])('%j', (entries, expected) => {
    const r = readInput(schema, fd(entries));
    expect(r).toMatchObject({ ok: true, value: expected });
  });

  it('builds every object without a prototype, and echoes what was typed as a plain object', () => {
    const r = readInput(
      schema,
      fd([
        ['voucherId', 'v'],
        ['pes.0.amount', '1'],
      ]),
    );
    if (!r.ok) throw new Error(r.message);
    const value = r.value as { pes: object[] };
    expect(protoOf(value)).toBeNull();
    expect(protoOf(value.pes[0])).toBeNull();
    expect(protoOf(r.posted)).toBe(Object.prototype);
    expect(r.posted).toEqual({ voucherId: 'v', 'pes.0.amount': '1' });
  });

  it('turns ticked boxes into true and missing ones into false', () => {
    const r = readInput(schema, fd([['ok', 'on']]), { checkboxes: ['ok'] });
    expect(r).toMatchObject({ ok: true, value: { ok: true } });
    expect(readInput(schema, fd([]), { checkboxes: ['ok'] })).toMatchObject({ ok: true, value: { ok: false } });
  });

  it('reads only the pressed row’s select of a whole-table form, and leaves an oversized form for the cap', () => {
    const [a, b] = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];
    const posted = fd([
      [`assigneeId:${b}`, 'B'],
      ['op', `assign:${a}:`],
      [`assigneeId:${a}`, 'A'],
      ['assigneeId:__proto__', 'x'],
    ]);
    expect(readInput(assignmentSchema, posted, { narrow: pressedRowOnly })).toMatchObject({
      ok: true,
      value: { op: `assign:${a}:`, assigneeId: 'A' },
    });
    // Without the narrowing the per-row names are undeclared, as any other.
    expect(readInput(assignmentSchema, posted)).toEqual({ ok: false, message: INPUT_MESSAGES.undeclared });
    const twoButtons = readInput(
      assignmentSchema,
      fd([
        ['op', `take:${a}:`],
        ['op', `take:${b}:`],
        [`assigneeId:${a}`, 'A'],
      ]),
      { narrow: pressedRowOnly },
    );
    expect(twoButtons).toMatchObject({ ok: true });
    expect(twoButtons.ok && twoButtons.value).toEqual({});
    // Over the cap the form is read whole, so refused: with only declared names, for their number.
    const many = fd(Array.from({ length: INPUT_LIMITS.fields + 1 }, () => ['op', `take:${a}:`] as [string, string]));
    expect(readInput(assignmentSchema, many, { narrow: pressedRowOnly })).toEqual({
      ok: false,
      message: INPUT_MESSAGES.tooMany,
    });
  });

  const HOSTILE = [
    '__proto__.x',
    'constructor.prototype.x',
    'prototype.x',
    'toString.x',
    'hasOwnProperty.call',
    'valueOf.x',
    '0.__proto__.x',
    'a.b.c.d.e.f',
    'pes.0.__proto__.x',
    'pes.__proto__.x',
    'pes.length',
    'voucherId.x',
    'pes.0.amount.x',
    'pes.1000.amount',
    'constructor',
    '__proto__',
  ];
  it.each(HOSTILE)('refuses the name %s without walking into it', (name) => {
    const r = readInput(
      schema,
      fd([
        ['voucherId', 'v'],
        [name, 'polluted'],
      ]),
    );
    expect(r).toEqual({ ok: false, message: INPUT_MESSAGES.undeclared });
    expect(changesSince(pristine)).toEqual([]);
    expect(strayProperties()).toEqual([]);
  });

  it(`refuses a form of more than ${INPUT_LIMITS.fields} fields`, () => {
    const many = Array.from({ length: 10_000 }, (_, i) => [`removed`, String(i)] as [string, string]);
    expect(readInput(schema, fd(many))).toEqual({ ok: false, message: INPUT_MESSAGES.tooMany });
    const half = Math.floor((INPUT_LIMITS.fields - 1) / 2);
    const allowed = [
      ...many.slice(0, half),
      ...Array.from({ length: half }, (_, i) => [`pes.${i % INPUT_LIMITS.items}.amount`, '1'] as [string, string]),
    ];
    expect(readInput(schema, fd(allowed))).toMatchObject({ ok: true });
    const oneTooMany = Array.from(
      { length: INPUT_LIMITS.fields + 1 - allowed.length },
      () => ['voucherId', 'v'] as [string, string],
    );
    expect(readInput(schema, fd([...allowed, ...oneTooMany]))).toEqual({ ok: false, message: INPUT_MESSAGES.tooMany });
  });
});

describe('readInput of an object given directly', () => {
  it('copies own declared fields into objects without a prototype', () => {
    const r = readInput(schema, { voucherId: 'v', pes: [{ amount: '1' }] });
    expect(r).toMatchObject({ ok: true, value: { voucherId: 'v', pes: [{ amount: '1' }] } });
    if (r.ok) expect(protoOf((r.value as { pes: object[] }).pes[0])).toBeNull();
  });

  it.each([
    ['an own __proto__ key (JSON.parse)', JSON.parse('{"voucherId":"v","__proto__":{"x":"polluted"}}') as unknown],
    ['constructor.prototype', { voucherId: 'v', constructor: { prototype: { x: 'polluted' } } }],
    ['hasOwnProperty', { voucherId: 'v', hasOwnProperty: { call: 'polluted' } }],
    ['a nested __proto__', { voucherId: 'v', pes: [JSON.parse('{"amount":"1","__proto__":{"x":1}}')] }],
    ['an object where a value belongs', { voucherId: { toString: 'x' } }],
  ])('refuses %s', (_, input) => {
    expect(readInput(schema, input)).toEqual({ ok: false, message: INPUT_MESSAGES.undeclared });
    expect(changesSince(pristine)).toEqual([]);
    expect(strayProperties()).toEqual([]);
  });

  it('never reads inherited names or getters', () => {
    const inherited = Object.create({ voucherId: 'inherited' }) as object;
    expect(readInput(schema, inherited)).toMatchObject({ ok: true, value: {} });
    const getter = Object.defineProperty({}, 'voucherId', { enumerable: true, get: () => 'from a getter' });
    expect(readInput(schema, getter)).toMatchObject({ ok: true, value: { voucherId: undefined } });
  });

  it('refuses lists and objects over the caps', () => {
    expect(readInput(schema, { removed: Array.from({ length: 10_000 }, () => 'x') })).toEqual({
      ok: false,
      message: INPUT_MESSAGES.tooMany,
    });
    expect(readInput(schema, Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`f${i}`, 'x'])))).toEqual({
      ok: false,
      message: INPUT_MESSAGES.tooMany,
    });
  });
});

describe('zod 4 .strict() and null-prototype objects', () => {
  const bare = (o: Record<string, unknown>) => Object.assign(Object.create(null) as object, o);
  it('accepts a null-prototype object with the declared fields', () => {
    expect(schema.safeParse(bare({ voucherId: 'v', pes: [bare({ amount: '1' })] })).success).toBe(true);
  });
  it('still refuses an extra field on a null-prototype object', () => {
    expect(schema.safeParse(bare({ voucherId: 'v', pes: [], status: 'approved' })).success).toBe(false);
  });
  it('gives plain objects back through toPlain', () => {
    const out = toPlain(schema.parse(bare({ voucherId: 'v', pes: [bare({ amount: '1' })] })));
    expect(protoOf(out)).toBe(Object.prototype);
    expect(protoOf(out.pes[0])).toBe(Object.prototype);
  });
});

describe('inputShape: the names each real schema declares', () => {
  it.each<[string, z.ZodType, string[]]>([
    ['summer page (nested, strict)', saveSummerPesSchema, ['voucherId', 'intent', 'removed', 'pes']],
    ['validation decision (discriminated union)', validationDecisionSchema, ['pesId', 'decision', 'reason']],
    [
      'provider (refined and transformed)',
      providerSchema,
      ['providerId', 'name', 'taxCode', 'email', 'bands', 'babysittingJoined', 'summerUntil'],
    ],
  ])('%s', (_, s, names) => {
    const shape = inputShape(s);
    expect(shape.kind).toBe('object');
    if (shape.kind === 'object') for (const n of names) expect(shape.fields.has(n)).toBe(true);
  });
});
