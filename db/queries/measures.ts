import 'server-only';
import { and, asc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { measureParameters, providerBands, providerMeasures, providers } from '@/db/schema';
import type { Band } from '@/lib/domain/bands';
import { isoDate } from '@/lib/domain/dates';

export type Measure = 'babysitting_covid' | 'summer_covid';

export async function getMeasureParameters(db: DbOrTx, measure: Measure) {
  const [row] = await db.select().from(measureParameters).where(eq(measureParameters.measure, measure));
  return row ?? null;
}

/** Membership that covers `today`: joined on or before it, not left yet (left_on is the first day without it). */
function memberOn(measure: Measure, today: string) {
  return and(
    eq(providerMeasures.measure, measure),
    lte(providerMeasures.joinedOn, today),
    or(isNull(providerMeasures.leftOn), gt(providerMeasures.leftOn, today)),
    eq(providers.active, true),
  );
}

/** Only providers that joined the measure, and have not left it, appear in its drop-down for new PES (guide §3.3). */
export async function providersForMeasure(db: DbOrTx, measure: Measure, today = isoDate(new Date())) {
  return db
    .select({ id: providers.id, name: providers.name })
    .from(providers)
    .innerJoin(providerMeasures, eq(providerMeasures.providerId, providers.id))
    .where(memberOn(measure, today))
    .orderBy(asc(providers.name));
}

export async function providerJoined(
  db: DbOrTx,
  providerId: string,
  measure: Measure,
  today = isoDate(new Date()),
): Promise<boolean> {
  const [row] = await db
    .select({ id: providers.id })
    .from(providers)
    .innerJoin(providerMeasures, eq(providerMeasures.providerId, providers.id))
    .where(and(eq(providers.id, providerId), memberOn(measure, today)));
  return Boolean(row);
}

/**
 * Providers that joined the measure, each with the service bands it offers (one statement): the summer
 * page lists only those offering the band chosen, and the service checks the same data again.
 */
export async function providersWithBands(
  db: DbOrTx,
  measure: Measure,
  today = isoDate(new Date()),
): Promise<{ id: string; name: string; bands: Band[] }[]> {
  const rows = await db
    .select({ id: providers.id, name: providers.name, band: providerBands.band })
    .from(providers)
    .innerJoin(providerMeasures, eq(providerMeasures.providerId, providers.id))
    .innerJoin(providerBands, eq(providerBands.providerId, providers.id))
    .where(memberOn(measure, today))
    .orderBy(asc(providers.name), asc(providerBands.band));
  const byId = new Map<string, { id: string; name: string; bands: Band[] }>();
  for (const r of rows) {
    const p = byId.get(r.id) ?? { id: r.id, name: r.name, bands: [] };
    p.bands.push(r.band as Band);
    byId.set(r.id, p);
  }
  return [...byId.values()];
}
