import type { DbOrTx } from '@/db/open';
import { ioContentFromEmail } from '@/lib/domain/io-message';
import { DEFAULT_LOCALE, isLocale } from '@/lib/domain/locale';
import { enqueueEmail } from './enqueue';
import { enqueueIo } from './enqueue-io';
import { familyEmailContent, type FamilyMessageData, type FamilyMessageKind } from './family-messages';

/** `locale`: users.locale, the language the family chose (null: never chose, Italian). */
export type FamilyRecipient = { email: string; codiceFiscale: string; locale: string | null };

/**
 * A message to a family: the e-mail, and the same content on App IO when IO is on. Two outbox rows written in
 * the caller's transaction, so the e-mail goes out whatever IO answers.
 */
export async function enqueueFamilyMessage<K extends FamilyMessageKind>(
  tx: DbOrTx,
  to: FamilyRecipient,
  kind: K,
  data: FamilyMessageData<K>,
): Promise<void> {
  const content = familyEmailContent(kind, data, isLocale(to.locale) ? to.locale : DEFAULT_LOCALE);
  await enqueueEmail(tx, { to: to.email, ...content });
  await enqueueIo(tx, to.codiceFiscale, ioContentFromEmail(content));
}
