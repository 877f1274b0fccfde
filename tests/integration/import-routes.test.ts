import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/ufficio/amministrazione/importa/carica/route';
import { GET } from '@/app/ufficio/amministrazione/importa/modello/route';
import { getVoucherImportOutcome } from '@/lib/import/voucher-import-outcome';
import { auditEvents, vouchers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { isoDate } from '@/lib/domain/dates';
import { readVoucherFile } from '@/lib/import/read-voucher-file';
import { actAs, useDb } from './support/act-as';
import { demoActors, seeded } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

let t: TestDb;
let actors: Awaited<ReturnType<typeof demoActors>>;
const BASE = 'http://localhost:3000';

beforeAll(async () => {
  t = await freshDb();
  // The routes read today's date: the demo data must be seeded for today too, so the template's bands fit.
  await seeded(t.db);
  useDb(t.db);
  actors = await demoActors(t.db);
});
afterAll(() => t.close());

function upload(bytes: string, headers: Record<string, string> = {}) {
  const form = new FormData();
  form.set('file', new File([bytes], 'buoni.csv', { type: 'text/csv' }));
  return new Request(`${BASE}/ufficio/amministrazione/importa/carica`, {
    method: 'POST',
    body: form,
    headers: { host: 'localhost:3000', ...headers },
  });
}
async function templateText(): Promise<string> {
  actAs(actors.office);
  return (await GET()).text();
}
const voucherCount = async () => (await t.db.select({ n: count() }).from(vouchers))[0]!.n;

describe('template download', () => {
  it('gives the office a UTF-8 CSV with BOM that reads back without errors', async () => {
    actAs(actors.office);
    const res = await GET();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(readVoucherFile(bytes, isoDate(new Date()))).toMatchObject({ ok: true });
  });

  it.each([
    ['anonymous', null, 401],
    ['family', 'anna', 403],
    ['provider', 'prv1', 403],
  ] as const)('refuses %s', async (_n, who, status) => {
    actAs(who ? (actors[who] as Actor) : null);
    expect((await GET()).status).toBe(status);
  });
});

describe('upload', () => {
  it.each([
    ['anonymous', null, 401],
    ['family', 'anna', 403],
    ['provider', 'prv1', 403],
  ] as const)('refuses %s and imports nothing', async (_n, who, status) => {
    const text = await templateText();
    const before = await voucherCount();
    actAs(who ? (actors[who] as Actor) : null);
    const res = await POST(upload(text, { accept: 'application/json' }));
    expect(res.status).toBe(status);
    expect(await voucherCount()).toBe(before);
  });

  it('refuses a cross-site post and audits it', async () => {
    const text = await templateText();
    const before = await voucherCount();
    actAs(actors.office);
    const res = await POST(upload(text, { origin: 'https://evil.example', accept: 'application/json' }));
    expect(res.status).toBe(403);
    expect(await voucherCount()).toBe(before);
    const denied = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'access.denied'));
    expect(denied.some((d) => d.actorId === actors.office.userId)).toBe(true);
  });

  it('without JavaScript: a rejected file redirects back to the outcome, which lists the bad row', async () => {
    const text = (await templateText()).replaceAll('FRNLSE19C41L378J', 'FRNLSE19C41L378A');
    actAs(actors.office);
    const res = await POST(upload(text));
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!, BASE);
    expect(res.headers.get('location')).toMatch(/^\/ufficio\//);
    expect(location.pathname).toBe('/ufficio/amministrazione/importa');
    const outcome = await getVoucherImportOutcome(t.db, actors.office.userId, location.searchParams.get('esito')!);
    expect(outcome).toMatchObject({
      status: 'rejected',
      errors: [
        { line: 3, column: 'cf_minore' },
        { line: 4, column: 'cf_minore' },
      ],
    });
    // Another clerk cannot read this clerk's outcome by its hash.
    expect(await getVoucherImportOutcome(t.db, actors.anna.userId, location.searchParams.get('esito')!)).toBeNull();
  });

  it('with JavaScript: the template imports and the answer names the outcome page', async () => {
    const text = await templateText();
    const before = await voucherCount();
    actAs(actors.office);
    const res = await POST(upload(text, { accept: 'application/json' }));
    const body = (await res.json()) as { ok: boolean; status: string; redirect: string };
    expect(body).toMatchObject({
      ok: true,
      status: 'imported',
      redirect: expect.stringMatching(/^\/ufficio\/amministrazione\/importa\?esito=[0-9a-f]{64}$/),
    });
    expect(await voucherCount()).toBe(before + 2);
  });

  it('says when no file was chosen', async () => {
    actAs(actors.office);
    const res = await POST(upload('', { accept: 'application/json' }));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ ok: false, code: 'no_file' });
  });
});
