import { describe, it, expect } from 'vitest';
import { AppError } from '@/lib/app-error';
import { CONVERSION_STATUS_LABELS, PES_STATUS_LABELS, PES_STATUS_TONE } from '@/lib/domain/labels';
import {
  CONVERSION_STATUSES,
  CONVERSION_TRANSITIONS,
  PES_STATUSES,
  PES_TRANSITIONS,
  TransitionError,
  assertTransition,
  canDeleteNewPes,
  canEditNewPes,
  canTransition,
  isConversionEditable,
  type ConversionStatus,
  type PesStatus,
} from '@/lib/domain/state-machines';

// The allowed edges, written out as pairs from the spec (domain.md "States").
const PES_ALLOWED = new Set([
  'active→close_requested',
  'close_requested→closed',
  'draft→awaiting_validation',
  'awaiting_validation→validated',
  'awaiting_validation→rejected',
  'rejected→draft',
  'rejected→awaiting_validation',
  'draft→deleted',
  'rejected→deleted',
  'awaiting_validation→draft',
  'awaiting_validation→deleted',
  'validated→draft',
  'validated→deleted',
  'validated→cancelled',
]);

const CONVERSION_ALLOWED = new Set([
  'draft→awaiting_validation',
  'draft→ready_to_submit',
  'awaiting_validation→ready_to_submit',
  'awaiting_validation→draft',
  'ready_to_submit→submitted',
  'ready_to_submit→awaiting_validation',
  'ready_to_submit→draft',
  'submitted→approved',
  'submitted→rejected',
  'submitted→returned',
  'returned→awaiting_validation',
  'returned→ready_to_submit',
  'returned→submitted',
  'returned→draft',
]);

const pairs = <S extends string>(statuses: readonly S[]) =>
  statuses.flatMap((from) => statuses.map((to) => [from, to] as const));

describe('PES machine: exactly the listed transitions, all others refused', () => {
  it.each(pairs(PES_STATUSES))('%s → %s', (from, to) => {
    const allowed = PES_ALLOWED.has(`${from}→${to}`);
    expect(canTransition(PES_TRANSITIONS, from, to)).toBe(allowed);
    if (allowed) expect(() => assertTransition(PES_TRANSITIONS, from, to)).not.toThrow();
    else expect(() => assertTransition(PES_TRANSITIONS, from, to)).toThrow(TransitionError);
  });
});

describe('conversion machine: exactly the listed transitions, all others refused', () => {
  it.each(pairs(CONVERSION_STATUSES))('%s → %s', (from, to) => {
    expect(canTransition(CONVERSION_TRANSITIONS, from, to)).toBe(CONVERSION_ALLOWED.has(`${from}→${to}`));
  });

  it('approved and rejected are final', () => {
    expect(CONVERSION_TRANSITIONS.approved).toEqual([]);
    expect(CONVERSION_TRANSITIONS.rejected).toEqual([]);
  });
});

describe('assertTransition', () => {
  it('carries from and to, with an Italian message', () => {
    try {
      assertTransition(CONVERSION_TRANSITIONS, 'approved', 'draft');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TransitionError);
      expect(e).toBeInstanceOf(Error);
      // A business refusal like any other: guarded() answers it with its Italian message.
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('invalid_state');
      const err = e as TransitionError;
      expect(err.from).toBe('approved');
      expect(err.to).toBe('draft');
      expect(err.message).toMatch(/non consentita/);
    }
  });

  it('refuses a status that is not in the machine (e.g. bad data from the database)', () => {
    const from = 'toString' as PesStatus;
    expect(canTransition(PES_TRANSITIONS, from, 'closed')).toBe(false);
    expect(() => assertTransition(PES_TRANSITIONS, 'bogus' as PesStatus, 'closed')).toThrow(TransitionError);
  });
});

describe('new PES edit/delete and conversion editability', () => {
  it.each(PES_STATUSES)('new PES %s: edit/delete only in draft or rejected', (s) => {
    const expected = s === 'draft' || s === 'rejected';
    expect(canEditNewPes(s)).toBe(expected);
    expect(canDeleteNewPes(s)).toBe(expected);
  });

  it.each(PES_STATUSES)('new PES %s of a conversion returned by the office: a validated one may change too', (s) => {
    const expected = s === 'draft' || s === 'rejected' || s === 'validated';
    expect(canEditNewPes(s, { reopened: true })).toBe(expected);
    expect(canDeleteNewPes(s, { reopened: true })).toBe(expected);
  });

  it.each<[ConversionStatus, boolean]>([
    ['draft', true],
    ['awaiting_validation', true],
    ['ready_to_submit', true],
    ['returned', true],
    ['submitted', false],
    ['approved', false],
    ['rejected', false],
  ])('conversion %s editable: %s', (s, editable) => {
    expect(isConversionEditable(s)).toBe(editable);
  });
});

describe('labels', () => {
  it('every status has its Italian label', () => {
    expect(PES_STATUSES.map((s) => PES_STATUS_LABELS[s])).toEqual([
      'attivo',
      'chiusura richiesta',
      'chiuso',
      'bozza',
      'in attesa di validazione',
      'validato',
      'rifiutato',
      'eliminato',
      'annullato',
    ]);
    expect(CONVERSION_STATUSES.map((s) => CONVERSION_STATUS_LABELS[s])).toEqual([
      'in compilazione',
      'in attesa di validazione',
      "pronta per l'invio",
      'inviata',
      'convalidata',
      'respinta',
      'da integrare',
    ]);
  });
});

describe('status tones', () => {
  it.each(PES_STATUSES)('PES status %s has a badge tone (deleted included)', (s) => {
    expect(PES_STATUS_TONE[s]).toMatch(/^(neutral|info|ok|warn|err)$/);
  });
});
