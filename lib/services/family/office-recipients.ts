import 'server-only';
import type { Tx } from '@/db/open';
import { activeOfficeEmails } from '@/db/queries/active-office-emails';

/**
 * Who is told of a new submission: OFFICE_EMAIL (the office's shared mailbox, comma-separated if
 * several) when set, otherwise every active office user.
 */
export async function officeRecipients(tx: Tx): Promise<string[]> {
  const configured = (process.env.OFFICE_EMAIL ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (configured.length) return configured;
  return activeOfficeEmails(tx);
}
