import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/files/[id]/route';
import { conversions, documents, pes, vouchers } from '@/db/schema';
import { getOfficeConversionFile } from '@/db/queries/office/conversion-file';
import { officeScope } from '@/lib/auth/office-scope';
import { getFamilyVoucherFile } from '@/db/queries/voucher-file';
import { confirmSubmission } from '@/lib/services/family/confirm-submission';
import { decideValidation } from '@/lib/services/provider/decide-validation';
import { attachSummerDocument } from '@/lib/services/family/attach-summer-document';
import { removeSummerDocument } from '@/lib/services/family/remove-summer-document';
import { returnConversion } from '@/lib/services/office/return-conversion';
import { requestValidation } from '@/lib/services/family/request-validation';
import { sendOtp } from '@/lib/services/family/send-otp';
import { actAs, useDb } from './support/act-as';
import { demoActors, seeded } from './support/fixtures';
import { pdf } from './support/pdfs';
import { lastCodeSentTo } from './support/signing';
import { freshDb, type TestDb } from './support/test-db';

/**
 * Issue 15, finding 4: after Richiedi integrazione the family replaced the PDF of its validated summer PES,
 * and the document the first signature recorded (by SHA-256) was deleted with its blob. A signed PDF is
 * now detached from the PES, never deleted: the office still verifies and downloads what each signature named.
 */
const MARTA_MOBILE = '+393470000003';
let t: TestDb;
let actors: Awaited<ReturnType<typeof demoActors>>;
const ids = { voucher: '', conversion: '', summer: '', signedDoc: '' };
const download = (id: string) =>
  GET(new Request(`http://localhost:3000/api/files/${id}`), { params: Promise.resolve({ id }) });
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const officeFile = async () => (await getOfficeConversionFile(t.db, officeScope(actors.office), ids.conversion))!;

beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  useDb(t.db);
  actors = await demoActors(t.db);
  ids.voucher = (await t.db.select().from(vouchers).where(eq(vouchers.number, 'BS-2020-0003')))[0]!.id;
  ids.conversion = (await t.db.select().from(conversions).where(eq(conversions.voucherId, ids.voucher)))[0]!.id;
  ids.summer = (await t.db.select().from(pes).where(eq(pes.code, 'BS-2020-0003/2')))[0]!.id;
  ids.signedDoc = (await t.db.select().from(documents).where(eq(documents.pesId, ids.summer)))[0]!.id;
});
afterAll(() => t.close());

describe('a PDF named by a signed submission is never deleted', () => {
  it('the office returns Marta’s signed conversion; she replaces the PDF: the PES has the new one, the signed one stays', async () => {
    await returnConversion(t.db, actors.office, {
      conversionId: ids.conversion,
      reason: 'Caricare il PES concordato firmato',
    });
    const bytes = await pdf({ text: 'PES concordato firmato da Estate Ragazzi' });
    const r = await attachSummerDocument(t.db, actors.marta, {
      voucherId: ids.voucher,
      pesId: ids.summer,
      fileName: 'firmato.pdf',
      bytes,
    });
    expect(r.backToDraft).toBe(true);
    const file = (await getFamilyVoucherFile(t.db, actors.marta.userId, ids.voucher))!;
    expect(file.newPes[0]!.document).toMatchObject({ id: r.documentId, fileName: 'firmato.pdf' });
    actAs(actors.office);
    expect((await download(ids.signedDoc)).status).toBe(200);
  });

  it('removing the PDF again deletes only the unsigned upload; the family has no way left to delete the signed one', async () => {
    await removeSummerDocument(t.db, actors.marta, { voucherId: ids.voucher, pesId: ids.summer });
    await expect(
      removeSummerDocument(t.db, actors.marta, { voucherId: ids.voucher, pesId: ids.summer }),
    ).rejects.toMatchObject({ code: 'invalid_state' });
    const left = await t.db.select().from(documents).where(eq(documents.pesId, ids.summer));
    expect(left.map((d) => d.id)).toEqual([ids.signedDoc]);
    actAs(actors.office);
    expect((await download(ids.signedDoc)).status).toBe(200);
  });

  it('Marta uploads the corrected PDF, Estate Ragazzi validates it again and she signs again', async () => {
    await attachSummerDocument(t.db, actors.marta, {
      voucherId: ids.voucher,
      pesId: ids.summer,
      fileName: 'corretto.pdf',
      bytes: await pdf({ text: 'PES concordato corretto' }),
    });
    await requestValidation(t.db, actors.marta, { voucherId: ids.voucher, kind: 'summer_covid' });
    await decideValidation(t.db, actors.prv2, { pesId: ids.summer, decision: 'validate' });
    await sendOtp(t.db, actors.marta, { voucherId: ids.voucher });
    await confirmSubmission(t.db, actors.marta, {
      voucherId: ids.voucher,
      code: await lastCodeSentTo(t.db, MARTA_MOBILE),
    });
    expect((await t.db.select().from(conversions).where(eq(conversions.id, ids.conversion)))[0]!.status).toBe(
      'submitted',
    );
  });

  it('the office file verifies each signed submission (“corrisponde”) and links the PDF each one signed', async () => {
    const f = await officeFile();
    expect(f.dossier.matches).toBe(true);
    expect(f.submissions).toHaveLength(2);
    for (const s of f.submissions) expect(s.matches).toBe(true);
    const [first, second] = f.submissions;
    expect(first!.documents.map((d) => d.documentId)).toEqual([ids.signedDoc]);
    expect(second!.documents.map((d) => d.fileName)).toEqual(['corretto.pdf']);
    expect(second!.documents[0]!.documentId).not.toBe(ids.signedDoc);
    // The PES shows its current PDF only.
    expect(f.newPes[0]!.document?.fileName).toBe('corretto.pdf');

    actAs(actors.office);
    const old = await download(ids.signedDoc);
    expect(old.status).toBe(200);
    const [signed] = await t.db.select().from(documents).where(eq(documents.id, ids.signedDoc));
    expect(sha(new Uint8Array(await old.arrayBuffer()))).toBe(signed!.sha256);
  });

  it('a signed submission whose PDF went missing is shown as not matching', async () => {
    await t.db
      .update(documents)
      .set({ sha256: '0'.repeat(64) })
      .where(eq(documents.id, ids.signedDoc));
    const f = await officeFile();
    expect(f.submissions.map((s) => s.matches)).toEqual([false, true]);
  });
});
