import 'server-only';
import type { Tx } from '@/db/open';
import { overdueProviderSteps } from '@/db/queries/waiting-steps';
import { publicBaseUrl } from '@/lib/config/runtime-config';
import { enqueueEmail } from '@/lib/notifications/enqueue';
import { officeDigestMessage, type OverdueByProvider } from '@/lib/notifications/messages/term-reminders';
import { officeRecipients } from '@/lib/services/family/office-recipients';

/** The office's digest of the day: provider steps past their term, by provider; nothing when none is late. */
export async function sendOfficeDigest(tx: Tx, day: string, now: Date): Promise<Record<string, unknown>> {
  const { steps, total } = await overdueProviderSteps(tx, now);
  if (!total) return { sent: false, reason: 'nothing_overdue' };
  const byProvider = new Map<string, OverdueByProvider>();
  for (const s of steps) {
    const p = byProvider.get(s.providerId) ?? {
      providerName: s.providerName,
      hasEmail: s.providerEmail.trim() !== '',
      steps: [],
    };
    p.steps.push(s);
    byProvider.set(s.providerId, p);
  }
  const recipients = await officeRecipients(tx);
  const content = officeDigestMessage({
    day,
    providers: [...byProvider.values()],
    total,
    href: `${publicBaseUrl()}/ufficio/in-ritardo`,
  });
  for (const to of recipients) await enqueueEmail(tx, { to, ...content });
  return { sent: recipients.length > 0, overdue: total, providers: byProvider.size, recipients: recipients.length };
}
