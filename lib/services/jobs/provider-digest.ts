import 'server-only';
import type { Tx } from '@/db/open';
import { termCalendar } from '@/db/queries/term-calendar';
import { waitingStepsOfProvider } from '@/db/queries/waiting-steps';
import { publicBaseUrl } from '@/lib/config/runtime-config';
import { endOfRomeDay } from '@/lib/domain/terms';
import { addWorkingDays } from '@/lib/domain/working-days';
import { enqueueEmail } from '@/lib/notifications/enqueue';
import { providerDigestMessage } from '@/lib/notifications/messages/term-reminders';

/** Working days ahead the digest looks: what falls due by then is listed with what is already overdue. */
export const DIGEST_LOOKAHEAD_WORKING_DAYS = 2;

/**
 * One provider's digest of the day: only when something is overdue or due within two working days (never
 * one e-mail per PES). A provider without an e-mail address gets none; the office's digest names it.
 */
export async function sendProviderDigest(
  tx: Tx,
  providerId: string,
  day: string,
  now: Date,
): Promise<Record<string, unknown>> {
  const steps = await waitingStepsOfProvider(tx, providerId);
  if (!steps.length) return { sent: false, reason: 'nothing_waiting' };
  const calendar = await termCalendar(tx);
  const horizon = endOfRomeDay(addWorkingDays(day, DIGEST_LOOKAHEAD_WORKING_DAYS, calendar.localFeasts));
  const overdue = steps.filter((s) => s.dueAt.getTime() < now.getTime());
  const dueSoon = steps.filter((s) => s.dueAt.getTime() >= now.getTime() && s.dueAt.getTime() <= horizon.getTime());
  if (!overdue.length && !dueSoon.length) return { sent: false, reason: 'nothing_due', waiting: steps.length };
  const email = steps[0]!.providerEmail.trim();
  if (!email) return { sent: false, reason: 'no_email', overdue: overdue.length, dueSoon: dueSoon.length };
  const base = publicBaseUrl();
  await enqueueEmail(tx, {
    to: email,
    ...providerDigestMessage({
      providerName: steps[0]!.providerName,
      day,
      overdue,
      dueSoon,
      otherWaiting: steps.length - overdue.length - dueSoon.length,
      ...(base ? { href: `${base}/erogatore` } : {}),
    }),
  });
  return { sent: true, overdue: overdue.length, dueSoon: dueSoon.length };
}
