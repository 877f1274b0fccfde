import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { measureParameters, providerMeasures, providers } from '@/db/schema';

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
