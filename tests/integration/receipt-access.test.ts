import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/ricevute/[id]/route';
import { getReceipt } from '@/db/queries/receipt';
import { conversions, vouchers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { pdfText } from '../support/pdf-text';
import { actAs, useDb } from './support/act-as';
import { demoActors, seeded } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

let t: TestDb;
let actors: Record<'anna' | 'marta' | 'prv2' | 'office', Actor>;
let martaVoucher = '';
let protocol = '';

beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  useDb(t.db);
  actors = await demoActors(t.db);
  const [v] = await t.db.select().from(vouchers).where(eq(vouchers.number, 'BS-2020-0003'));
  martaVoucher = v!.id;
  protocol = (await t.db.select().from(conversions).where(eq(conversions.voucherId, v!.id)))[0]!.protocolNumber!;
});
afterAll(() => t.close());

const download = (as: Actor | null, id = martaVoucher) => {
  actAs(as);
  return GET(new Request(`http://localhost/api/ricevute/${id}`), { params: Promise.resolve({ id }) });
};

describe('receipt (N2: only its family and the office)', () => {
  it('gives Marta her receipt PDF, private and not sniffable, with the protocol number in it', async () => {
    const res = await download(actors.marta);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="ricevuta-${protocol}.pdf"`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const { text } = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain(protocol);
    expect(text).toContain('BS-2020-0003/2');
    expect(text).toMatch(/Associazione Estate Ragazzi Trento/);
  });

  it('gives the office the same receipt', async () => {
    expect((await download(actors.office)).status).toBe(200);
    expect(await getReceipt(t.db, { role: 'office' }, martaVoucher)).not.toBeNull();
  });

  it('gives the receipt of one request of the voucher with ?pratica=, and nothing for a request that is not the voucher’s', async () => {
    const [own] = await t.db
      .select({ id: conversions.id })
      .from(conversions)
      .where(eq(conversions.voucherId, martaVoucher));
    const withPratica = (as: Actor, pratica: string) => {
      actAs(as);
      return GET(new Request(`http://localhost/api/ricevute/${martaVoucher}?pratica=${pratica}`), {
        params: Promise.resolve({ id: martaVoucher }),
      });
    };
    expect((await withPratica(actors.office, own!.id)).status).toBe(200);
    expect((await withPratica(actors.marta, own!.id)).status).toBe(200);
    // A request that is not this voucher's: nothing, not the voucher's latest receipt.
    expect((await withPratica(actors.office, randomUUID())).status).toBe(404);
    expect((await withPratica(actors.office, 'not-a-uuid')).status).toBe(404);
  });

  it.each([
    ['another family', 'anna', 404],
    ['a provider, even the one named on the PES', 'prv2', 404],
  ] as const)('refuses %s', async (_who, name, status) => {
    const res = await download(actors[name]);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).not.toBe('application/pdf');
  });

  it('refuses anonymous callers and malformed ids', async () => {
    expect((await download(null)).status).toBe(401);
    expect((await download(actors.marta, 'not-a-uuid')).status).toBe(404);
  });

  it('scopes the query by holder', async () => {
    expect(await getReceipt(t.db, { role: 'family', holderId: actors.anna.userId }, martaVoucher)).toBeNull();
    expect(
      (await getReceipt(t.db, { role: 'family', holderId: actors.marta.userId }, martaVoucher))!.input.protocolNumber,
    ).toBe(protocol);
  });
});
