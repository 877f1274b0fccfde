import 'server-only';
import { and, asc, count, desc, eq, ilike, inArray, notInArray, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { children, documents, pes, pesChildren, users, vouchers } from '@/db/schema';

const PAGE_SIZE = 20;
/** Far beyond any real list; keeps OFFSET a small integer whatever `?pagina=` says (1e400, -5, abc). */
const MAX_PAGE = 10_000;

/**
 * A provider sees a new PES only once the family has asked it to validate it: drafts (with the
 * family's codice fiscale and children) and deleted ones are the family's own business.
 */
const NOT_YET_ASKED = ['draft', 'deleted'] as const;
const namingProvider = (providerId: string) => and(eq(pes.providerId, providerId), notInArray(pes.status, [...NOT_YET_ASKED]));

/** `?pagina=` as a page number: an integer from 1 to MAX_PAGE, anything else is page 1 or the last allowed. */
export function pageNumber(raw: unknown): number {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : 1;
  return Number.isSafeInteger(n) ? Math.min(MAX_PAGE, Math.max(1, n)) : 1;
}

const pesColumns = {
  id: pes.id,
  code: pes.code,
  kind: pes.kind,
  band: pes.band,
  hours: pes.hours,
  amountCents: pes.amountCents,
  usedCents: pes.usedCents,
  hoursUsed: pes.hoursUsed,
  status: pes.status,
  closeRequestedAt: pes.closeRequestedAt,
  validationRequestedAt: pes.validationRequestedAt,
  createdAt: pes.createdAt,
  rejectionReason: pes.rejectionReason,
  voucherId: vouchers.id,
  voucherNumber: vouchers.number,
  familyGivenName: users.givenName,
  familyFamilyName: users.familyName,
  familyCodiceFiscale: users.codiceFiscale,
  documentId: documents.id,
  documentName: documents.fileName,
  documentSize: documents.sizeBytes,
};

/** PES rows with their voucher and family, a fresh builder each call (drizzle builders are mutable). */
function pesWithFamily(db: DbOrTx) {
  // documents.pes_id is unique: the left join adds at most the PES's one current PDF.
  return db
    .select(pesColumns)
    .from(pes)
    .innerJoin(vouchers, eq(vouchers.id, pes.voucherId))
    .innerJoin(users, eq(users.id, vouchers.holderId))
    .leftJoin(documents, eq(documents.pesId, pes.id));
}

async function withChildren<T extends { id: string }>(db: DbOrTx, rows: T[]) {
  if (!rows.length) return [];
  const kids = await db
    .select({ pesId: pesChildren.pesId, givenName: children.givenName, familyName: children.familyName, birthDate: children.birthDate, disability: children.disability })
    .from(pesChildren)
    .innerJoin(children, eq(children.id, pesChildren.childId))
    .where(inArray(pesChildren.pesId, rows.map((r) => r.id)))
    .orderBy(asc(children.position));
  return rows.map((r) => ({ ...r, children: kids.filter((k) => k.pesId === r.id) }));
}

/** What waits for this provider, oldest first. Always filtered by the provider: a provider sees only PES naming it. */
export async function providerQueues(db: DbOrTx, providerId: string) {
  const [closeRequests, validations, totals] = await Promise.all([
    pesWithFamily(db).where(and(eq(pes.providerId, providerId), eq(pes.status, 'close_requested'))).orderBy(asc(pes.closeRequestedAt), asc(pes.code)),
    pesWithFamily(db).where(and(eq(pes.providerId, providerId), eq(pes.status, 'awaiting_validation'))).orderBy(asc(pes.validationRequestedAt), asc(pes.code)),
    db.select({ n: count() }).from(pes).where(namingProvider(providerId)),
  ]);
  const [withKidsClose, withKidsValidation] = await Promise.all([withChildren(db, closeRequests), withChildren(db, validations)]);
  return { closeRequests: withKidsClose, validations: withKidsValidation, total: totals[0]?.n ?? 0 };
}

/** All PES naming the provider, searchable by the family's codice fiscale or the voucher number, paginated. */
export async function searchProviderPes(db: DbOrTx, providerId: string, opts: { q?: string; page?: number }) {
  const q = (opts.q ?? '').trim().toUpperCase().slice(0, 40);
  const page = pageNumber(opts.page ?? 1);
  const filter = q
    ? and(namingProvider(providerId), or(ilike(users.codiceFiscale, `%${escapeLike(q)}%`), ilike(vouchers.number, `%${escapeLike(q)}%`), ilike(pes.code, `%${escapeLike(q)}%`)))
    : namingProvider(providerId);
  const [rows, [total]] = await Promise.all([
    pesWithFamily(db)
      .where(filter)
      .orderBy(desc(pes.updatedAt), asc(pes.code))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE),
    db
      .select({ n: count() })
      .from(pes)
      .innerJoin(vouchers, eq(vouchers.id, pes.voucherId))
      .innerJoin(users, eq(users.id, vouchers.holderId))
      .where(filter),
  ]);
  const n = total?.n ?? 0;
  return { rows: await withChildren(db, rows), total: n, page, pages: Math.max(1, Math.ceil(n / PAGE_SIZE)), q };
}

export async function getProviderPes(db: DbOrTx, providerId: string, pesId: string) {
  const rows = await pesWithFamily(db).where(and(eq(pes.id, pesId), namingProvider(providerId)));
  const [row] = await withChildren(db, rows);
  return row ?? null;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

