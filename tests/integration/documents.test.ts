import { readdirSync } from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/files/[id]/route';
import { POST } from '@/app/api/documents/route';
import { conversions, documents, pes, providers, storedFiles, vouchers } from '@/db/schema';
import { getFamilyVoucherFile } from '@/db/queries/voucher-file';
import type { Actor } from '@/lib/auth/actor';
import { closePes } from '@/lib/services/provider/close-pes';
import { attachSummerDocument } from '@/lib/services/family/attach-summer-document';
import { requestClosing } from '@/lib/services/family/request-closing';
import { requestValidation } from '@/lib/services/family/request-validation';
import { saveSummerPes } from '@/lib/services/family/save-summer-pes';
import type { FileStorage } from '@/lib/storage/file-storage';
import { actAs, useDb } from './support/act-as';
import { demoActors, seeded } from './support/fixtures';
import { HTML, PNG, ZIP, pdf, pdfOfSize, pdfWithEmbeddedFile, pdfWithJavaScript, pdfWithLaunch } from './support/pdfs';
import { freshDb, type TestDb } from './support/test-db';

let t: TestDb;
let actors: Awaited<ReturnType<typeof demoActors>>;
const ids = { annaVoucher: '', sofiaPes: '' };

const filesOnDisk = () =>
  (readdirSync(process.env.FILES_DIR!, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.pdf') || !path.extname(f))
    .filter((f) => f.includes(path.sep) || f.startsWith('documents')).length;
const storedFileRows = async () => (await t.db.select({ n: count() }).from(storedFiles))[0]!.n;
let kind: 'local' | 'database' = 'local';
/** Documents in the store this run uses: files in FILES_DIR, or rows of stored_files. */
const filesStored = async () => (kind === 'local' ? filesOnDisk() : storedFileRows());
const docsOf = (pesId: string) => t.db.select().from(documents).where(eq(documents.pesId, pesId));

function upload(
  bytes: Uint8Array,
  name: string,
  opts: { json?: boolean; origin?: string | null; pesId?: string } = {},
) {
  const fd = new FormData();
  fd.append('voucherId', ids.annaVoucher);
  fd.append('pesId', opts.pesId ?? ids.sofiaPes);
  fd.append('file', new File([Buffer.from(bytes)], name, { type: 'application/pdf' }));
  const headers: Record<string, string> = { host: 'localhost:3000' };
  if (opts.origin !== null) headers.origin = opts.origin ?? 'http://localhost:3000';
  if (opts.json !== false) headers.accept = 'application/json';
  return POST(new Request('http://localhost:3000/api/documents', { method: 'POST', body: fd, headers }));
}
const download = (id: string) =>
  GET(new Request(`http://localhost:3000/api/files/${id}`), { params: Promise.resolve({ id }) });

const savedFileStorage = process.env.FILE_STORAGE;
const restoreEnv = () =>
  savedFileStorage === undefined ? delete process.env.FILE_STORAGE : (process.env.FILE_STORAGE = savedFileStorage);

// The whole flow on each store the app can use without network (FILE_STORAGE, lib/storage/file-storage.ts).
describe.each(['local', 'database'] as const)('documents with FILE_STORAGE=%s', (storeKind) => {
  beforeAll(async () => {
    kind = storeKind;
    process.env.FILE_STORAGE = storeKind;
    t = await freshDb();
    await seeded(t.db);
    useDb(t.db);
    actors = await demoActors(t.db);
    const { anna, prv1, prv2, prv3 } = actors;
    const vs = await t.db.select().from(vouchers);
    ids.annaVoucher = vs.find((v) => v.number === 'BS-2020-0001')!.id;
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
  });
  afterAll(async () => {
    restoreEnv();
    await t.close();
  });

  describe('upload: hostile files are refused and nothing is stored (F1)', () => {
    it.each<[string, () => Promise<Uint8Array> | Uint8Array, string]>([
      ['a PNG renamed .pdf', () => PNG, 'not_pdf'],
      ['an HTML page renamed .pdf', () => HTML, 'not_pdf'],
      ['a ZIP renamed .pdf', () => ZIP, 'not_pdf'],
      ['%PDF- at offset 512', async () => Uint8Array.from([...new Uint8Array(512), ...(await pdf())]), 'not_pdf'],
      ['2 097 153 bytes', () => pdfOfSize(2_097_153), 'too_large'],
      ['an empty file', () => new Uint8Array(), 'empty'],
      ['a truncated PDF', async () => (await pdf()).slice(0, 700), 'damaged'],
      ['a PDF with /JavaScript', () => pdfWithJavaScript(), 'active_content'],
      ['a PDF with /OpenAction … /Launch', () => pdfWithLaunch(), 'active_content'],
      ['a PDF with /EmbeddedFile', () => pdfWithEmbeddedFile(), 'active_content'],
    ])('%s', async (_case, make, code) => {
      actAs(actors.anna);
      const before = await filesStored();
      const res = await upload(await make(), 'PES.pdf');
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(await res.json()).toMatchObject({ ok: false, code, message: expect.any(String) });
      expect(await docsOf(ids.sofiaPes)).toHaveLength(0);
      expect(await filesStored()).toBe(before);
    });

    it('refuses a POST from another origin or without one, and callers who are not the family', async () => {
      actAs(actors.anna);
      expect((await upload(await pdf(), 'a.pdf', { origin: 'https://evil.example' })).status).toBe(403);
      expect((await upload(await pdf(), 'a.pdf', { origin: null })).status).toBe(403);
      actAs(null);
      expect((await upload(await pdf(), 'a.pdf')).status).toBe(401);
      actAs(actors.prv2);
      expect((await upload(await pdf(), 'a.pdf')).status).toBe(403);
      actAs(actors.giulia);
      expect((await upload(await pdf(), 'a.pdf')).status).toBe(404);
      expect(await docsOf(ids.sofiaPes)).toHaveLength(0);
    });
  });

  describe('upload, replace and download (F2)', () => {
    let docId = '';
    it.each([
      ['../../etc/passwd.pdf', 'passwd.pdf'],
      ['PES\r\nX-Injected: 1.pdf', 'PES X-Injected 1.pdf'],
      ['"Sofia" estate.pdf', 'Sofia estate.pdf'],
      ['Estate Ragazzi – Sofia Rossì.pdf', 'Estate Ragazzi – Sofia Rossì.pdf'],
    ])('stores %j safely as %j, one current document per PES, the replaced blob removed', async (name, stored) => {
      actAs(actors.anna);
      const before = await filesStored();
      const res = await upload(await pdf({ text: name.replace(/[^\x20-\x7e]/g, '?') }), name);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { document: { id: string; fileName: string } };
      expect(body.document.fileName).toBe(stored);
      const rows = await docsOf(ids.sofiaPes);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ fileName: stored, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(rows[0]!.storageKey).toMatch(/^documents\/[0-9a-f-]{36}$/);
      expect(await filesStored()).toBe(docId ? before : before + 1);
      docId = body.document.id;
      const got = await download(docId);
      expect(got.status).toBe(200);
      const cd = got.headers.get('content-disposition')!;
      expect(cd).toMatch(/^attachment; filename="[^"\r\n]*"; filename\*=UTF-8''/);
      expect(cd).not.toMatch(/[\r\n]/);
    });

    it('serves the bytes with nosniff and no caching, to the family, the provider named on the PES (once asked to validate it) and the office only', async () => {
      const [doc] = await docsOf(ids.sofiaPes);
      const expectOk = async (a: Actor) => {
        actAs(a);
        const res = await download(doc!.id);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('application/pdf');
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('cache-control')).toBe('private, no-store');
        expect(new Uint8Array(await res.arrayBuffer()).byteLength).toBe(doc!.sizeBytes);
      };
      await expectOk(actors.anna);
      await expectOk(actors.office);
      // Still a draft: its provider's dashboard does not show it yet, so neither does the file route.
      for (const a of [actors.prv2, actors.giulia, actors.marta, actors.prv1, actors.prv3]) {
        actAs(a);
        expect((await download(doc!.id)).status).toBe(404);
      }
      actAs(null);
      expect((await download(doc!.id)).status).toBe(401);
    });

    it('replacing the PDF of a PES awaiting validation sends it back to draft', async () => {
      actAs(actors.anna);
      await requestValidation(t.db, actors.anna, { voucherId: ids.annaVoucher, kind: 'summer_covid' });
      expect((await t.db.select().from(pes).where(eq(pes.id, ids.sofiaPes)))[0]!.status).toBe('awaiting_validation');
      actAs(actors.prv2);
      expect((await download((await docsOf(ids.sofiaPes))[0]!.id)).status).toBe(200);
      actAs(actors.anna);
      const res = await upload(await pdf(), 'nuovo.pdf');
      expect(await res.json()).toMatchObject({ ok: true, backToDraft: true });
      expect((await t.db.select().from(pes).where(eq(pes.id, ids.sofiaPes)))[0]!.status).toBe('draft');
    });

    it('a plain form post (no JavaScript) is answered with a 303 back to the page', async () => {
      actAs(actors.anna);
      const ok = await upload(await pdf(), 'x.pdf', { json: false });
      expect(ok.status).toBe(303);
      expect(ok.headers.get('location')).toMatch(
        new RegExp(`^/famiglia/buoni/${ids.annaVoucher}/estivi\\?documento=caricato&pes=${ids.sofiaPes}#documenti$`),
      );
      const bad = await upload(PNG, 'x.pdf', { json: false });
      expect(bad.headers.get('location')).toContain('documento=not_pdf');
    });
  });

  describe('storage outside the transaction', () => {
    it('removes the new blob when the transaction refuses (the conversion was sent while the file was being stored)', async () => {
      const calls: string[] = [];
      const [sofia] = await t.db.select().from(pes).where(eq(pes.id, ids.sofiaPes));
      const [conv] = await t.db.select().from(conversions).where(eq(conversions.id, sofia!.conversionId!));
      const storage: FileStorage = {
        put: async (k) => {
          calls.push(`put ${k}`);
          // The cheap checks before storing passed; the conversion changes before the transaction takes the lock.
          await t.db.update(conversions).set({ status: 'submitted' }).where(eq(conversions.id, conv!.id));
        },
        get: async () => null,
        remove: async (k) => void calls.push(`remove ${k}`),
      };
      await expect(
        attachSummerDocument(
          t.db,
          actors.anna,
          { voucherId: ids.annaVoucher, pesId: ids.sofiaPes, fileName: 'x.pdf', bytes: await pdf() },
          { storage },
        ),
      ).rejects.toMatchObject({
        code: 'invalid_state',
      });
      await t.db.update(conversions).set({ status: conv!.status }).where(eq(conversions.id, conv!.id));
      expect(calls).toHaveLength(2);
      expect(calls[1]).toBe(calls[0]!.replace('put', 'remove'));
    });

    it('the schema allows exactly one current document per PES', async () => {
      const [doc] = await docsOf(ids.sofiaPes);
      await expect(
        t.db.insert(documents).values({ ...doc!, id: undefined, storageKey: 'documents/another-key-0000' }),
      ).rejects.toThrow();
    });
  });
});
