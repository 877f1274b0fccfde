import { getDb } from '@/db';
import { writeAudit } from '@/lib/audit/write-audit';
import { currentActor } from '@/lib/auth/current-actor';
import { isoDate } from '@/lib/domain/dates';
import { voucherTemplateCsv } from '@/lib/import/voucher-template';

export const dynamic = 'force-dynamic';

/** The downloadable template: office only (checked here, the layout does not guard route handlers). */
export async function GET() {
  const actor = await currentActor();
  if (!actor) return new Response('Accedi per scaricare il modello.', { status: 401 });
  if (actor.role !== 'office') {
    await writeAudit(await getDb(), {
      actor,
      action: 'access.denied',
      entityType: 'route',
      entityId: '/ufficio/amministrazione/importa/modello',
    }).catch(() => undefined);
    return new Response('Non hai i permessi per questa operazione.', { status: 403 });
  }
  return new Response(voucherTemplateCsv(isoDate(new Date())), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="modello-importazione-buoni.csv"',
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
