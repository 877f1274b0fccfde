import 'server-only';
import { randomBytes, randomUUID } from 'node:crypto';
import { DEFAULT_LOCALE, isLocale } from '@/lib/domain/locale';
import { translatorFor } from '@/lib/i18n/translator';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/open';
import { conversions, conversionSubmissions, type SignatureEvidence } from '@/db/schema';
import { refusal } from '@/lib/i18n/refusal';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import type { Dossier } from '@/lib/domain/dossier';
import { protocolYear } from '@/lib/domain/protocol-number';
import { insertRenderedEmails, renderEmails } from '@/lib/notifications/enqueue';
import {
  submissionNoticeForOffice,
  submissionReceiptForFamily,
} from '@/lib/notifications/messages/submission-received';
import { startOrResumeOfficeTerm } from '@/lib/services/transitions/office-term';
import { officeRecipients } from './office-recipients';
import { nextProtocolNumber } from './next-protocol-number';

type Conversion = typeof conversions.$inferSelect;
type Args = {
  actor: Actor;
  conversion: Conversion;
  voucher: { id: string; number: string };
  holder: { email: string; locale: string | null };
  dossier: Dossier;
  sha256: string;
  signature: SignatureEvidence;
  now: Date;
  baseUrl?: string;
};

/**
 * The conversion becomes `submitted` with its protocol number and signature, a history row and an
 * audit event are written, and the family (receipt attached) and the office are e-mailed — all in
 * the caller's transaction. From the counter upsert to commit, the year's counter row is locked:
 * concurrent signers queue there, so the e-mails are rendered before it (react-email is the slow
 * part, P4) with a placeholder for the number, and only the writes happen after it.
 */
export async function recordSubmission(tx: Tx, a: Args): Promise<{ protocolNumber: string; submissionId: string }> {
  const from = a.conversion.status;
  // Before the counter row is locked below: the term's reads then hold nobody up.
  const decisionDueAt = await startOrResumeOfficeTerm(tx, a.conversion, a.now);
  const submissionId = randomUUID();
  // Re-signing after the office returned it keeps the number it already has.
  const known = a.conversion.protocolNumber;
  const placeholder = known ?? `PROTOCOLLO-${randomBytes(12).toString('hex')}`;
  const facts = {
    holderName: a.dossier.voucher.holderName,
    holderCodiceFiscale: a.dossier.voucher.holderCodiceFiscale,
    voucherNumber: a.voucher.number,
    protocolNumber: placeholder,
    submittedAt: a.now,
    newPesCount: a.dossier.newPes.length,
    committedCents: a.dossier.committedCents,
    dossierSha256: a.sha256,
    resubmission: from === 'returned',
  };
  const officeLink = a.baseUrl ? `${a.baseUrl}/ufficio` : undefined;
  const familyLocale = isLocale(a.holder.locale) ? a.holder.locale : DEFAULT_LOCALE;
  const emails = await renderEmails([
    {
      to: a.holder.email,
      ...submissionReceiptForFamily(
        facts,
        a.baseUrl ? `${a.baseUrl}/famiglia/buoni/${a.voucher.id}/ricevuta` : undefined,
        familyLocale,
      ),
      // The PDF is rendered by the dispatcher from the submission row written below, not here.
      attachments: [
        {
          filename: translatorFor(familyLocale, 'Emails')('receiptFile', { protocol: placeholder }),
          contentType: 'application/pdf',
          receiptOfSubmission: submissionId,
          locale: familyLocale,
        },
      ],
    },
    ...(await officeRecipients(tx)).map((to) => ({ to, ...submissionNoticeForOffice(facts, officeLink) })),
  ]);

  const protocolNumber = known ?? (await nextProtocolNumber(tx, protocolYear(a.now)));
  // From here to commit the counter row is locked: the four writes go out together (the driver pipelines
  // them on the transaction's connection), one round trip instead of four. A failed one fails the others
  // and the transaction rolls back, the number with it.
  const [updated] = await Promise.all([
    tx
      .update(conversions)
      .set({ status: 'submitted', submittedAt: a.now, protocolNumber, signature: a.signature, updatedAt: a.now })
      .where(and(eq(conversions.id, a.conversion.id), inArray(conversions.status, ['ready_to_submit', 'returned'])))
      .returning({ id: conversions.id }),
    tx.insert(conversionSubmissions).values({
      id: submissionId,
      conversionId: a.conversion.id,
      protocolNumber,
      submittedAt: a.now,
      dossierSha256: a.sha256,
      dossier: a.dossier,
      signature: a.signature,
    }),
    writeAudit(tx, {
      actor: a.actor,
      action: 'conversion.submitted',
      entityType: 'voucher',
      entityId: a.voucher.id,
      before: { status: from },
      after: {
        status: 'submitted',
        protocolNumber,
        otpId: a.signature.otpId,
        dossierSha256: a.sha256,
        submissionId,
        decisionDueAt: decisionDueAt.toISOString(),
      },
      at: a.now,
    }),
    insertRenderedEmails(tx, emails, { placeholder, value: protocolNumber }),
  ]);
  if (updated.length !== 1) throw refusal('invalid_state', 'requestAlreadySent');
  return { protocolNumber, submissionId };
}
