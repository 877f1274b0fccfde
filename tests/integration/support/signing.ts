import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { children, conversions, notificationOutbox, pes, pesChildren, providers, users, vouchers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { revealedOutboxBodies } from '@/lib/notifications/outbox-secrets';
import { declareEmployment } from '@/lib/services/family/declare-employment';
import { decideValidation } from '@/lib/services/provider/decide-validation';
import { requestValidation } from '@/lib/services/family/request-validation';
import { saveBabysittingPes } from '@/lib/services/family/save-babysitting-pes';

/** Giulia (nurse, employer confirmed) asks for 10 h of babysitting with Il Germoglio, which validates it: ready to sign. */
export async function giuliaReadyToSign(
  db: Db,
  giulia: Actor,
  prv1: Actor,
): Promise<{ voucherId: string; pesId: string }> {
  const [v] = await db.select().from(vouchers).where(eq(vouchers.number, 'BS-2020-0002'));
  const [kid] = await db.select().from(children).where(eq(children.voucherId, v!.id));
  const [germoglio] = await db.select().from(providers).where(eq(providers.code, 'PRV1'));
  await declareEmployment(db, giulia, {
    voucherId: v!.id,
    condition: 'public_health',
    returnsToWorkOutsideHome: true,
    otherParentEmployed: false,
    employerConfirmed: true,
  });
  const saved = await saveBabysittingPes(db, giulia, {
    voucherId: v!.id,
    childIds: [kid!.id],
    providerId: germoglio!.id,
    hours: 10,
  });
  await requestValidation(db, giulia, { voucherId: v!.id });
  const pesId = saved.pesId;
  await decideValidation(db, prv1, { pesId, decision: 'validate' });
  return { voucherId: v!.id, pesId };
}

/** The code as the family reads it, in either language: from the last SMS sent to the number. */
export async function lastCodeSentTo(db: Db, mobile: string): Promise<string> {
  const [sms] = await db
    .select()
    .from(notificationOutbox)
    .where(eq(notificationOutbox.recipient, mobile))
    .orderBy(desc(notificationOutbox.createdAt))
    .limit(1);
  const m = /(?:è|is) (\d{6})\./.exec(sms ? revealedOutboxBodies(sms).textBody : '');
  if (!m) throw new Error(`no code sent to ${mobile}`);
  return m[1]!;
}

/** `n` extra families, each with a conversion ready to sign (one validated babysitting PES). */
export async function readyFamilies(db: Db, n: number): Promise<{ actor: Actor; voucherId: string; mobile: string }[]> {
  const [prv] = await db.select().from(providers).where(eq(providers.code, 'PRV1'));
  const [template] = await db.select().from(users).where(eq(users.role, 'family')).limit(1);
  const out: { actor: Actor; voucherId: string; mobile: string }[] = [];
  for (let i = 0; i < n; i++) {
    const tag = String(i).padStart(3, '0');
    const mobile = `+39347900${tag}0`;
    const [u] = await db
      .insert(users)
      .values({
        codiceFiscale: `TSTFAM00A01L${tag}X`,
        givenName: `Famiglia${tag}`,
        familyName: 'Prova',
        email: `famiglia${tag}@example.it`,
        mobile,
        role: 'family',
        passwordHash: template!.passwordHash,
      })
      .returning();
    const [v] = await db
      .insert(vouchers)
      .values({
        number: `BS-2020-9${tag}`,
        holderId: u!.id,
        totalCents: 100_000,
        status: 'assigned',
        assignedOn: '2020-01-15',
        employerName: 'Ditta',
        employerTaxCode: '01234567890',
        employerAddress: 'Trento',
        employerSector: 'privato',
        twoParentHousehold: false,
      })
      .returning();
    const [kid] = await db
      .insert(children)
      .values({
        voucherId: v!.id,
        position: 1,
        givenName: 'Bimbo',
        familyName: 'Prova',
        codiceFiscale: `PRVBMB18A01L${tag}Y`,
        birthDate: '2018-01-01',
      })
      .returning();
    const [std] = await db
      .insert(pes)
      .values({
        code: `BS-2020-9${tag}/1`,
        voucherId: v!.id,
        providerId: prv!.id,
        kind: 'standard',
        band: 'C',
        hours: 50,
        amountCents: 100_000,
        usedCents: 50_000,
        hoursUsed: 25,
        status: 'closed',
      })
      .returning();
    await db.insert(pesChildren).values({ pesId: std!.id, childId: kid!.id });
    const [conv] = await db
      .insert(conversions)
      .values({
        voucherId: v!.id,
        status: 'ready_to_submit',
        employmentCondition: 'private_sector',
        declarations: { returnsToWorkOutsideHome: true },
      })
      .returning();
    const [np] = await db
      .insert(pes)
      .values({
        code: `BS-2020-9${tag}/2`,
        voucherId: v!.id,
        conversionId: conv!.id,
        providerId: prv!.id,
        kind: 'babysitting_covid',
        hours: 10,
        amountCents: 18_000,
        hourlyRateCents: 1_800,
        status: 'validated',
      })
      .returning();
    await db.insert(pesChildren).values({ pesId: np!.id, childId: kid!.id });
    out.push({
      actor: { userId: u!.id, role: 'family', providerId: null, ip: '127.0.0.1', requestId: 'test' },
      voucherId: v!.id,
      mobile,
    });
  }
  return out;
}
