import { eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversions, conversionSubmissions, notificationOutbox } from '@/db/schema';
import { dispatchOutbox } from '@/lib/notifications/dispatch-outbox';
import { inlineAttachments } from '@/lib/notifications/inline-attachments';
import type { OutgoingMessage } from '@/lib/notifications/senders';
import { confirmSubmission } from '@/lib/services/family/confirm-submission';
import { sendOtp } from '@/lib/services/family/send-otp';
import { demoActors, seeded } from './support/fixtures';
import { giuliaReadyToSign, lastCodeSentTo } from './support/signing';
import { freshDb, type TestDb } from './support/test-db';
import { pdfText } from '../support/pdf-text';

// Issue 12, P4: the receipt PDF used to be rendered inside the submission's transaction, after the
// year's protocol counter row was locked, so concurrent signers queued behind pdf-lib. The outbox row
// now references the submission and the dispatcher renders the PDF from it at delivery.
let t: TestDb;
let protocolNumber = '';
let submissionId = '';
const delivered: OutgoingMessage[] = [];

beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  const { giulia, prv1 } = await demoActors(t.db);
  const { voucherId } = await giuliaReadyToSign(t.db, giulia, prv1);
  const now = new Date('2026-11-26T10:00:00Z');
  await sendOtp(t.db, giulia, { voucherId }, { now });
  const r = await confirmSubmission(
    t.db,
    giulia,
    { voucherId, code: await lastCodeSentTo(t.db, '+393470000002') },
    { now },
  );
  protocolNumber = r.protocolNumber;
  submissionId = r.submissionId;
});
afterAll(() => t.close());

describe('the receipt e-mailed after a submission', () => {
  it('is committed with the submission as a reference to it, not as PDF bytes rendered under the protocol lock', async () => {
    const [conv] = await t.db.select().from(conversions).where(eq(conversions.protocolNumber, protocolNumber));
    expect(conv!.status).toBe('submitted');
    const rows = await t.db
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.recipient, 'giulia.bianchi@example.it'));
    const receipt = rows.find((m) => m.subject.startsWith('Ricevuta'))!;
    expect(receipt.attachments).toEqual([
      {
        filename: `ricevuta-${protocolNumber}.pdf`,
        contentType: 'application/pdf',
        receiptOfSubmission: submissionId,
        locale: 'it',
      },
    ]);
  });

  it('is delivered as the PDF rendered from that submission, titled with its protocol number, and the row marked sent', async () => {
    const capture = { name: 'capture', send: async (m: OutgoingMessage) => void delivered.push(m) };
    // Outbox rows are due from their insertion (the database clock): dispatch a minute after now.
    await dispatchOutbox(t.db, { now: new Date(Date.now() + 60_000), senders: () => capture });
    const mail = delivered.find(
      (m) => m.recipient === 'giulia.bianchi@example.it' && m.subject.startsWith('Ricevuta'),
    )!;
    expect(mail.attachments).toHaveLength(1);
    const [a] = mail.attachments!;
    expect(a).toMatchObject({ filename: `ricevuta-${protocolNumber}.pdf`, contentType: 'application/pdf' });
    const bytes = Buffer.from(a!.contentBase64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getTitle()).toBe(`Ricevuta ${protocolNumber}`);
    const [submission] = await t.db
      .select()
      .from(conversionSubmissions)
      .where(eq(conversionSubmissions.id, submissionId));
    expect(submission!.protocolNumber).toBe(protocolNumber);
    const sent = await t.db
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.recipient, 'giulia.bianchi@example.it'));
    expect(sent.find((m) => m.subject.startsWith('Ricevuta'))!.status).toBe('sent');
  });

  it('is rendered in the language the family had when it signed (issue 21)', async () => {
    const [a] = (await inlineAttachments(t.db, [
      { filename: 'receipt.pdf', contentType: 'application/pdf', receiptOfSubmission: submissionId, locale: 'en' },
    ]))!;
    const { text, title } = await pdfText(Buffer.from(a!.contentBase64, 'base64'));
    expect(title).toBe(`Receipt ${protocolNumber}`);
    expect(text).toContain(`Record number: ${protocolNumber}`);
    expect(text).toContain('What happens now');
  });
});
