import { createHash, randomUUID } from 'node:crypto';
import { count, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../open';
import {
  children,
  conversions,
  conversionSubmissions,
  documents,
  measureParameters,
  pes,
  pesChildren,
  providerBands,
  providerMeasures,
  providers,
  users,
  vouchers,
} from '../schema';
import { hashPassword } from '@/lib/auth/password-hash';
import { writeAudit } from '@/lib/audit/write-audit';
import { maskMobile } from '@/lib/domain/otp';
import { protocolYear } from '@/lib/domain/protocol-number';
import { buildDossier } from '@/db/queries/build-dossier';
import { nextProtocolNumber } from '@/lib/services/family/next-protocol-number';
import { fileStorage } from '@/lib/storage/file-storage';
import { minimalPdf } from './minimal-pdf';
import { fillMissingDueDates } from '@/lib/services/terms/fill-missing-due-dates';
import { OFFICE_DEMO_FIRST_VOUCHER, seedOfficeDemo } from './office-demo';
import {
  DEMO_OFFICE_DECIDER,
  DEMO_PASSWORD,
  demoProviders,
  demoUsers,
  demoVouchers,
  type DemoVoucher,
} from './demo-data';

/** ISO date `years`/`months` before `today`: ages, and so service bands, stay right whenever the demo starts. */
export function dateBefore(today: string, years: number, months = 0, days = 0): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y - years, m - 1 - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  target.setUTCDate(target.getUTCDate() - days);
  return target.toISOString().slice(0, 10);
}

export function todayIso(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(now);
}

/** Seeds only an empty database: the embedded default on its first start. */
export async function seedIfEmpty(db: Db): Promise<void> {
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) === 0) await seedDemoData(db);
}

/** Idempotent: every record is keyed by its natural key and skipped when present. */
/** `officeDemo: false` skips the 32 office demo conversions (tests that do not need them start faster). */
export async function seedDemoData(db: Db, today = todayIso(), opts: { officeDemo?: boolean } = {}): Promise<void> {
  const withOfficeDemo = opts.officeDemo ?? true;
  const existingUsers = new Set(
    (
      await db
        .select({ cf: users.codiceFiscale })
        .from(users)
        .where(
          inArray(
            users.codiceFiscale,
            demoUsers.map((u) => u.codiceFiscale),
          ),
        )
    ).map((u) => u.cf),
  );
  const hashes = new Map<string, string>();
  for (const u of demoUsers)
    if (!existingUsers.has(u.codiceFiscale)) hashes.set(u.codiceFiscale, await hashPassword(DEMO_PASSWORD));
  const pendingFiles: { key: string; bytes: Uint8Array }[] = [];
  const [officeDemoDone] = await db
    .select({ id: vouchers.id })
    .from(vouchers)
    .where(eq(vouchers.number, OFFICE_DEMO_FIRST_VOUCHER));
  const seedOffice = withOfficeDemo && !officeDemoDone;
  const officeDemoHash = seedOffice ? await hashPassword(DEMO_PASSWORD) : '';

  await db.transaction(async (tx) => {
    for (const p of demoProviders) {
      const [created] = await tx
        .insert(providers)
        .values({ code: p.code, name: p.name, taxCode: p.taxCode, email: p.email })
        .onConflictDoNothing()
        .returning({ id: providers.id });
      if (!created) continue;
      for (const measure of p.measures)
        await tx
          .insert(providerMeasures)
          .values({ providerId: created.id, measure, joinedOn: dateBefore(today, 0, 1) });
      for (const band of p.bands) await tx.insert(providerBands).values({ providerId: created.id, band });
    }
    const providerIds = new Map(
      (await tx.select({ id: providers.id, code: providers.code }).from(providers)).map((p) => [p.code, p.id]),
    );

    for (const u of demoUsers) {
      const passwordHash = hashes.get(u.codiceFiscale);
      if (!passwordHash) continue;
      await tx
        .insert(users)
        .values({
          codiceFiscale: u.codiceFiscale,
          givenName: u.givenName,
          familyName: u.familyName,
          email: u.email,
          mobile: u.mobile,
          role: u.role,
          providerId: u.providerCode ? providerIds.get(u.providerCode) : null,
          passwordHash,
        })
        .onConflictDoNothing();
    }

    await tx
      .insert(measureParameters)
      .values([
        {
          measure: 'babysitting_covid',
          legalReference: 'Del. G.P. n. 575 dd 06/05/2020',
          opensOn: dateBefore(today, 0, 1),
          closesOn: dateBefore(today, 0, -6),
          hourlyCapOneChildCents: 2_000,
          hourlyCapMultiChildCents: 2_500,
          copayBasisPoints: 1_000,
        },
        {
          measure: 'summer_covid',
          legalReference: 'Del. G.P. n. 742 dd 03/06/2020',
          opensOn: dateBefore(today, 0, 1),
          closesOn: dateBefore(today, 0, -6),
          copayBasisPoints: 0,
        },
      ])
      .onConflictDoNothing();

    for (const v of demoVouchers) await seedVoucher(tx, v, today, providerIds, pendingFiles);
    if (seedOffice) {
      // Chiara Conti decided the demo's past cases (the README says so), whatever other clerks exist.
      const [office] = await tx
        .select({ id: users.id })
        .from(users)
        .where(eq(users.codiceFiscale, DEMO_OFFICE_DECIDER));
      await seedOfficeDemo(tx, {
        today,
        providerIds,
        passwordHash: officeDemoHash,
        officeUserId: office?.id ?? null,
        files: pendingFiles,
      });
    }
    // The demo's waiting steps get the due dates the services would have stamped (issue 19).
    await fillMissingDueDates(tx);
  });
  // Files are written after commit, like every other side effect (storage may be remote).
  const storage = fileStorage(db);
  for (const f of pendingFiles) await storage.put(f.key, f.bytes);
}

async function seedVoucher(
  tx: Tx,
  v: DemoVoucher,
  today: string,
  providerIds: Map<string, string>,
  files: { key: string; bytes: Uint8Array }[],
) {
  const [holder] = await tx.select().from(users).where(eq(users.codiceFiscale, v.holder));
  if (!holder) throw new Error(`demo holder ${v.holder} missing`);
  const [voucher] = await tx
    .insert(vouchers)
    .values({
      number: v.number,
      holderId: holder.id,
      totalCents: v.totalCents,
      status: v.status,
      assignedOn: v.assignedOn,
      employerName: v.employer.name,
      employerTaxCode: v.employer.taxCode,
      employerAddress: v.employer.address,
      employerSector: v.employer.sector,
      twoParentHousehold: v.twoParentHousehold,
    })
    .onConflictDoNothing()
    .returning();
  if (!voucher) return;

  const childIds: string[] = [];
  for (const [i, c] of v.children.entries()) {
    const [row] = await tx
      .insert(children)
      .values({
        voucherId: voucher.id,
        position: i + 1,
        givenName: c.givenName,
        familyName: c.familyName,
        codiceFiscale: c.codiceFiscale,
        birthDate: dateBefore(today, c.years, c.months),
      })
      .returning({ id: children.id });
    childIds.push(row!.id);
  }

  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
  for (const p of v.pes) {
    const closed = p.usedCents !== undefined;
    const providerId = providerIds.get(p.provider)!;
    const [row] = await tx
      .insert(pes)
      .values({
        code: p.code,
        voucherId: voucher.id,
        providerId,
        kind: 'standard',
        band: p.band,
        hours: p.hours,
        amountCents: p.amountCents,
        usedCents: p.usedCents ?? null,
        hoursUsed: p.hoursUsed ?? null,
        status: closed ? 'closed' : 'active',
        closeRequestedAt: closed ? daysAgo(20) : null,
        closedAt: closed ? daysAgo(18) : null,
      })
      .returning({ id: pes.id });
    await tx.insert(pesChildren).values({ pesId: row!.id, childId: childIds[p.child]! });
    if (closed) {
      const staff = (await tx.select().from(users).where(eq(users.providerId, providerId)))[0];
      const ref = { pesId: row!.id, code: p.code };
      const usedCents = p.usedCents ?? 0;
      await writeAudit(tx, {
        actor: { userId: holder.id, role: 'family' },
        action: 'pes.close_requested',
        entityType: 'voucher',
        entityId: voucher.id,
        before: { ...ref, status: 'active' },
        after: { ...ref, status: 'close_requested' },
        at: daysAgo(20),
      });
      await writeAudit(tx, {
        actor: staff ? { userId: staff.id, role: 'provider' } : null,
        action: 'pes.closed',
        entityType: 'voucher',
        entityId: voucher.id,
        before: { ...ref, status: 'close_requested' },
        after: {
          ...ref,
          status: 'closed',
          usedCents,
          hoursUsed: p.hoursUsed ?? 0,
          freedCents: p.amountCents - usedCents,
        },
        at: daysAgo(18),
      });
    }
  }

  // Marta's conversion is already submitted, so the office queue is not empty on first start.
  if (v.number === 'BS-2020-0003') {
    const prv2 = providerIds.get('PRV2')!;
    const submittedAt = daysAgo(2);
    const [conv] = await tx
      .insert(conversions)
      .values({ voucherId: voucher.id, status: 'draft', createdAt: daysAgo(10) })
      .returning();
    const [summer] = await tx
      .insert(pes)
      .values({
        code: 'BS-2020-0003/2',
        voucherId: voucher.id,
        conversionId: conv!.id,
        providerId: prv2,
        kind: 'summer_covid',
        band: 'C',
        hours: 60,
        amountCents: 95_000,
        status: 'validated',
        validationRequestedAt: daysAgo(8),
        decidedAt: daysAgo(6),
      })
      .returning();
    await tx.insert(pesChildren).values({ pesId: summer!.id, childId: childIds[0]! });
    const bytes = minimalPdf('PES concordato - Servizi estivi EMERGENZA COVID-19 - Elena Verdi');
    const key = `documents/${randomUUID()}`;
    files.push({ key, bytes });
    await tx.insert(documents).values({
      pesId: summer!.id,
      storageKey: key,
      fileName: 'PES-servizi-estivi-Elena-Verdi.pdf',
      sizeBytes: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      uploadedBy: holder.id,
      createdAt: daysAgo(9),
    });
    // Signed like any submission: the hash is the one buildDossier gives for these rows, the number comes from the counter.
    const { dossier, sha256: dossierSha256 } = (await buildDossier(tx, conv!.id))!;
    const protocolNumber = await nextProtocolNumber(tx, protocolYear(submittedAt));
    const signature = {
      signedAt: submittedAt.toISOString(),
      maskedMobile: maskMobile(holder.mobile ?? ''),
      otpId: randomUUID(),
      dossierSha256,
      ip: null,
      userAgent: null,
    };
    await tx
      .update(conversions)
      .set({ status: 'submitted', submittedAt, protocolNumber, signature, updatedAt: submittedAt })
      .where(eq(conversions.id, conv!.id));
    const [submission] = await tx
      .insert(conversionSubmissions)
      .values({ conversionId: conv!.id, protocolNumber, submittedAt, dossierSha256, dossier, signature })
      .returning({ id: conversionSubmissions.id });
    const staff = (await tx.select().from(users).where(eq(users.providerId, prv2)))[0];
    const fam = { userId: holder.id, role: 'family' as const };
    const ref = { pesId: summer!.id, code: summer!.code };
    const onVoucher = { entityType: 'voucher', entityId: voucher.id } as const;
    await writeAudit(tx, {
      ...onVoucher,
      actor: fam,
      action: 'pes.created',
      after: {
        ...ref,
        kind: 'summer_covid',
        status: 'draft',
        providerId: prv2,
        band: 'C',
        hours: summer!.hours,
        amountCents: summer!.amountCents,
      },
      at: daysAgo(9),
    });
    await writeAudit(tx, {
      ...onVoucher,
      actor: fam,
      action: 'pes.validation_requested',
      before: { ...ref, status: 'draft' },
      after: { ...ref, status: 'awaiting_validation' },
      at: daysAgo(8),
    });
    await writeAudit(tx, {
      ...onVoucher,
      actor: staff ? { userId: staff.id, role: 'provider' } : null,
      action: 'pes.validated',
      before: { ...ref, status: 'awaiting_validation' },
      after: { ...ref, status: 'validated' },
      at: daysAgo(6),
    });
    await writeAudit(tx, {
      ...onVoucher,
      actor: fam,
      action: 'conversion.submitted',
      before: { status: 'draft' },
      after: {
        status: 'submitted',
        protocolNumber,
        otpId: signature.otpId,
        dossierSha256,
        submissionId: submission!.id,
      },
      at: submittedAt,
    });
  }
}
