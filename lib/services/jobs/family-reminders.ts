import 'server-only';
import type { Tx } from '@/db/open';
import { conversionHolder } from '@/db/queries/waiting-steps';
import { publicBaseUrl } from '@/lib/config/runtime-config';
import { enqueueEmail } from '@/lib/notifications/enqueue';
import { familyIntegrationReminder, familyOfficeTermPassed } from '@/lib/notifications/messages/term-reminders';

const BEING_CORRECTED = new Set(['returned', 'draft', 'awaiting_validation', 'ready_to_submit']);

/** family_integration_reminder: sent only if the family still has not answered when the job runs. */
export async function sendFamilyIntegrationReminder(tx: Tx, conversionId: string, now: Date) {
  const h = await conversionHolder(tx, conversionId);
  const c = h?.conversion;
  if (!h || !c || !BEING_CORRECTED.has(c.status) || !c.integrationDueAt || c.integrationDueAt < now)
    return { sent: false, reason: 'no_longer_waiting' };
  const { kind, ...content } = familyIntegrationReminder({
    ...h,
    dueAt: c.integrationDueAt,
    href: `${publicBaseUrl()}/famiglia/buoni/${h.voucherId}#integrazione`,
  });
  await enqueueEmail(tx, { to: h.email, ...content });
  return { sent: true, kind };
}

/** family_office_term_passed: sent only if the office still has not decided when the job runs. */
export async function sendFamilyOfficeTermPassed(tx: Tx, conversionId: string, now: Date) {
  const h = await conversionHolder(tx, conversionId);
  const c = h?.conversion;
  if (!h || !c || c.status !== 'submitted' || !c.decisionDueAt || c.decisionDueAt >= now)
    return { sent: false, reason: 'decided_or_not_due' };
  const { kind, ...content } = familyOfficeTermPassed({
    ...h,
    dueAt: c.decisionDueAt,
    protocolNumber: c.protocolNumber,
    href: `${publicBaseUrl()}/famiglia/buoni/${h.voucherId}`,
  });
  await enqueueEmail(tx, { to: h.email, ...content });
  return { sent: true, kind };
}
