import { getDb } from '@/db';
import { documentForActor } from '@/db/queries/document-for-actor';
import { currentActor } from '@/lib/auth/current-actor';
import { fileStorage } from '@/lib/storage/file-storage';
import { idSchema } from '@/lib/validation/ids';

export const dynamic = 'force-dynamic';

const plain = (status: number, text: string) =>
  new Response(text, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });

/** ASCII fallback plus RFC 5987 UTF-8 name: quotes, CR/LF and non-ASCII never reach the header raw. */
export function contentDisposition(fileName: string): string {
  const ascii =
    fileName
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\;%]/g, '')
      .trim() || 'documento.pdf';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * The only way to read a stored document (F2): the family holding the voucher, the provider named on
 * the PES, or the office. Others get 404, as for a document that does not exist (N2).
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) return plain(401, 'Accedi per scaricare il documento.');
  const { id } = await params;
  if (!idSchema.safeParse(id).success) return plain(404, 'Documento non trovato.');
  const db = await getDb();
  const doc = await documentForActor(db, actor, id);
  if (!doc) return plain(404, 'Documento non trovato.');
  const bytes = await fileStorage(db).get(doc.storageKey);
  if (!bytes) return plain(404, 'Documento non trovato.');
  return new Response(Buffer.from(bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': contentDisposition(doc.fileName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
