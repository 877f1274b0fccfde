import 'server-only';
import { getDb } from '@/db';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { currentActor } from '@/lib/auth/current-actor';
import { publicBaseUrl } from '@/lib/config/runtime-config';
import { MAX_IMPORT_BYTES } from '@/lib/import/voucher-columns';
import type { ImportOutcome } from '@/lib/import/import-outcome';
import { importVouchers } from './import-vouchers';

export const IMPORT_PAGE = '/ufficio/amministrazione/importa';

export type ImportRequestResult =
  | { kind: 'outcome'; outcome: ImportOutcome }
  | {
      kind: 'refused';
      status: 401 | 403 | 400 | 413;
      code: 'unauthenticated' | 'forbidden' | 'no_file' | 'too_large' | 'cross_site';
    };

/** Same-origin only: a route handler gets none of the CSRF checks Next gives server actions. */
function sameOrigin(req: Request): boolean {
  const origin = req.headers.get('origin');
  if (!origin) return true;
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The office's upload: session and role checked here (the layout does not guard route handlers), then the use case. */
export async function handleImportRequest(req: Request): Promise<ImportRequestResult> {
  const actor: Actor | null = await currentActor();
  if (!actor) return { kind: 'refused', status: 401, code: 'unauthenticated' };
  const db = await getDb();
  if (actor.role !== 'office' || !sameOrigin(req)) {
    await writeAudit(db, {
      actor,
      action: 'access.denied',
      entityType: 'route',
      entityId: `${IMPORT_PAGE}/carica`,
    }).catch(() => undefined);
    return { kind: 'refused', status: 403, code: actor.role !== 'office' ? 'forbidden' : 'cross_site' };
  }
  // The multipart envelope adds a little to the file itself.
  if (Number(req.headers.get('content-length') ?? 0) > MAX_IMPORT_BYTES + 64 * 1024)
    return { kind: 'refused', status: 413, code: 'too_large' };
  const form = await req.formData().catch(() => null);
  const file = form?.get('file');
  if (!(file instanceof File) || file.size === 0) return { kind: 'refused', status: 400, code: 'no_file' };
  if (file.size > MAX_IMPORT_BYTES) return { kind: 'refused', status: 413, code: 'too_large' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return {
      kind: 'outcome',
      outcome: await importVouchers(db, actor, { bytes, name: file.name }, { baseUrl: publicBaseUrl() }),
    };
  } catch (e) {
    if (e instanceof AppError && e.code === 'forbidden') return { kind: 'refused', status: 403, code: 'forbidden' };
    throw e;
  }
}
