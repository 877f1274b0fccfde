import type { DbOrTx } from '@/db/open';
import { notificationOutbox } from '@/db/schema';
import { ioMessagesOn } from '@/lib/config/runtime-config';
import { IO_FISCAL_CODE, type IoContent } from '@/lib/domain/io-message';

/**
 * An App IO message as its own outbox row, in the caller's transaction (M6): delivered, retried or given up
 * independently of the e-mail beside it. Nothing is written when IO is off (production without IO_API_KEY), or
 * for a code IO cannot know (a temporary 11-digit code has no IO profile). Returns whether a row was written.
 */
export async function enqueueIo(tx: DbOrTx, fiscalCode: string, content: IoContent): Promise<boolean> {
  if (!ioMessagesOn()) return false;
  const cf = fiscalCode.replace(/\s+/g, '').toUpperCase();
  if (!IO_FISCAL_CODE.test(cf)) return false;
  await tx.insert(notificationOutbox).values({
    channel: 'io',
    recipient: cf,
    subject: content.subject,
    textBody: content.markdown,
    htmlBody: null,
  });
  return true;
}
