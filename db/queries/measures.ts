import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { measureParameters, providerBands, providerMeasures, providers } from '@/db/schema';
import type { Band } from '@/lib/domain/bands';

export type Measure = 'babysitting_covid' | 'summer_covid';

export async function getMeasureParameters(db: DbOrTx, measure: Measure) {
  const [row] = await db.select().from(measureParameters).where(eq(measureParameters.measure, measure));
  return row ?? null;
}

/** Only providers that joined the measure appear in its drop-down (guide §3.3). */
export async function providersForMeasure(db: DbOrTx, measure: Measure) {
  return db
    .select({ id: providers.id, name: providers.name })
    .from(providers)
    .innerJoin(providerMeasures, eq(providerMeasures.providerId, providers.id))
    .where(and(eq(providerMeasures.measure, measure), eq(providers.active, true)))
    .orderBy(asc(providers.name));
}

export async function providerJoined(db: DbOrTx, providerId: string, measure: Measure): Promise<boolean> {
  const [row] = await db
    .select({ id: providers.id })
    .from(providers)
    .innerJoin(providerMeasures, eq(providerMeasures.providerId, providers.id))
    .where(and(eq(providers.id, providerId), eq(providerMeasures.measure, measure), eq(providers.active, true)));
  return Boolean(row);
}

/**
 * Providers that joined the measure, each with the service bands it offers (one statement): the summer
 * page lists only those offering the band chosen, and the service checks the same data again.
 */
export async function providersWithBands(db: DbOrTx, measure: Measure): Promise<{ id: string; name: string; bands: Band[] }[]> {
  const rows = await db
    .select({ id: providers.id, name: providers.name, band: providerBands.band })
    .from(providers)
    .innerJoin(providerMeasures, eq(providerMeasures.providerId, providers.id))
    .innerJoin(providerBands, eq(providerBands.providerId, providers.id))
    .where(and(eq(providerMeasures.measure, measure), eq(providers.active, true)))
    .orderBy(asc(providers.name), asc(providerBands.band));
  const byId = new Map<string, { id: string; name: string; bands: Band[] }>();
  for (const r of rows) {
    const p = byId.get(r.id) ?? { id: r.id, name: r.name, bands: [] };
    p.bands.push(r.band as Band);
    byId.set(r.id, p);
  }
  return [...byId.values()];
}
