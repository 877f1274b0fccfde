import 'server-only';
import type { Tx } from '@/db/open';
import { conversionHolder } from '@/db/queries/waiting-steps';
import { publicBaseUrl } from '@/lib/config/runtime-config';
import { enqueueFamilyMessage } from '@/lib/notifications/enqueue-family-message';

const BEING_CORRECTED = new Set(['returned', 'draft', 'awaiting_validation', 'ready_to_submit']);

/** family_integration_reminder (e-mail, and App IO when on): sent only if the family still has not answered when the job runs. */
export async function sendFamilyIntegrationReminder(tx: Tx, conversionId: string, now: Date) {
  const h = await conversionHolder(tx, conversionId);
  const c = h?.conversion;
  if (!h || !c || !BEING_CORRECTED.has(c.status) || !c.integrationDueAt || c.integrationDueAt < now)
    return { sent: false, reason: 'no_longer_waiting' };
  const kind = 'family_integration_reminder';
  await enqueueFamilyMessage(tx, h, kind, {
    ...h,
    dueAt: c.integrationDueAt,
    href: `${publicBaseUrl()}/famiglia/buoni/${h.voucherId}#integrazione`,
  });
  return { sent: true, kind };
}

/** family_office_term_passed: sent only if the office still has not decided when the job runs. */
export async function sendFamilyOfficeTermPassed(tx: Tx, conversionId: string, now: Date) {
  const h = await conversionHolder(tx, conversionId);
  const c = h?.conversion;
  if (!h || !c || c.status !== 'submitted' || !c.decisionDueAt || c.decisionDueAt >= now)
    return { sent: false, reason: 'decided_or_not_due' };
  const kind = 'family_office_term_passed';
  await enqueueFamilyMessage(tx, h, kind, {
    ...h,
    dueAt: c.decisionDueAt,
    protocolNumber: c.protocolNumber,
    href: `${publicBaseUrl()}/famiglia/buoni/${h.voucherId}`,
  });
  return { sent: true, kind };
}
