import type { ConversionStatus, PesStatus } from './state-machines';
import { termStanding } from './term-standing';

/**
 * One waiting step as the family and the office read it: who must act, by when, and whether it is late.
 * `what` says it in data; lib/i18n/deadline-text.ts says it in the reader's language.
 */
export type Deadline = { key: string; what: DeadlineWhat; dueAt: Date; overdue: boolean; daysLeft: number };
export type DeadlineWhat =
  | { kind: 'close' | 'validate'; provider: string; code: string }
  | { kind: 'decision' }
  | {
      kind: 'integration';
      audience: 'family' | 'office';
      /** The office's term, suspended while the family answers (null when the conversion predates terms). */
      suspended: { since: Date; daysUsed: number; termDays: number } | null;
    };

type PesTerm = {
  id: string;
  code: string;
  status: PesStatus;
  providerName: string;
  closeDueAt: Date | null;
  validationDueAt: Date | null;
};
type ConversionTerm = {
  status: ConversionStatus;
  decisionDueAt: Date | null;
  decisionSuspendedAt: Date | null;
  decisionDaysUsed: number;
  decisionTermDays: number | null;
  integrationDueAt: Date | null;
};

function deadline(key: string, dueAt: Date, now: Date, what: DeadlineWhat): Deadline {
  return { key, what, dueAt, ...termStanding(dueAt, now) };
}

/**
 * The due dates of what is waiting on a voucher, soonest first (issue 19: "Nobody waits without knowing
 * until when"). `audience` changes only the integration sentence: the family is told to answer.
 */
export function voucherDeadlines(
  pes: readonly PesTerm[],
  conversion: ConversionTerm | null,
  now: Date,
  audience: 'family' | 'office' = 'family',
): Deadline[] {
  const out: Deadline[] = [];
  for (const p of pes) {
    const on = { provider: p.providerName, code: p.code };
    if (p.status === 'close_requested' && p.closeDueAt)
      out.push(deadline(`close-${p.id}`, p.closeDueAt, now, { kind: 'close', ...on }));
    if (p.status === 'awaiting_validation' && p.validationDueAt)
      out.push(deadline(`validate-${p.id}`, p.validationDueAt, now, { kind: 'validate', ...on }));
  }
  if (conversion?.status === 'submitted' && conversion.decisionDueAt)
    out.push(deadline('decision', conversion.decisionDueAt, now, { kind: 'decision' }));
  const awaitingFamily = conversion && conversion.decisionSuspendedAt && conversion.status !== 'submitted';
  if (awaitingFamily && conversion.integrationDueAt && !['approved', 'rejected'].includes(conversion.status)) {
    const suspended =
      conversion.decisionTermDays !== null
        ? {
            since: conversion.decisionSuspendedAt!,
            daysUsed: conversion.decisionDaysUsed,
            termDays: conversion.decisionTermDays,
          }
        : null;
    out.push(deadline('integration', conversion.integrationDueAt, now, { kind: 'integration', audience, suspended }));
  }
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}
