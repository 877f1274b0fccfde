import 'server-only';
import { and, asc, eq, gte, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { conversions, pes, pesReminders, providers, users, vouchers } from '@/db/schema';
import { isoDate } from '@/lib/domain/dates';

/** A provider's step still waiting (issue 19), with its due date and who it is for. */
export type WaitingStep = {
  pesId: string;
  code: string;
  status: 'close_requested' | 'awaiting_validation';
  dueAt: Date;
  providerId: string;
  providerName: string;
  providerEmail: string;
  voucherNumber: string;
  familyName: string;
};

const dueOf = sql<Date>`case when ${pes.status} = 'close_requested' then ${pes.closeDueAt} else ${pes.validationDueAt} end`;

const stepColumns = {
  pesId: pes.id,
  code: pes.code,
  status: pes.status,
  closeDueAt: pes.closeDueAt,
  validationDueAt: pes.validationDueAt,
  providerId: providers.id,
  providerName: providers.name,
  providerEmail: providers.email,
  voucherNumber: vouchers.number,
  givenName: users.givenName,
  familyName: users.familyName,
};

type StepRow = {
  pesId: string;
  code: string;
  status: string;
  closeDueAt: Date | null;
  validationDueAt: Date | null;
  providerId: string;
  providerName: string;
  providerEmail: string;
  voucherNumber: string;
  givenName: string;
  familyName: string;
};

function toStep(r: StepRow): WaitingStep {
  const closing = r.status === 'close_requested';
  return {
    pesId: r.pesId,
    code: r.code,
    status: closing ? 'close_requested' : 'awaiting_validation',
    dueAt: (closing ? r.closeDueAt : r.validationDueAt)!,
    providerId: r.providerId,
    providerName: r.providerName,
    providerEmail: r.providerEmail,
    voucherNumber: r.voucherNumber,
    familyName: `${r.givenName} ${r.familyName}`,
  };
}

function steps(db: DbOrTx) {
  return db
    .select(stepColumns)
    .from(pes)
    .innerJoin(providers, eq(providers.id, pes.providerId))
    .innerJoin(vouchers, eq(vouchers.id, pes.voucherId))
    .innerJoin(users, eq(users.id, vouchers.holderId));
}

/** Providers with at least one PES waiting for them (the daily plan: one digest each at most). */
export async function providersWithWaitingSteps(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: pes.providerId })
    .from(pes)
    .where(inArray(pes.status, ['close_requested', 'awaiting_validation']));
  return rows.map((r) => r.id);
}

/** One provider's waiting PES that have a due date, soonest first (pes_provider_*_due_idx). */
export async function waitingStepsOfProvider(db: DbOrTx, providerId: string): Promise<WaitingStep[]> {
  const rows = await steps(db)
    .where(
      and(
        eq(pes.providerId, providerId),
        or(
          and(eq(pes.status, 'close_requested'), isNotNull(pes.closeDueAt)),
          and(eq(pes.status, 'awaiting_validation'), isNotNull(pes.validationDueAt)),
        ),
      ),
    )
    .orderBy(asc(dueOf), asc(pes.code));
  return rows.map(toStep);
}

/** A PES whose provider's step (closing or validation) is past its due date at `now`. */
export function providerStepOverdue(now: Date) {
  return or(
    and(eq(pes.status, 'close_requested'), lt(pes.closeDueAt, now)),
    and(eq(pes.status, 'awaiting_validation'), lt(pes.validationDueAt, now)),
  )!;
}

/**
 * Every provider step past its due date, by provider then due date (the office's digest and its «In
 * ritardo» view), through the partial indexes pes_close_due_idx and pes_validation_due_idx. Capped: a
 * digest or a page lists the first `limit`, and says how many there are.
 */
export async function overdueProviderSteps(
  db: DbOrTx,
  now: Date,
  limit = 500,
): Promise<{ steps: (WaitingStep & { remindedToday: boolean })[]; total: number }> {
  const late = providerStepOverdue(now);
  const [rows, [count]] = await Promise.all([
    steps(db).where(late).orderBy(asc(providers.name), asc(providers.id), asc(dueOf), asc(pes.code)).limit(limit),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(pes)
      .where(late),
  ]);
  const ids = rows.map((r) => r.pesId);
  const today = isoDate(now);
  const reminded = ids.length
    ? await db
        .select({ pesId: pesReminders.pesId })
        .from(pesReminders)
        .where(and(inArray(pesReminders.pesId, ids), eq(pesReminders.day, today)))
    : [];
  const remindedIds = new Set(reminded.map((r) => r.pesId));
  return {
    steps: rows.map((r) => ({ ...toStep(r), remindedToday: remindedIds.has(r.pesId) })),
    total: count?.n ?? 0,
  };
}

const BEING_CORRECTED = ['returned', 'draft', 'awaiting_validation', 'ready_to_submit'] as const;

/** A conversion back with its family for integration, not signed again yet: the family's step, the office's term suspended. */
export const awaitingIntegration = and(
  inArray(conversions.status, [...BEING_CORRECTED]),
  isNotNull(conversions.decisionSuspendedAt),
)!;

/** The family's answer to a request for integration, past its due date at `now`. */
export function integrationOverdue(now: Date) {
  return and(awaitingIntegration, lt(conversions.integrationDueAt, now))!;
}

/** Conversions whose family must answer an integration request by `before` (and has not yet resubmitted). */
export async function integrationAnswersDue(db: DbOrTx, now: Date, before: Date) {
  return db
    .select({ id: conversions.id, integrationDueAt: conversions.integrationDueAt })
    .from(conversions)
    .where(and(awaitingIntegration, gte(conversions.integrationDueAt, now), lt(conversions.integrationDueAt, before)));
}

/** A submitted conversion whose office term has passed at `now` (conversions_decision_due_idx). */
export function officeTermPassed(now: Date) {
  return and(eq(conversions.status, 'submitted'), lt(conversions.decisionDueAt, now))!;
}

/** Submitted conversions whose office term has passed. */
export async function officeTermsPassed(db: DbOrTx, now: Date) {
  return db
    .select({ id: conversions.id, decisionDueAt: conversions.decisionDueAt })
    .from(conversions)
    .where(officeTermPassed(now));
}

/** The holder of a conversion, for the family's reminders. */
export async function conversionHolder(db: DbOrTx, conversionId: string) {
  const [row] = await db
    .select({
      conversion: conversions,
      voucherId: vouchers.id,
      voucherNumber: vouchers.number,
      givenName: users.givenName,
      familyName: users.familyName,
      email: users.email,
      codiceFiscale: users.codiceFiscale,
      locale: users.locale,
    })
    .from(conversions)
    .innerJoin(vouchers, eq(vouchers.id, conversions.voucherId))
    .innerJoin(users, eq(users.id, vouchers.holderId))
    .where(eq(conversions.id, conversionId));
  return row ?? null;
}
