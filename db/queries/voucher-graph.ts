import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { prepared } from '@/db/prepared';
import { children, documents, pes, pesChildren, providers } from '@/db/schema';

export type VoucherGraph = Awaited<ReturnType<typeof loadVoucherGraph>>;
export type GraphPes = VoucherGraph['pes'][number];

const voucherId = sql.placeholder('voucherId');

const statements = (db: DbOrTx) => ({
  children: db
    .select()
    .from(children)
    .where(eq(children.voucherId, voucherId))
    .orderBy(asc(children.position))
    .prepare('voucher_graph_children'),
  pes: db
    .select({
      pes,
      providerName: providers.name,
      providerCode: providers.code,
      // The covered children in the same statement (pes.id and providers.id are keys: grouping by them is exact).
      childIds: sql<
        string[]
      >`coalesce(array_agg(${pesChildren.childId}) filter (where ${pesChildren.childId} is not null), '{}')`,
    })
    .from(pes)
    .innerJoin(providers, eq(providers.id, pes.providerId))
    .leftJoin(pesChildren, eq(pesChildren.pesId, pes.id))
    .where(eq(pes.voucherId, voucherId))
    .groupBy(pes.id, providers.id)
    .orderBy(asc(pes.createdAt), asc(pes.code))
    .prepare('voucher_graph_pes'),
  documents: db
    .select({
      id: documents.id,
      pesId: documents.pesId,
      fileName: documents.fileName,
      sizeBytes: documents.sizeBytes,
      sha256: documents.sha256,
      createdAt: documents.createdAt,
    })
    .from(documents)
    .innerJoin(pes, eq(pes.id, documents.pesId))
    // A PDF detached after a signature stays for the office's record (signature-history.ts); the graph has the current one.
    .where(and(eq(pes.voucherId, voucherId), isNull(documents.detachedAt)))
    .orderBy(asc(documents.createdAt))
    .prepare('voucher_graph_documents'),
});

/**
 * The part of a voucher every page and the dossier share: its children, every PES with its provider,
 * the children it covers and its current PDF. Three prepared statements whatever the number of PES (P2);
 * the caller reads the voucher (and decides who may see it) before, and adds only its own part.
 */
export async function loadVoucherGraph(db: DbOrTx, id: string) {
  const q = prepared(db, 'voucher-graph', statements);
  const [kids, pesRows, docs] = await Promise.all([
    q.children.execute({ voucherId: id }),
    q.pes.execute({ voucherId: id }),
    q.documents.execute({ voucherId: id }),
  ]);
  const childById = new Map(kids.map((c) => [c.id, c]));
  return {
    children: kids,
    pes: pesRows.map((r) => ({
      ...r.pes,
      providerName: r.providerName,
      providerCode: r.providerCode,
      children: r.childIds.map((id) => childById.get(id)).filter((c): c is NonNullable<typeof c> => c !== undefined),
      // One PDF per summer PES; if a replace ever left two, the latest is the current one (and the one signed).
      document: docs.filter((d) => d.pesId === r.pes.id).at(-1) ?? null,
    })),
  };
}
