import 'server-only';
import { and, eq, inArray, isNotNull, notInArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db/open';
import { conversions, users } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { formatDateTimeIt } from '@/lib/domain/dates';

/** A conversion decided for good has nobody left to follow it. */
const CLOSED = ['approved', 'rejected'] as const;

export type AssigneeRef = { assigneeId: string; assigneeName: string } | { assigneeId: null; assigneeName: null };

const NOBODY: AssigneeRef = { assigneeId: null, assigneeName: null };
const fullName = (u: { givenName: string; familyName: string }) => `${u.givenName} ${u.familyName}`;

/**
 * The guarded change every assignment makes: `UPDATE … WHERE assigned_to IS NOT DISTINCT FROM $from`, where
 * $from is who the clerk saw in charge. Two clerks taking the same case at once: the second UPDATE waits for
 * the first to commit, then matches no row, and the clerk is told who has it. Only an active office clerk can
 * be put in charge; the row is read FOR SHARE so a deactivation cannot commit in between.
 */
export async function moveAssignee(
  tx: Tx,
  input: { conversionId: string; from: string | null; to: string | null },
  now: Date,
): Promise<{
  conversionId: string;
  voucherId: string;
  protocolNumber: string | null;
  before: AssigneeRef;
  after: AssigneeRef;
}> {
  const people = await tx
    .select({
      id: users.id,
      givenName: users.givenName,
      familyName: users.familyName,
      role: users.role,
      active: users.active,
    })
    .from(users)
    .where(
      inArray(
        users.id,
        [input.from, input.to].filter((id): id is string => id !== null),
      ),
    )
    .for('share');
  const target = input.to === null ? null : people.find((u) => u.id === input.to);
  if (input.to !== null && (!target || target.role !== 'office' || !target.active)) {
    const message = 'La pratica può essere assegnata solo a un operatore dell’ufficio con un’utenza attiva.';
    throw new AppError('invalid_input', message, { assigneeId: message });
  }
  const [moved] = await tx
    .update(conversions)
    .set({ assignedTo: input.to, assignedAt: input.to === null ? null : now })
    .where(
      and(
        eq(conversions.id, input.conversionId),
        isNotNull(conversions.submittedAt),
        notInArray(conversions.status, [...CLOSED]),
        sql`${conversions.assignedTo} is not distinct from ${input.from}::uuid`,
      ),
    )
    .returning({ id: conversions.id, voucherId: conversions.voucherId, protocolNumber: conversions.protocolNumber });
  if (!moved) throw await refusal(tx, input.conversionId);
  const named = (id: string | null): AssigneeRef => {
    const u = id === null ? undefined : people.find((p) => p.id === id);
    return u ? { assigneeId: u.id, assigneeName: fullName(u) } : NOBODY;
  };
  return {
    conversionId: moved.id,
    voucherId: moved.voucherId,
    protocolNumber: moved.protocolNumber,
    before: named(input.from),
    after: named(input.to),
  };
}

/** Why nothing matched: the case does not reach the office, is closed, or someone else changed its assignee. */
async function refusal(tx: Tx, conversionId: string): Promise<AppError> {
  const [current] = await tx
    .select({
      status: conversions.status,
      submittedAt: conversions.submittedAt,
      assignedAt: conversions.assignedAt,
      givenName: users.givenName,
      familyName: users.familyName,
    })
    .from(conversions)
    .leftJoin(users, eq(users.id, conversions.assignedTo))
    .where(eq(conversions.id, conversionId));
  if (!current || !current.submittedAt)
    return new AppError('not_found', 'La pratica non esiste o non è ancora stata inviata dalla famiglia.');
  if ((CLOSED as readonly string[]).includes(current.status))
    return new AppError(
      'invalid_state',
      'La pratica è già stata decisa (convalidata o respinta): non serve più prenderla in carico.',
    );
  if (current.givenName && current.familyName && current.assignedAt)
    return new AppError(
      'invalid_state',
      `La pratica è già in carico a ${fullName({ givenName: current.givenName, familyName: current.familyName })} dal ${formatDateTimeIt(current.assignedAt)}: la tua operazione non è stata registrata. Ricarica la pagina per vedere la situazione aggiornata.`,
    );
  return new AppError(
    'invalid_state',
    'Nel frattempo la pratica è stata rilasciata e non è in carico a nessuno: la tua operazione non è stata registrata. Ricarica la pagina per vedere la situazione aggiornata.',
  );
}
