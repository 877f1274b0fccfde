import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/ufficio/esporta/route';
import { officeScope } from '@/lib/auth/office-scope';
import { now, setTestNow } from '@/lib/clock';
import { isoDate } from '@/lib/domain/dates';
import { officeQueue } from '@/db/queries/office/queue';
import { conversions, vouchers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { queueCsvStream } from '@/lib/office/queue-csv';
import { takeConversion } from '@/lib/services/office/take-conversion';
import { officeExportQuerySchema, officeQueueQuerySchema } from '@/lib/validation/office-queue';
import { actAs, useDb } from './support/act-as';
import { demoActors, seeded } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

let t: TestDb;
let actors: Awaited<ReturnType<typeof demoActors>>;

beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db, { officeDemo: true });
  useDb(t.db);
  actors = await demoActors(t.db);
});
afterAll(() => t.close());

async function download(actor: Actor | null, search = '') {
  actAs(actor);
  const res = await GET(new Request(`http://localhost:3000/ufficio/esporta${search}`));
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}
const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
const dataLines = (csv: string) => csv.split('\r\n').slice(1).filter(Boolean);

describe('Esporta CSV', () => {
  it('is refused to anonymous, family and provider callers, with nothing exported', async () => {
    expect((await download(null)).res.status).toBe(401);
    for (const a of [actors.anna, actors.marta, actors.prv1]) {
      const { res, bytes } = await download(a);
      expect(res.status).toBe(403);
      expect(text(bytes)).not.toContain('MPES-');
    }
  });

  it('is UTF-8 with a BOM, ; separators, CRLF, a header, amounts in euro with a comma, and the queue’s rows', async () => {
    const { res, bytes } = await download(actors.office, '?stato=inviate');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="pratiche-modifica-pes-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = text(bytes);
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFProtocollo;Stato;Inviata il;Giorni di attesa;Buono;Codice fiscale;Cognome;Nome;Misura;Soggetti erogatori;Nuovi PES;Importo nuovi PES (euro);Decisa il;Motivo;In carico a',
    );
    const page = await officeQueue(
      t.db,
      officeScope(actors.office),
      officeQueueQuerySchema.parse({ stato: 'inviate' }),
    );
    expect(dataLines(csv)).toHaveLength(page.total);
    const marta = dataLines(csv)
      .find((l) => l.includes('VRDMRT82S60L378B'))!
      .split(';');
    expect(marta.slice(1, 2)).toEqual(['inviata']);
    expect(marta.slice(4, 12)).toEqual([
      'BS-2020-0003',
      'VRDMRT82S60L378B',
      'Verdi',
      'Marta',
      'servizi estivi',
      'Associazione Estate Ragazzi Trento',
      '1',
      '950,00',
    ]);
  });

  it('counts «Giorni di attesa», filters terms and names the file on the app’s clock, as the queue page does', async () => {
    const [marta] = await t.db
      .select({ submittedAt: conversions.submittedAt })
      .from(conversions)
      .innerJoin(vouchers, eq(vouchers.id, conversions.voucherId))
      .where(eq(vouchers.number, 'BS-2020-0003'));
    setTestNow(new Date(marta!.submittedAt!.getTime() + 40 * 86_400_000 + 3_600_000));
    try {
      const { res, bytes } = await download(actors.office, '?stato=inviate');
      expect(res.headers.get('content-disposition')).toContain(`pratiche-modifica-pes-${isoDate(now())}.csv`);
      const line = dataLines(text(bytes))
        .find((l) => l.includes('VRDMRT82S60L378B'))!
        .split(';');
      expect(line[3]).toBe('40');
      // Forty days on, her 30-day term has passed: the export's "scaduti" filter reads the same clock.
      const overdue = text((await download(actors.office, '?termine=scaduti')).bytes);
      expect(overdue).toContain('VRDMRT82S60L378B');
    } finally {
      setTestNow(null);
    }
  });

  it('says who has each case in charge (In carico a), empty when nobody has', async () => {
    const martaLine = async () =>
      dataLines(text((await download(actors.office, '?stato=tutte&q=verdi')).bytes))[0]!.split(';');
    expect((await martaLine()).at(-1)).toBe('');
    const [marta] = await t.db.select().from(vouchers).where(eq(vouchers.number, 'BS-2020-0003'));
    const [conversion] = await t.db.select().from(conversions).where(eq(conversions.voucherId, marta!.id));
    await takeConversion(t.db, actors.office, { conversionId: conversion!.id });
    try {
      const line = await martaLine();
      expect(line).toHaveLength(15);
      expect(line.at(-1)).toBe('Chiara Conti');
    } finally {
      await t.db
        .update(conversions)
        .set({ assignedTo: null, assignedAt: null })
        .where(eq(conversions.id, conversion!.id));
    }
  });

  it('applies the queue’s filters from the same query schema', async () => {
    const csv = text((await download(actors.office, '?stato=tutte&q=verdi')).bytes);
    expect(dataLines(csv)).toHaveLength(1);
    const rejected = text((await download(actors.office, '?stato=respinte')).bytes);
    const total = (
      await officeQueue(t.db, officeScope(actors.office), officeQueueQuerySchema.parse({ stato: 'respinte' }))
    ).total;
    expect(dataLines(rejected)).toHaveLength(total);
    for (const l of dataLines(rejected)) expect(l.split(';')[1]).toBe('respinta');
    // A reason with a ; is quoted, so the columns stay aligned.
    expect(dataLines(rejected)[0]).toContain('"');
  });

  it('streams in keyset batches: small batches give the same rows in the same order, each once', async () => {
    const filters = officeExportQuerySchema.parse({ stato: 'tutte' });
    const now = new Date();
    const whole = await new Response(queueCsvStream(t.db, officeScope(actors.office), filters, now)).text();
    const batched = await new Response(queueCsvStream(t.db, officeScope(actors.office), filters, now, 7)).text();
    expect(batched).toBe(whole);
    const lines = dataLines(whole);
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines.length).toBeGreaterThan(30);
  });
});
