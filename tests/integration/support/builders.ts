import { randomInt } from 'node:crypto';
import type { Db } from '@/db/open';
import {
  children,
  conversions,
  pes,
  pesChildren,
  providerBands,
  providerMeasures,
  providers,
  users,
  vouchers,
} from '@/db/schema';
import { demoCodiceFiscale } from '@/db/seed/office-demo';
import type { Actor } from '@/lib/auth/actor';
import type { Band } from '@/lib/domain/bands';
import type { PesKind } from '@/lib/domain/pes-kinds';
import type { ConversionStatus, PesStatus } from '@/lib/domain/state-machines';

/*
 * Test data builders (like epic-stack's tests/db-utils.ts): each test makes the rows it is about, with unique
 * names, instead of looking the demo seed up by voucher number; so a test says what it needs, and two
 * files on one PostgreSQL never meet. Nothing here signs in: the actors are for services and actAs().
 */

const CONSONANTS = 'BCDFGHJKLMNPQRSTVWZ';
const tag = (n: number) => Array.from({ length: n }, () => CONSONANTS[randomInt(CONSONANTS.length)]).join('');
const unusable = 'not-a-password-hash';

export type BuiltUser = Actor & { email: string; codiceFiscale: string };

export async function createUser(
  db: Db,
  role: Actor['role'],
  providerId: string | null,
  name: { given: string; family: string },
): Promise<BuiltUser> {
  const email = `${name.given}.${name.family}.${tag(6)}@example.test`.toLowerCase();
  const codiceFiscale = demoCodiceFiscale(name.family, name.given, randomInt(1_000_000));
  const [u] = await db
    .insert(users)
    .values({
      codiceFiscale,
      givenName: name.given,
      familyName: name.family,
      email,
      role,
      providerId,
      passwordHash: unusable,
    })
    .returning();
  return { userId: u!.id, role, providerId, ip: '127.0.0.1', requestId: 'test', email, codiceFiscale };
}

export type BuiltProvider = { id: string; code: string; name: string; email: string; staff: BuiltUser };

/** A provider with one staff account, serving the bands and measures asked for (all by default). */
export async function createProvider(
  db: Db,
  opts: { name?: string; bands?: Band[]; measures?: ('babysitting_covid' | 'summer_covid')[] } = {},
): Promise<BuiltProvider> {
  const t = tag(8);
  const name = opts.name ?? `Cooperativa ${t}`;
  const email = `prv-${t}@example.test`.toLowerCase();
  const [p] = await db
    .insert(providers)
    .values({ code: `PRVT${t}`, name, taxCode: `0${randomInt(1e9, 1e10)}`, email })
    .returning();
  const bands = opts.bands ?? ['A', 'B', 'C'];
  const measures = opts.measures ?? ['babysitting_covid', 'summer_covid'];
  if (bands.length) await db.insert(providerBands).values(bands.map((band) => ({ providerId: p!.id, band })));
  if (measures.length)
    await db
      .insert(providerMeasures)
      .values(measures.map((measure) => ({ providerId: p!.id, measure, joinedOn: '2020-01-01' })));
  const staff = await createUser(db, 'provider', p!.id, { given: 'Operatore', family: t });
  return { id: p!.id, code: p!.code, name, email, staff };
}

export type PesSpec = {
  provider: { id: string };
  kind?: PesKind;
  status?: PesStatus;
  band?: Band;
  hours?: number;
  amountCents?: number;
  usedCents?: number;
  hoursUsed?: number;
  closeRequestedAt?: Date;
  closedAt?: Date;
  validationRequestedAt?: Date;
  /** The provider's validation decision. */
  decidedAt?: Date;
  /** Default: two weeks after the close request, one week after the validation request (as terms of 10 and 5 working days). */
  closeDueAt?: Date;
  validationDueAt?: Date;
};

const later = (d: Date | undefined, days: number) => (d ? new Date(d.getTime() + days * 86_400_000) : null);

export type BuiltFamily = {
  family: BuiltUser;
  voucher: { id: string; number: string };
  conversionId: string | null;
  childIds: string[];
  pes: { id: string; code: string; providerId: string; status: PesStatus }[];
};

/**
 * A family holding one assigned voucher, its children and PES. A PES of a new kind (babysitting, summer)
 * belongs to a conversion, so one is opened for it (status `conversion`, draft by default) when asked or needed.
 */
export async function createFamilyWithVoucher(
  db: Db,
  opts: { totalCents?: number; children?: number; pes?: PesSpec[]; conversion?: ConversionStatus } = {},
): Promise<BuiltFamily> {
  const t = tag(6);
  const family = await createUser(db, 'family', null, { given: 'Famiglia', family: t });
  const number = `BS-T${t}`;
  const [v] = await db
    .insert(vouchers)
    .values({
      number,
      holderId: family.userId,
      totalCents: opts.totalCents ?? 500_000,
      status: 'assigned',
      assignedOn: '2020-06-01',
      employerName: 'Datore di lavoro di prova',
      employerTaxCode: '01234567890',
      employerAddress: 'Via Roma 1, Trento',
      employerSector: 'privato',
    })
    .returning();
  const kids = await db
    .insert(children)
    .values(
      Array.from({ length: opts.children ?? 1 }, (_, i) => ({
        voucherId: v!.id,
        position: i + 1,
        givenName: `Figlio${i + 1}`,
        familyName: t,
        codiceFiscale: demoCodiceFiscale(t, `Figlio${i + 1}`, randomInt(1_000_000)),
        birthDate: '2016-03-10',
      })),
    )
    .returning({ id: children.id });
  const specs = opts.pes ?? [];
  const needsConversion = opts.conversion !== undefined || specs.some((s) => (s.kind ?? 'standard') !== 'standard');
  const [conv] = needsConversion
    ? await db
        .insert(conversions)
        .values({ voucherId: v!.id, status: opts.conversion ?? 'draft' })
        .returning({ id: conversions.id })
    : [];
  const rows = specs.length
    ? await db
        .insert(pes)
        .values(
          specs.map((s, i) => {
            const kind = s.kind ?? 'standard';
            return {
              code: `${number}/${i + 1}`,
              voucherId: v!.id,
              conversionId: kind === 'standard' ? null : conv!.id,
              providerId: s.provider.id,
              kind,
              band: s.band ?? 'C',
              hours: s.hours ?? 10,
              amountCents: s.amountCents ?? 10_000,
              usedCents: s.usedCents ?? null,
              hoursUsed: s.hoursUsed ?? null,
              status: s.status ?? (kind === 'standard' ? 'active' : 'draft'),
              closeRequestedAt: s.closeRequestedAt ?? null,
              closedAt: s.closedAt ?? null,
              validationRequestedAt: s.validationRequestedAt ?? null,
              decidedAt: s.decidedAt ?? null,
              closeDueAt: s.closeDueAt ?? later(s.closeRequestedAt, 14),
              validationDueAt: s.validationDueAt ?? later(s.validationRequestedAt, 7),
            };
          }),
        )
        .returning({ id: pes.id, code: pes.code, providerId: pes.providerId, status: pes.status })
    : [];
  if (rows.length) await db.insert(pesChildren).values(rows.map((r) => ({ pesId: r.id, childId: kids[0]!.id })));
  return {
    family,
    voucher: { id: v!.id, number },
    conversionId: conv?.id ?? null,
    childIds: kids.map((k) => k.id),
    pes: rows,
  };
}
