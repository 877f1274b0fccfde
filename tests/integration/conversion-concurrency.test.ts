import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversions, providers, vouchers } from '@/db/schema';
import { getFamilyVoucherFile } from '@/db/queries/voucher-file';
import type { Actor } from '@/lib/auth/actor';
import { closePes } from '@/lib/services/provider/close-pes';
import { declareEmployment } from '@/lib/services/family/declare-employment';
import { decideValidation } from '@/lib/services/provider/decide-validation';
import { requestClosing } from '@/lib/services/family/request-closing';
import { requestValidation } from '@/lib/services/family/request-validation';
import { saveBabysittingPes } from '@/lib/services/family/save-babysitting-pes';
import { actorFor, CF, seeded } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

let t: TestDb;
let anna: Actor, prv1: Actor;
let voucherId = '';
let prv1Id = '';
let childId = '';

beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  anna = await actorFor(t.db, CF.anna);
  prv1 = await actorFor(t.db, CF.prv1);
  voucherId = (await t.db.select().from(vouchers).where(eq(vouchers.number, 'BS-2020-0001')))[0]!.id;
  prv1Id = (await t.db.select().from(providers).where(eq(providers.code, 'PRV1')))[0]!.id;
  const file = await getFamilyVoucherFile(t.db, anna.userId, voucherId);
  childId = file!.children[0]!.id;
  const pes1 = file!.standardPes.find((p) => p.code === 'BS-2020-0001/1')!;
  await requestClosing(t.db, anna, { voucherId, pesIds: [pes1.id] });
  await closePes(t.db, prv1, { pesId: pes1.id, usedCents: 0, hoursUsed: 0 });
  await declareEmployment(t.db, anna, {
    voucherId,
    condition: 'private_sector',
    returnsToWorkOutsideHome: true,
    otherParentEmployed: true,
    employerConfirmed: false,
  });
});
afterAll(() => t.close());

describe('concurrent provider decisions on one conversion', () => {
  it.each([1, 2, 3])('round %i: validating two PES at once leaves the conversion ready to submit', async () => {
    const a = await saveBabysittingPes(t.db, anna, { voucherId, childIds: [childId], providerId: prv1Id, hours: 2 });
    const b = await saveBabysittingPes(t.db, anna, { voucherId, childIds: [childId], providerId: prv1Id, hours: 3 });
    await requestValidation(t.db, anna, { voucherId });
    const results = await Promise.all(
      [a, b].map((p) => decideValidation(t.db, prv1, { pesId: p.pesId, decision: 'validate' })),
    );
    expect(results.map((r) => r.status)).toEqual(['validated', 'validated']);
    const [conv] = await t.db.select().from(conversions).where(eq(conversions.voucherId, voucherId));
    expect(conv!.status).toBe('ready_to_submit');
  });
});
