import { createHash, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Tx } from '../open';
import {
  auditEvents,
  children,
  conversionSubmissions,
  conversions,
  documents,
  pes,
  pesChildren,
  users,
  vouchers,
} from '../schema';
import type { StoredAfter, VoucherAuditAction } from '@/lib/domain/audit-events';
import { maskMobile } from '@/lib/domain/otp';
import type { PesStatus } from '@/lib/domain/state-machines';
import { protocolYear } from '@/lib/domain/protocol-number';
import { buildDossier } from '@/db/queries/build-dossier';
import { nextProtocolNumber } from '@/lib/services/family/next-protocol-number';
import { minimalPdf } from './minimal-pdf';

/**
 * Office demo (issue 10): 32 more families whose conversions are signed and in every office state, with
 * different days waiting, so the queue, its filters and its pagination can be tried by hand. New
 * families and vouchers only (BS-2020-01NN): Anna's and Giulia's vouchers stay untouched for the
 * family journeys. Protocol numbers come from the per-year counter, like real submissions.
 */
const mobileOf = (n: number) => `+39347100${String(n).padStart(4, '0')}`;

const SURNAMES = [
  'Moser',
  'Zanetti',
  'Pedrotti',
  'Dallapiccola',
  'Bertoldi',
  'Chiusole',
  'Tomasi',
  'Fontana',
  'Gasperi',
  'Leonardi',
  'Martinelli',
  'Nicolini',
  'Osler',
  'Pisoni',
  'Rigotti',
  'Sartori',
];
const GIVEN = ['Silvia', 'Paola', 'Elisa', 'Chiara', 'Federica', 'Laura', 'Valentina', 'Sara'];
const KIDS = ['Tommaso', 'Alice', 'Pietro', 'Emma', 'Giorgio', 'Nina', 'Davide', 'Irene'];

type Plan = {
  status: 'submitted' | 'returned' | 'approved' | 'rejected' | 'draft';
  daysAgo: number;
  measures: 'bs' | 'se' | 'both';
};

// 18 waiting (some past 30 days), 5 returned (2 of them being corrected: a PES changed, in draft), 5 approved, 4 rejected.
export const OFFICE_DEMO_PLANS: Plan[] = [
  ...[1, 3, 4, 6, 8, 9, 12, 15, 18, 21, 25, 28, 31, 35, 40, 47, 55, 62].map((daysAgo, i): Plan => ({
    status: 'submitted',
    daysAgo,
    measures: (['bs', 'se', 'both'] as const)[i % 3]!,
  })),
  ...[10, 14, 20].map((daysAgo, i): Plan => ({
    status: 'returned',
    daysAgo,
    measures: (['se', 'bs', 'both'] as const)[i]!,
  })),
  ...[16, 24].map((daysAgo, i): Plan => ({ status: 'draft', daysAgo, measures: (['bs', 'se'] as const)[i]! })),
  ...[30, 33, 38, 44, 50].map((daysAgo, i): Plan => ({
    status: 'approved',
    daysAgo,
    measures: (['both', 'bs', 'se', 'se', 'bs'] as const)[i]!,
  })),
  ...[27, 36, 42, 58].map((daysAgo, i): Plan => ({
    status: 'rejected',
    daysAgo,
    measures: (['se', 'both', 'bs', 'se'] as const)[i]!,
  })),
];

export const OFFICE_DEMO_FIRST_VOUCHER = 'BS-2020-0101';

export async function seedOfficeDemo(
  tx: Tx,
  opts: {
    today: string;
    providerIds: Map<string, string>;
    passwordHash: string;
    officeUserId: string | null;
    files: { key: string; bytes: Uint8Array }[];
  },
): Promise<void> {
  const [exists] = await tx
    .select({ id: vouchers.id })
    .from(vouchers)
    .where(eq(vouchers.number, OFFICE_DEMO_FIRST_VOUCHER));
  if (exists) return;
  const prv1 = opts.providerIds.get('PRV1')!;
  const prv2 = opts.providerIds.get('PRV2')!;
  const now = Date.now();
  const ago = (days: number, hours = 0) => new Date(now - days * 86_400_000 - hours * 3_600_000);
  const [year] = opts.today.split('-').map(Number) as [number];
  // Batched inserts (one statement per table, not per family): this runs on the embedded database's first start.
  const people = OFFICE_DEMO_PLANS.map((plan, i) => {
    const n = i + 1;
    const surname = SURNAMES[i % SURNAMES.length]!;
    const given = GIVEN[i % GIVEN.length]!;
    const kid = KIDS[i % KIDS.length]!;
    const number = `BS-2020-${String(100 + n).padStart(4, '0')}`;
    const kinds =
      plan.measures === 'both'
        ? (['babysitting_covid', 'summer_covid'] as const)
        : plan.measures === 'bs'
          ? (['babysitting_covid'] as const)
          : (['summer_covid'] as const);
    return { plan, n, surname, given, kid, number, kinds, cf: demoCodiceFiscale(surname, given, n) };
  });
  const holders = await tx
    .insert(users)
    .values(
      people.map((p) => ({
        codiceFiscale: p.cf,
        givenName: p.given,
        familyName: p.surname,
        email: `${p.given}.${p.surname}.${p.n}@example.it`.toLowerCase(),
        mobile: mobileOf(p.n),
        role: 'family',
        passwordHash: opts.passwordHash,
      })),
    )
    .returning({ id: users.id });
  const vs = await tx
    .insert(vouchers)
    .values(
      people.map((p, i) => ({
        number: p.number,
        holderId: holders[i]!.id,
        totalCents: 200_000,
        status: 'assigned',
        assignedOn: '2020-02-10',
        employerName: 'Cassa Rurale di Trento',
        employerTaxCode: '00107860223',
        employerAddress: 'Via Belenzani 12, 38122 Trento (TN)',
        employerSector: 'privato',
        twoParentHousehold: p.n % 2 === 0,
      })),
    )
    .returning({ id: vouchers.id });
  const kids = await tx
    .insert(children)
    .values(
      people.map((p, i) => ({
        voucherId: vs[i]!.id,
        position: 1,
        givenName: p.kid,
        familyName: p.surname,
        codiceFiscale: demoCodiceFiscale(p.surname, p.kid, 100 + p.n),
        birthDate: `${year - 7 - (p.n % 4)}-0${1 + (p.n % 9)}-1${p.n % 10}`,
      })),
    )
    .returning({ id: children.id });
  const std = await tx
    .insert(pes)
    .values(
      people.map((p, i) => ({
        code: `${p.number}/1`,
        voucherId: vs[i]!.id,
        providerId: prv1,
        kind: 'standard' as const,
        band: 'C',
        hours: 80,
        amountCents: 200_000,
        usedCents: 80_000,
        hoursUsed: 30,
        status: 'closed' as const,
        closeRequestedAt: ago(p.plan.daysAgo + 12),
        closedAt: ago(p.plan.daysAgo + 11),
      })),
    )
    .returning({ id: pes.id });
  const convs = await tx
    .insert(conversions)
    .values(
      people.map((p, i) => ({
        voucherId: vs[i]!.id,
        employmentCondition: p.plan.measures === 'se' ? null : 'private_sector',
        createdAt: ago(p.plan.daysAgo + 10),
      })),
    )
    .returning({ id: conversions.id });
  const newPes = people.flatMap((p, i) =>
    p.kinds.map((kind, k) => {
      const babysitting = kind === 'babysitting_covid';
      return {
        code: `${p.number}/${k + 2}`,
        voucherId: vs[i]!.id,
        conversionId: convs[i]!.id,
        providerId: babysitting || p.n % 2 === 0 ? prv1 : prv2,
        kind,
        band: babysitting ? null : 'C',
        hours: babysitting ? 20 : 30,
        amountCents: babysitting ? 36_000 : 50_000 + p.n * 100,
        hourlyRateCents: babysitting ? 1_800 : null,
        status: (p.plan.status === 'rejected'
          ? 'cancelled'
          : p.plan.status === 'draft' && k === 0
            ? 'draft'
            : 'validated') as PesStatus,
        validationRequestedAt: ago(p.plan.daysAgo + 5),
        decidedAt: ago(p.plan.daysAgo + 3),
        createdAt: ago(p.plan.daysAgo + 6),
      };
    }),
  );
  const inserted = await tx
    .insert(pes)
    .values(newPes)
    .returning({ id: pes.id, code: pes.code, kind: pes.kind, voucherId: pes.voucherId });
  const childOf = new Map(vs.map((v, i) => [v.id, kids[i]!.id]));
  await tx
    .insert(pesChildren)
    .values([
      ...std.map((r, i) => ({ pesId: r.id, childId: kids[i]!.id })),
      ...inserted.map((r) => ({ pesId: r.id, childId: childOf.get(r.voucherId)! })),
    ]);
  const docs = inserted
    .filter((r) => r.kind === 'summer_covid')
    .map((r) => {
      const bytes = minimalPdf(`PES concordato - Servizi estivi EMERGENZA COVID-19 - ${r.code}`);
      const key = `documents/${randomUUID()}`;
      opts.files.push({ key, bytes });
      const holder = holders[vs.findIndex((v) => v.id === r.voucherId)]!.id;
      return {
        pesId: r.id,
        storageKey: key,
        fileName: `PES-${r.code.replace('/', '-')}.pdf`,
        sizeBytes: bytes.byteLength,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        uploadedBy: holder,
      };
    });
  if (docs.length) await tx.insert(documents).values(docs);

  // Protocol numbers from the same per-year counter as real submissions, in the order they were signed.
  const signedAt = people.map((p) => ago(p.plan.daysAgo, p.n % 7));
  const protocolOf = new Map<number, string>();
  for (const i of people.map((_, i) => i).sort((a, b) => signedAt[a]!.getTime() - signedAt[b]!.getTime())) {
    protocolOf.set(i, await nextProtocolNumber(tx, protocolYear(signedAt[i]!)));
  }
  const events: (typeof auditEvents.$inferInsert)[] = [];
  for (const [i, p] of people.entries()) {
    const { plan, n } = p;
    const submittedAt = signedAt[i]!;
    const protocolNumber = protocolOf.get(i)!;
    // Signed over what the PES were when submitted: the office's recomputed hash matches.
    const { dossier, sha256 } = (await buildDossier(tx, convs[i]!.id))!;
    const signature = {
      signedAt: submittedAt.toISOString(),
      maskedMobile: maskMobile(mobileOf(n)),
      otpId: randomUUID(),
      dossierSha256: sha256,
      ip: null,
      userAgent: null,
    };
    await tx
      .insert(conversionSubmissions)
      .values({ conversionId: convs[i]!.id, protocolNumber, submittedAt, dossierSha256: sha256, dossier, signature });
    const decided = plan.status !== 'submitted';
    const decidedAt = decided ? ago(Math.max(0, plan.daysAgo - 3)) : null;
    const reason =
      plan.status === 'rejected'
        ? 'La condizione di occupazione dichiarata non corrisponde ai dati del datore di lavoro; per chiarimenti contatta l’ufficio.'
        : plan.status === 'returned' || plan.status === 'draft'
          ? 'Il PES concordato caricato non è firmato dal soggetto erogatore: caricalo di nuovo firmato.'
          : null;
    await tx
      .update(conversions)
      .set({
        status: plan.status,
        submittedAt,
        protocolNumber,
        signature,
        decisionReason: reason,
        decidedBy: decided ? opts.officeUserId : null,
        decidedAt,
        // One family locked out by wrong codes, for Sblocca la firma.
        ...(n === 20 ? { otpLocked: `Bloccata il ${opts.today}: troppi codici errati`, otpFailedTotal: 100 } : {}),
        updatedAt: decidedAt ?? submittedAt,
      })
      .where(eq(conversions.id, convs[i]!.id));
    // Summaries, not whole events: the office demo's rows carry the fields its pages read (StoredAfter).
    const event = <A extends VoucherAuditAction>(
      action: A,
      at: Date,
      after: StoredAfter<A>,
      actor: { userId: string | null; role: string | null },
    ) =>
      events.push({
        actorId: actor.userId,
        actorRole: actor.role,
        action,
        entityType: 'voucher',
        entityId: vs[i]!.id,
        after,
        at,
      });
    const fam = { userId: holders[i]!.id, role: 'family' };
    event(
      'pes.closed',
      ago(plan.daysAgo + 11),
      { code: `${p.number}/1`, usedCents: 80_000, freedCents: 120_000 },
      { userId: null, role: null },
    );
    for (const [k] of p.kinds.entries())
      event('pes.validation_requested', ago(plan.daysAgo + 5), { code: `${p.number}/${k + 2}` }, fam);
    event('conversion.submitted', submittedAt, { protocolNumber }, fam);
    if (decidedAt) {
      const action =
        plan.status === 'approved'
          ? 'conversion.approved'
          : plan.status === 'rejected'
            ? 'conversion.rejected'
            : 'conversion.returned';
      event(
        action,
        decidedAt,
        { protocolNumber, ...(reason ? { reason } : {}) },
        { userId: opts.officeUserId, role: 'office' },
      );
    }
  }
  await tx.insert(auditEvents).values(events);
}

const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

/** Who the office demo's i-th family is (codice fiscale, voucher number): the browser tests sign in as them. */
export function officeDemoFamily(i: number): { codiceFiscale: string; voucherNumber: string; status: Plan['status'] } {
  return {
    codiceFiscale: demoCodiceFiscale(SURNAMES[i % SURNAMES.length]!, GIVEN[i % GIVEN.length]!, i + 1),
    voucherNumber: `BS-2020-${String(101 + i).padStart(4, '0')}`,
    status: OFFICE_DEMO_PLANS[i]!.status,
  };
}

/** A well-formed codice fiscale (valid check character) for demo people: consonants of the names, a serial as birth data. */
export function demoCodiceFiscale(surname: string, given: string, serial: number): string {
  const cons = (s: string) =>
    (
      s
        .toUpperCase()
        .replace(/[^A-Z]/g, '')
        .replace(/[AEIOU]/g, '') + 'XXX'
    ).slice(0, 3);
  const body = `${cons(surname)}${cons(given)}${String(80 + (serial % 20)).padStart(2, '0')}${'ABCDEHLMPRST'[serial % 12]}${String(41 + (serial % 28)).padStart(2, '0')}L378`;
  let sum = 0;
  for (const [i, ch] of [...body].entries()) {
    const v = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 65;
    sum += i % 2 === 0 ? ODD[v]! : v;
  }
  return body + String.fromCharCode(65 + (sum % 26));
}
