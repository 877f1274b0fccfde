import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/files/[id]/route';
import { documents, pes, providers, vouchers } from '@/db/schema';
import { getFamilyVoucherFile } from '@/db/queries/voucher-file';
import type { Actor } from '@/lib/auth/actor';
import { closePes } from '@/lib/services/provider/close-pes';
import { decideValidation } from '@/lib/services/provider/decide-validation';
import { attachSummerDocument } from '@/lib/services/family/attach-summer-document';
import { requestClosing } from '@/lib/services/family/request-closing';
import { requestValidation } from '@/lib/services/family/request-validation';
import { saveSummerPes } from '@/lib/services/family/save-summer-pes';
import * as pdfCheck from '@/lib/storage/check-pdf';
import { actAs, useDb } from './support/act-as';
import { demoActors, seeded } from './support/fixtures';
import { pdf } from './support/pdfs';
import { freshDb, type TestDb } from './support/test-db';

// A spy around the real checker: the tests below prove it is never reached for a stranger's upload.
vi.mock('@/lib/storage/check-pdf', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/storage/check-pdf')>();
  return { ...real, checkPdf: vi.fn(real.checkPdf) };
});

let t: TestDb;
let actors: Awaited<ReturnType<typeof demoActors>>;
const ids = { annaVoucher: '', sofiaPes: '', docId: '', martaVoucher: '', martaSummer: '' };
const download = (id: string) =>
  GET(new Request(`http://localhost:3000/api/files/${id}`), { params: Promise.resolve({ id }) });
const statusOf = async (id: string) => (await t.db.select().from(pes).where(eq(pes.id, id)))[0]!.status;

beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  useDb(t.db);
  actors = await demoActors(t.db);
  const { anna, prv1, prv2, prv3 } = actors;
  const vs = await t.db.select().from(vouchers);
  ids.annaVoucher = vs.find((v) => v.number === 'BS-2020-0001')!.id;
  ids.martaVoucher = vs.find((v) => v.number === 'BS-2020-0003')!.id;
  ids.martaSummer = (await t.db.select().from(pes).where(eq(pes.code, 'BS-2020-0003/2')))[0]!.id;
  const file = (await getFamilyVoucherFile(t.db, anna.userId, ids.annaVoucher))!;
  await requestClosing(t.db, anna, { voucherId: ids.annaVoucher, pesIds: file.standardPes.map((p) => p.id) });
  const used: Record<string, [Actor, number]> = {
    'BS-2020-0001/1': [prv1, 30_000],
    'BS-2020-0001/2': [prv2, 41_755],
    'BS-2020-0001/3': [prv3, 20_000],
  };
  for (const p of file.standardPes)
    await closePes(t.db, used[p.code]![0], { pesId: p.id, usedCents: used[p.code]![1], hoursUsed: 0 });
  const prv2Id = (await t.db.select().from(providers).where(eq(providers.code, 'PRV2')))[0]!.id;
  await saveSummerPes(t.db, anna, {
    voucherId: ids.annaVoucher,
    pes: [{ childId: file.children[1]!.id, band: 'B', providerId: prv2Id, amountCents: 50_000, hours: 40 }],
  });
  ids.sofiaPes = (await t.db.select().from(pes).where(eq(pes.kind, 'summer_covid'))).find(
    (p) => p.voucherId === ids.annaVoucher,
  )!.id;
  ids.docId = (
    await attachSummerDocument(t.db, anna, {
      voucherId: ids.annaVoucher,
      pesId: ids.sofiaPes,
      fileName: 'sofia.pdf',
      bytes: await pdf(),
    })
  ).documentId;
});
afterAll(() => t.close());

describe('a provider downloads only documents of PES its dashboard shows (issue 15, finding 10)', () => {
  it('refuses the document of a draft PES naming the provider, as if it did not exist', async () => {
    expect(await statusOf(ids.sofiaPes)).toBe('draft');
    actAs(actors.prv2);
    expect((await download(ids.docId)).status).toBe(404);
    actAs(actors.anna);
    expect((await download(ids.docId)).status).toBe(200);
  });

  it('serves it once the family asked for validation, and after the provider validated it', async () => {
    await requestValidation(t.db, actors.anna, { voucherId: ids.annaVoucher, kind: 'summer_covid' });
    expect(await statusOf(ids.sofiaPes)).toBe('awaiting_validation');
    actAs(actors.prv2);
    expect((await download(ids.docId)).status).toBe(200);
    await decideValidation(t.db, actors.prv2, { pesId: ids.sofiaPes, decision: 'validate' });
    expect((await download(ids.docId)).status).toBe(200);
  });

  it('refuses it again once the PES is deleted (withdrawn by the family)', async () => {
    await t.db.update(pes).set({ status: 'deleted' }).where(eq(pes.id, ids.sofiaPes));
    actAs(actors.prv2);
    expect((await download(ids.docId)).status).toBe(404);
    actAs(actors.office);
    expect((await download(ids.docId)).status).toBe(200);
    await t.db.update(pes).set({ status: 'validated' }).where(eq(pes.id, ids.sofiaPes));
  });
});

describe('upload: ownership and status before the bytes are parsed (issue 15, finding 4)', () => {
  const huge = () => Uint8Array.from({ length: 3 * 1024 * 1024 }, (_, i) => (i < 5 ? '%PDF-'.charCodeAt(i) : 0x20));
  const docCount = async () => (await t.db.select().from(documents)).length;

  it('answers a foreign family not_found without reading the PDF, storing nothing', async () => {
    vi.mocked(pdfCheck.checkPdf).mockClear();
    const before = await docCount();
    await expect(
      attachSummerDocument(t.db, actors.giulia, {
        voucherId: ids.annaVoucher,
        pesId: ids.sofiaPes,
        fileName: 'x.pdf',
        bytes: huge(),
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      attachSummerDocument(t.db, actors.giulia, {
        voucherId: ids.martaVoucher,
        pesId: ids.martaSummer,
        fileName: 'x.pdf',
        bytes: huge(),
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(pdfCheck.checkPdf).not.toHaveBeenCalled();
    expect(await docCount()).toBe(before);
  });

  it('answers the owner of an already submitted conversion invalid_state without reading the PDF', async () => {
    vi.mocked(pdfCheck.checkPdf).mockClear();
    await expect(
      attachSummerDocument(t.db, actors.marta, {
        voucherId: ids.martaVoucher,
        pesId: ids.martaSummer,
        fileName: 'x.pdf',
        bytes: huge(),
      }),
    ).rejects.toMatchObject({ code: 'invalid_state' });
    expect(pdfCheck.checkPdf).not.toHaveBeenCalled();
  });

  it('still checks the bytes of the owner’s own upload', async () => {
    vi.mocked(pdfCheck.checkPdf).mockClear();
    await t.db.update(pes).set({ status: 'draft' }).where(eq(pes.id, ids.sofiaPes));
    await expect(
      attachSummerDocument(t.db, actors.anna, {
        voucherId: ids.annaVoucher,
        pesId: ids.sofiaPes,
        fileName: 'x.pdf',
        bytes: huge(),
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect(pdfCheck.checkPdf).toHaveBeenCalledTimes(1);
  });
});
