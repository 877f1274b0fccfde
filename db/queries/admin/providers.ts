import 'server-only';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { providerBands, providerMeasures, providers, users } from '@/db/schema';

export type Membership = { measure: string; joinedOn: string; leftOn: string | null };

/** Every provider with its bands, measures and number of clerks: four statements whatever the number of providers. */
export async function listProvidersForOffice(db: DbOrTx) {
  const [rows, bands, measures, staff] = await Promise.all([
    db.select().from(providers).orderBy(asc(providers.name)),
    db.select().from(providerBands).orderBy(asc(providerBands.band)),
    db.select().from(providerMeasures).orderBy(asc(providerMeasures.measure)),
    db
      .select({ providerId: users.providerId, n: count() })
      .from(users)
      .where(eq(users.role, 'provider'))
      .groupBy(users.providerId),
  ]);
  return rows.map((p) => ({
    ...p,
    bands: bands.filter((b) => b.providerId === p.id).map((b) => b.band),
    measures: measures
      .filter((m) => m.providerId === p.id)
      .map(({ measure, joinedOn, leftOn }) => ({ measure, joinedOn, leftOn })),
    staffCount: staff.find((s) => s.providerId === p.id)?.n ?? 0,
  }));
}

export async function providerForOffice(db: DbOrTx, providerId: string) {
  const [[row], bands, measures] = await Promise.all([
    db.select().from(providers).where(eq(providers.id, providerId)),
    db.select({ band: providerBands.band }).from(providerBands).where(eq(providerBands.providerId, providerId)),
    db
      .select()
      .from(providerMeasures)
      .where(
        and(
          eq(providerMeasures.providerId, providerId),
          inArray(providerMeasures.measure, ['babysitting_covid', 'summer_covid']),
        ),
      ),
  ]);
  if (!row) return null;
  return {
    ...row,
    bands: bands.map((b) => b.band),
    measures: measures.map(({ measure, joinedOn, leftOn }) => ({ measure, joinedOn, leftOn })),
  };
}
