import type { DbOrTx } from '@/db/open';
import { storedLocale } from '@/lib/domain/locale';
import { enqueueEmail } from './enqueue';
import { enqueueIo } from './enqueue-io';
import { familyEmailContent, familyIoContent, type FamilyMessageData, type FamilyMessageKind } from './family-messages';

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
  const locale = storedLocale(to.locale);
  await enqueueEmail(tx, { to: to.email, ...familyEmailContent(kind, data, locale) });
  await enqueueIo(tx, to.codiceFiscale, familyIoContent(kind, data, locale));
}
