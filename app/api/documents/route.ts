import { z } from 'zod';
import { getDb } from '@/db';
import { AppError, type ErrorCode, type RefusalDetail } from '@/lib/app-error';
import { currentActor } from '@/lib/auth/current-actor';
import { readLimitedForm, sameOrigin } from '@/lib/http/read-limited-form';
import { kickDispatcher } from '@/lib/notifications/kick-dispatcher';
import { formatFileSize } from '@/lib/domain/file-size';
import type { Locale } from '@/lib/domain/locale';
import { requestLocale } from '@/lib/i18n/request-locale';
import { sayRefusal, uploadRefusalKey } from '@/lib/i18n/refusal';
import { MAX_PDF_BYTES, type PdfRefusal } from '@/lib/storage/check-pdf';
import { attachSummerDocument } from '@/lib/services/family/attach-summer-document';
import { idSchema } from '@/lib/validation/ids';
import { log } from '@/lib/log/logger';

export const dynamic = 'force-dynamic';

const fieldsSchema = z.object({ voucherId: idSchema, pesId: idSchema }).strict();
// Multipart framing around a 2 MB file: anything beyond this is not a single agreed-PES PDF.
const BODY_LIMIT = MAX_PDF_BYTES + 64 * 1024;

type Outcome =
  | { ok: true; document: { id: string; fileName: string; size: string }; code: string; backToDraft: boolean }
  | { ok: false; code: ErrorCode | PdfRefusal; message: string };

/**
 * carica / Sostituisci for a summer PES (guide §3.3). A route handler, not a server action: uploads
 * keep server actions at Next's default body limit. fetch/XHR (Accept: application/json) get JSON;
 * a plain <form method="post" enctype="multipart/form-data"> gets a 303 back to the page, so it works
 * without JavaScript.
 */
export async function POST(req: Request) {
  const wantsJson = (req.headers.get('accept') ?? '').includes('application/json');
  let voucherId: string | null = null;
  let pesId: string | null = null;
  // Before the fields are read (body too large), a plain form still goes back to the page it came from.
  const fromPage =
    /^\/famiglia\/buoni\/([0-9a-f-]{36})\/estivi$/.exec(safePath(req.headers.get('referer')))?.[1] ?? null;
  const answer = (status: number, o: Outcome) => {
    voucherId ??= fromPage;
    if (wantsJson || !voucherId) return Response.json(o, { status, headers: { 'Cache-Control': 'no-store' } });
    const q = new URLSearchParams({ documento: o.ok ? 'caricato' : o.code, pes: pesId ?? '' });
    return new Response(null, {
      status: 303,
      headers: { Location: `/famiglia/buoni/${voucherId}/estivi?${q}#documenti` },
    });
  };
  // In the family's language (Italian for everyone else): the catalogue's words for the code, or the service's.
  const locale = await requestLocale().catch((): Locale => 'it');
  const refuse = (status: number, code: ErrorCode | PdfRefusal, said?: RefusalDetail) =>
    answer(status, { ok: false, code, message: sayRefusal(locale, said ?? { key: uploadRefusalKey(code) }) });

  if (!sameOrigin(req))
    return Response.json(
      { ok: false, code: 'forbidden', message: sayRefusal(locale, { key: 'code.forbidden' }) },
      { status: 403 },
    );
  const actor = await currentActor();
  if (!actor) return refuse(401, 'unauthenticated');
  if (actor.role !== 'family') return refuse(403, 'forbidden');
  const form = await readLimitedForm(req, BODY_LIMIT).catch(() => undefined);
  if (form === null) return refuse(413, 'too_large');
  if (!form) return refuse(400, 'invalid_input');
  const fields = fieldsSchema.safeParse({ voucherId: form.get('voucherId'), pesId: form.get('pesId') });
  if (!fields.success) return refuse(400, 'invalid_input');
  ({ voucherId, pesId } = fields.data);
  const file = form.get('file');
  if (!(file instanceof File) || (file.size === 0 && !file.name)) return refuse(400, 'empty', { key: 'pdfChoose' });
  try {
    const r = await attachSummerDocument(await getDb(), actor, {
      voucherId,
      pesId,
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    kickDispatcher();
    return answer(200, {
      ok: true,
      code: r.code,
      backToDraft: r.backToDraft,
      document: { id: r.documentId, fileName: r.fileName, size: formatFileSize(r.sizeBytes) },
    });
  } catch (e) {
    if (e instanceof AppError) {
      const pdf = /^pdf_(.+)$/.exec(e.detail?.key ?? '')?.[1] as PdfRefusal | undefined;
      return refuse(
        e.code === 'not_found' ? 404 : e.code === 'invalid_input' ? 422 : 409,
        pdf ?? e.code,
        e.detail ?? { key: `code.${e.code}` },
      );
    }
    log.error({ error: e instanceof Error ? e.name : 'unknown' }, 'documents: upload failed');
    return refuse(503, 'unavailable');
  }
}

function safePath(url: string | null): string {
  try {
    return url ? new URL(url).pathname : '';
  } catch {
    return '';
  }
}
