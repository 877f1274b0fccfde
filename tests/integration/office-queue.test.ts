import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { children, conversionSubmissions, conversions, pes, providers, users, vouchers } from '@/db/schema';
import { getOfficeConversionFile } from '@/db/queries/office/conversion-file';
import type { OfficeScope } from '@/db/queries/office/office-scope';
import { officeScope } from '@/lib/auth/office-scope';
import { officeQueue, QUEUE_PAGE_SIZE } from '@/db/queries/office/queue';
import { OFFICE_DEMO_PLANS } from '@/db/seed/office-demo';
import type { Actor } from '@/lib/auth/actor';
import { decideValidation } from '@/lib/services/provider/decide-validation';
import { confirmSubmission } from '@/lib/services/family/confirm-submission';
import { approveConversion } from '@/lib/services/office/approve-conversion';
import { unlockSignature } from '@/lib/services/office/unlock-signature';
import { requestValidation } from '@/lib/services/family/request-validation';
import { saveBabysittingPes } from '@/lib/services/family/save-babysitting-pes';
import { sendOtp } from '@/lib/services/family/send-otp';
import { actorFor } from './support/fixtures';
import type { OfficeQueueQuery } from '@/db/queries/office/queue-query';
import { officeQueueQuerySchema } from '@/lib/validation/office-queue';
import { demoActors, seeded } from './support/fixtures';
import { lastCodeSentTo } from './support/signing';
import { freshDb, type TestDb } from './support/test-db';

let t: TestDb;
let office: Actor;
let scope: OfficeScope;
const q = (params: Record<string, string>) => officeQueueQuerySchema.parse(params);
const queue = (query: OfficeQueueQuery) => officeQueue(t.db, scope, query);

beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db, { officeDemo: true });
  ({ office } = await demoActors(t.db));
  scope = officeScope(office);
});
afterAll(() => t.close());

const planCount = (pred: (p: (typeof OFFICE_DEMO_PLANS)[number]) => boolean) => OFFICE_DEMO_PLANS.filter(pred).length;

/** Every page of a view, following the "next" cursors; `between` runs after each page (e.g. new submissions arriving). */
async function walk(params: Record<string, string>, between?: () => Promise<void>) {
  const ids: string[] = [];
  let query = q(params);
  for (let guard = 0; guard < 100; guard++) {
    const page = await queue(query);
    ids.push(...page.rows.map((r) => r.id));
    if (between) await between();
    if (!page.nextCursor) return ids;
    query = q({ ...params, dopo: page.nextCursor });
  }
  throw new Error('too many pages');
}

describe('counts and order', () => {
  it('counts the signed conversions per tab (Marta’s is one of the waiting ones)', async () => {
    const page = await queue(q({}));
    expect(page.counts).toEqual({
      inviate: 1 + planCount((p) => p.status === 'submitted'),
      da_integrare: planCount((p) => p.status === 'returned' || p.status === 'draft'),
      convalidate: planCount((p) => p.status === 'approved'),
      respinte: planCount((p) => p.status === 'rejected'),
    });
    expect(page.total).toBe(page.counts.inviate);
    expect(page.totalExact).toBe(true);
  });

  it('lists the oldest submitted first, a page at a time, with Marta’s conversion in it', async () => {
    const ids = await walk({});
    const rows = (await Promise.all([queue(q({})), queue(q({ q: 'VRDMRT' }))])).flatMap((p) => p.rows);
    expect(rows.some((r) => r.voucherNumber === 'BS-2020-0003')).toBe(true);
    const first = await queue(q({ stato: 'tutte' }));
    expect(first.rows).toHaveLength(QUEUE_PAGE_SIZE);
    const times = first.rows.map((r) => r.submittedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(ids).toHaveLength((await queue(q({}))).total);
    expect(first.prevCursor).toBeNull();
    expect(first.nextCursor).not.toBeNull();
  });
});

describe('keyset pagination', () => {
  it('loses and repeats no row while new conversions are submitted between pages', async () => {
    const existing = (await walk({ stato: 'tutte' })).sort();
    const [holder] = await t.db.select().from(users).where(eq(users.codiceFiscale, 'RSSNNA85M41L378F'));
    let n = 0;
    const seen = await walk({ stato: 'tutte' }, async () => {
      n += 1;
      const [v] = await t.db
        .insert(vouchers)
        .values({
          number: `BS-2020-9${String(n).padStart(3, '0')}`,
          holderId: holder!.id,
          totalCents: 1000,
          status: 'assigned',
          assignedOn: '2020-01-01',
          employerName: 'x',
          employerTaxCode: 'x',
          employerAddress: 'x',
          employerSector: 'x',
        })
        .returning();
      await t.db
        .insert(conversions)
        .values({
          voucherId: v!.id,
          status: 'submitted',
          submittedAt: new Date(),
          protocolNumber: `MPES-2099-${String(n).padStart(6, '0')}`,
        });
    });
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of existing) expect(seen).toContain(id);
    expect(n).toBeGreaterThan(1);
  });

  it('goes back with the previous cursor to exactly the page before', async () => {
    const p1 = await queue(q({ stato: 'tutte' }));
    const p2 = await queue(q({ stato: 'tutte', dopo: p1.nextCursor! }));
    expect(p2.prevCursor).not.toBeNull();
    const back = await queue(q({ stato: 'tutte', prima: p2.prevCursor! }));
    expect(back.rows.map((r) => r.id)).toEqual(p1.rows.map((r) => r.id));
    expect(back.prevCursor).toBeNull();
    expect(back.nextCursor).toBe(p1.nextCursor);
  });

  it('ignores a forged cursor instead of failing', async () => {
    const page = await queue(q({ dopo: 'not-a-cursor' }));
    expect(page.rows.length).toBeGreaterThan(0);
  });
});

describe('filters', () => {
  it.each([
    ['babysitting', (p: (typeof OFFICE_DEMO_PLANS)[number]) => p.measures === 'bs', 0],
    ['estivi', (p: (typeof OFFICE_DEMO_PLANS)[number]) => p.measures === 'se', 1],
    ['entrambi', (p: (typeof OFFICE_DEMO_PLANS)[number]) => p.measures === 'both', 0],
  ] as const)('measure %s', async (misura, pred, marta) => {
    const page = await queue(q({ stato: 'tutte', misura }));
    // Plus the conversions added by the pagination test: they have no new PES and match no measure.
    expect(page.total).toBe(planCount(pred) + marta);
  });

  it('by provider: only conversions naming it', async () => {
    const [prv2] = await t.db.select().from(providers).where(eq(providers.code, 'PRV2'));
    const page = await queue(q({ stato: 'tutte', ente: prv2!.id }));
    expect(page.total).toBeGreaterThan(0);
    for (const r of page.rows) expect(r.providerNames).toContain('Associazione Estate Ragazzi Trento');
  });

  it.each([
    ['codice fiscale prefix', 'vrdmrt82'],
    ['surname, any case', 'verd'],
    ['voucher number', 'BS-2020-0003'],
    ['protocol number', 'MARTA'],
  ])('search by %s', async (_name, term) => {
    const [marta] = await t.db
      .select()
      .from(conversions)
      .where(eq(conversions.protocolNumber, (await queue(q({ q: 'VRDMRT82S60L378B' }))).rows[0]!.protocolNumber!));
    const page = await queue(q({ stato: 'tutte', q: term === 'MARTA' ? marta!.protocolNumber! : term }));
    expect(page.rows.map((r) => r.voucherNumber)).toEqual(['BS-2020-0003']);
  });

  it('search by the protocol prefix lists every signed conversion', async () => {
    const all = await queue(q({ stato: 'tutte' }));
    expect((await queue(q({ stato: 'tutte', q: 'mpes-' }))).total).toBe(all.total);
  });

  it('treats LIKE wildcards in the search as plain text', async () => {
    expect((await queue(q({ stato: 'tutte', q: '%' }))).total).toBe(0);
    expect((await queue(q({ stato: 'tutte', q: '_RD' }))).total).toBe(0);
  });

  it('by submitted-date range (Rome calendar days, both ends included)', async () => {
    const all = await queue(q({ stato: 'inviate' }));
    const day = all.rows[3]!.submittedAt;
    const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(day);
    const page = await queue(q({ stato: 'inviate', dal: iso, al: iso }));
    expect(page.rows.map((r) => r.id)).toContain(all.rows[3]!.id);
    for (const r of page.rows)
      expect(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(r.submittedAt)).toBe(iso);
  });

  it('drops invalid values from the URL instead of failing', () => {
    expect(q({ stato: 'boh', misura: 'x', ente: '1', dal: '2026-02-30', q: ' ' })).toMatchObject({
      stato: 'inviate',
      misura: undefined,
      ente: undefined,
      dal: undefined,
      q: undefined,
    });
  });
});

describe('office demo data', () => {
  it('gives every demo file a signature that matches its recomputed dossier', async () => {
    const rows = await t.db.select({ id: conversions.id, protocol: conversions.protocolNumber }).from(conversions);
    for (const r of rows.filter((x) => x.protocol && !x.protocol.startsWith('MPES-2099'))) {
      const f = (await getOfficeConversionFile(t.db, scope, r.id))!;
      expect(f.dossier.matches, r.protocol!).toBe(true);
    }
  });
});

// Runs last: it changes one demo conversion (the signature no longer matches until it is signed again).
describe('returned → changed → validated again → signed again', () => {
  it('lets the family change a validated PES of a returned conversion, sends it back to its provider, and sign again with a new code: new dossier hash, same protocol number, history kept', async () => {
    const index = OFFICE_DEMO_PLANS.findIndex((p) => p.status === 'returned' && p.measures === 'bs');
    const number = `BS-2020-${String(101 + index).padStart(4, '0')}`;
    const [voucher] = await t.db.select().from(vouchers).where(eq(vouchers.number, number));
    const [conv] = await t.db.select().from(conversions).where(eq(conversions.voucherId, voucher!.id));
    expect(conv!.status).toBe('returned');
    const [holder] = await t.db.select().from(users).where(eq(users.id, voucher!.holderId));
    const family = await actorFor(t.db, holder!.codiceFiscale);
    const prv1 = await actorFor(t.db, 'FRRLCU75B10L378M');
    const [bs] = await t.db.select().from(pes).where(eq(pes.conversionId, conv!.id));
    const [child] = await t.db.select().from(children).where(eq(children.voucherId, voucher!.id));
    expect(bs!.status).toBe('validated');

    await saveBabysittingPes(t.db, family, {
      voucherId: voucher!.id,
      pesId: bs!.id,
      childIds: [child!.id],
      providerId: bs!.providerId,
      hours: 10,
    });
    expect((await t.db.select().from(pes).where(eq(pes.id, bs!.id)))[0]!.status).toBe('draft');
    // Still "da integrare" for the office while the family corrects it.
    expect((await queue(q({ stato: 'da_integrare', q: number }))).total).toBe(1);
    await requestValidation(t.db, family, { voucherId: voucher!.id });
    await decideValidation(t.db, prv1, { pesId: bs!.id, decision: 'validate' });

    const [after] = await t.db.select().from(conversions).where(eq(conversions.id, conv!.id));
    expect(after).toMatchObject({
      status: 'ready_to_submit',
      protocolNumber: conv!.protocolNumber,
      decisionReason: conv!.decisionReason,
    });
    const file = (await getOfficeConversionFile(t.db, scope, conv!.id))!;
    expect(file.dossier.matches).toBe(false);
    expect(file.dossier.recomputedSha256).not.toBe(conv!.signature!.dossierSha256);
    await expect(approveConversion(t.db, office, { conversionId: conv!.id })).rejects.toMatchObject({
      code: 'invalid_state',
    });

    // Signed again with a new SMS code: back in the office's queue, same protocol number, new dossier hash.
    // (This demo family was also locked out by wrong codes: the office unlocks it first.)
    if (conv!.otpLocked)
      await unlockSignature(t.db, office, { conversionId: conv!.id, reason: 'La famiglia ha telefonato all’ufficio' });
    await sendOtp(t.db, family, { voucherId: voucher!.id });
    const code = await lastCodeSentTo(t.db, holder!.mobile!);
    await confirmSubmission(t.db, family, { voucherId: voucher!.id, code }, { userAgent: 'vitest' });
    const [resigned] = await t.db.select().from(conversions).where(eq(conversions.id, conv!.id));
    expect(resigned).toMatchObject({ status: 'submitted', protocolNumber: conv!.protocolNumber });
    expect(resigned!.signature!.dossierSha256).not.toBe(conv!.signature!.dossierSha256);
    const history = await t.db
      .select()
      .from(conversionSubmissions)
      .where(eq(conversionSubmissions.conversionId, conv!.id));
    expect(history.map((h) => h.dossierSha256).sort()).toEqual(
      [conv!.signature!.dossierSha256, resigned!.signature!.dossierSha256].sort(),
    );
    expect((await getOfficeConversionFile(t.db, scope, conv!.id))!.dossier.matches).toBe(true);
    expect((await queue(q({ stato: 'inviate', q: number }))).total).toBe(1);
    await approveConversion(t.db, office, { conversionId: conv!.id });
  });
});
