import 'server-only';
import { and, asc, eq, inArray, isNull, notInArray, type SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { children, documents, pes, pesChildren, users, vouchers } from '@/db/schema';

/** Far beyond any real list; keeps OFFSET a small integer whatever `?pagina=` says (1e400, -5, abc). */
const MAX_PAGE = 10_000;

/**
 * A provider sees a new PES only once the family has asked it to validate it: drafts (with the
 * family's codice fiscale and children) and deleted ones are the family's own business.
 */
export const NOT_YET_ASKED = ['draft', 'deleted'] as const;
/** `providerId` is a value, or a placeholder in a prepared statement. */
export const namingProvider = (providerId: string | SQLWrapper) =>
  and(eq(pes.providerId, providerId), notInArray(pes.status, [...NOT_YET_ASKED]));

/** `?pagina=` as a page number: an integer from 1 to MAX_PAGE, anything else is page 1 or the last allowed. */
export function pageNumber(raw: unknown): number {
  const n =
    typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : 1;
  return Number.isSafeInteger(n) ? Math.min(MAX_PAGE, Math.max(1, n)) : 1;
}

/**
 * What a list row of the provider's pages shows (the queues, "Tutti i PES"): the PES, its family and voucher,
 * and by when it must be handled. The PES page (getProviderPes) adds the children, the PDF and the amounts used.
 */
export const pesListColumns = {
  id: pes.id,
  code: pes.code,
  kind: pes.kind,
  hours: pes.hours,
  amountCents: pes.amountCents,
  status: pes.status,
  closeDueAt: pes.closeDueAt,
  validationDueAt: pes.validationDueAt,
  voucherNumber: vouchers.number,
  familyGivenName: users.givenName,
  familyFamilyName: users.familyName,
  familyCodiceFiscale: users.codiceFiscale,
};

/** PES list rows with their voucher and family, a fresh builder each call (drizzle builders are mutable). */
export function pesListRows(db: DbOrTx) {
  return db
    .select(pesListColumns)
    .from(pes)
    .innerJoin(vouchers, eq(vouchers.id, pes.voucherId))
    .innerJoin(users, eq(users.id, vouchers.holderId));
}

const pesColumns = {
  ...pesListColumns,
  band: pes.band,
  usedCents: pes.usedCents,
  hoursUsed: pes.hoursUsed,
  closeRequestedAt: pes.closeRequestedAt,
  validationRequestedAt: pes.validationRequestedAt,
  createdAt: pes.createdAt,
  rejectionReason: pes.rejectionReason,
  voucherId: vouchers.id,
  documentId: documents.id,
  documentName: documents.fileName,
  documentSize: documents.sizeBytes,
};

async function withChildren<T extends { id: string }>(db: DbOrTx, rows: T[]) {
  if (!rows.length) return [];
  const kids = await db
    .select({
      pesId: pesChildren.pesId,
      givenName: children.givenName,
      familyName: children.familyName,
      birthDate: children.birthDate,
    })
    .from(pesChildren)
    .innerJoin(children, eq(children.id, pesChildren.childId))
    .where(
      inArray(
        pesChildren.pesId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(children.position));
  return rows.map((r) => ({ ...r, children: kids.filter((k) => k.pesId === r.id) }));
}

/** One PES naming the provider, with everything its page shows; null for any other (N2). */
export async function getProviderPes(db: DbOrTx, providerId: string, pesId: string) {
  // documents.pes_id is unique among current (not detached) PDFs: the left join adds at most one.
  const rows = await db
    .select(pesColumns)
    .from(pes)
    .innerJoin(vouchers, eq(vouchers.id, pes.voucherId))
    .innerJoin(users, eq(users.id, vouchers.holderId))
    .leftJoin(documents, and(eq(documents.pesId, pes.id), isNull(documents.detachedAt)))
    .where(and(eq(pes.id, pesId), namingProvider(providerId)));
  const [row] = await withChildren(db, rows);
  return row ?? null;
}
