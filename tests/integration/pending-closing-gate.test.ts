import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversions, pes, pesChildren, providers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { closePes } from '@/lib/services/provider/close-pes';
import { confirmSubmission } from '@/lib/services/family/confirm-submission';
import { requestClosing } from '@/lib/services/family/request-closing';
import { sendOtp } from '@/lib/services/family/send-otp';
import { demoActors, seeded } from './support/fixtures';
import { giuliaReadyToSign, lastCodeSentTo } from './support/signing';
import { freshDb, type TestDb } from './support/test-db';

/**
 * Issue 15, finding 8: a standard PES whose closing was requested but not yet done would be closed after
 * the signature, and the office would recompute another dossier (a false "tampered" alarm). Signing waits.
 */
const GIULIA_MOBILE = '+393470000002';
let t: TestDb;
let giulia: Actor, prv1: Actor;
let voucherId = '';
let secondPes = '';
let clock = new Date('2026-11-26T09:00:00Z');
const tick = (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000));
const status = async () =>
  (await t.db.select().from(conversions).where(eq(conversions.voucherId, voucherId)))[0]!.status;

beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  ({ giulia, prv1 } = await demoActors(t.db));
  ({ voucherId } = await giuliaReadyToSign(t.db, giulia, prv1));
  // A second standard PES of Giulia's voucher, still running with Il Germoglio.
  const [first] = await t.db.select().from(pes).where(eq(pes.code, 'BS-2020-0002/1'));
  const [link] = await t.db.select().from(pesChildren).where(eq(pesChildren.pesId, first!.id));
  const [germoglio] = await t.db.select().from(providers).where(eq(providers.code, 'PRV1'));
  const [second] = await t.db
    .insert(pes)
    .values({
      code: 'BS-2020-0002/9',
      voucherId,
      providerId: germoglio!.id,
      kind: 'standard',
      band: 'C',
      hours: 20,
      amountCents: 40_000,
      status: 'active',
    })
    .returning();
  await t.db.insert(pesChildren).values({ pesId: second!.id, childId: link!.childId });
  secondPes = second!.id;
});
afterAll(() => t.close());

describe('signing waits until every requested closing is done', () => {
  it('a code sent before the closing request cannot sign once a closing is pending', async () => {
    await sendOtp(t.db, giulia, { voucherId }, { now: clock });
    const code = await lastCodeSentTo(t.db, GIULIA_MOBILE);
    await requestClosing(t.db, giulia, { voucherId, pesIds: [secondPes] });
    await expect(confirmSubmission(t.db, giulia, { voucherId, code }, { now: tick(10) })).rejects.toMatchObject({
      code: 'invalid_state',
      message: expect.stringContaining('Il soggetto erogatore deve ancora chiudere il PES BS-2020-0002/9'),
    });
    expect(await status()).toBe('ready_to_submit');
  });

  it('INVIA OTP is refused while the closing is pending, saying what it waits for', async () => {
    await expect(sendOtp(t.db, giulia, { voucherId }, { now: tick(60) })).rejects.toMatchObject({
      code: 'invalid_state',
      message: expect.stringContaining('Il soggetto erogatore deve ancora chiudere il PES BS-2020-0002/9'),
    });
  });

  it('once the provider closed it, the family signs', async () => {
    await closePes(t.db, prv1, { pesId: secondPes, usedCents: 10_000, hoursUsed: 5 }, { now: tick(60) });
    await sendOtp(t.db, giulia, { voucherId }, { now: tick(60) });
    await confirmSubmission(
      t.db,
      giulia,
      { voucherId, code: await lastCodeSentTo(t.db, GIULIA_MOBILE) },
      { now: tick(10) },
    );
    expect(await status()).toBe('submitted');
  });
});
