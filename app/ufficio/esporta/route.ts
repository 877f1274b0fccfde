import { getDb } from '@/db';
import { officeScope } from '@/lib/auth/office-scope';
import { writeAudit } from '@/lib/audit/write-audit';
import { currentActor } from '@/lib/auth/current-actor';
import { now as clockNow } from '@/lib/clock';
import { isoDate } from '@/lib/domain/dates';
import { queueCsvStream } from '@/lib/office/queue-csv';
import { officeExportQuerySchema, searchParamsRecord } from '@/lib/validation/office-queue';

export const dynamic = 'force-dynamic';

/** Esporta CSV: the queue's current filters, every matching conversion. Office only, checked here (not by the layout). */
export async function GET(request: Request): Promise<Response> {
  const actor = await currentActor();
  if (!actor)
    return new Response('Accedi per scaricare l’esportazione.', {
      status: 401,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  const db = await getDb();
  if (actor.role !== 'office') {
    await writeAudit(db, { actor, action: 'access.denied', entityType: 'route', entityId: '/ufficio/esporta' }).catch(
      () => undefined,
    );
    return new Response('Non hai i permessi per questa operazione.', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  const filters = officeExportQuerySchema.parse(searchParamsRecord(new URL(request.url).searchParams));
  await writeAudit(db, { actor, action: 'conversions.exported', entityType: 'export', after: { filters } });
  // The app's clock, as the queue page: the same «Giorni di attesa» and term filters as the page it exports.
  const now = clockNow();
  return new Response(queueCsvStream(db, officeScope(actor), filters, now), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="pratiche-modifica-pes-${isoDate(now)}.csv"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
