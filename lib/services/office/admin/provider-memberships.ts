import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '@/db/open';
import { providerBands, providerMeasures } from '@/db/schema';
import type { ProviderInput } from '@/lib/validation/admin';

export type ProviderSnapshot = {
  bands: string[];
  measures: { measure: string; joinedOn: string; leftOn: string | null }[];
};

export async function providerSnapshot(tx: Tx, providerId: string): Promise<ProviderSnapshot> {
  const [bands, measures] = await Promise.all([
    tx
      .select({ band: providerBands.band })
      .from(providerBands)
      .where(eq(providerBands.providerId, providerId))
      .orderBy(asc(providerBands.band)),
    tx
      .select({
        measure: providerMeasures.measure,
        joinedOn: providerMeasures.joinedOn,
        leftOn: providerMeasures.leftOn,
      })
      .from(providerMeasures)
      .where(eq(providerMeasures.providerId, providerId))
      .orderBy(asc(providerMeasures.measure)),
  ]);
  return { bands: bands.map((b) => b.band), measures };
}

/**
 * Bands are replaced. A measure row is kept once created: unticking "aderisce" sets left_on (today, unless
 * an earlier exit date is already recorded), so the history stays and the PES already made with it are untouched.
 */
export async function writeMemberships(
  tx: Tx,
  providerId: string,
  input: Pick<ProviderInput, 'bands' | 'memberships'>,
  current: ProviderSnapshot,
  today: string,
) {
  await tx.delete(providerBands).where(eq(providerBands.providerId, providerId));
  await tx.insert(providerBands).values(input.bands.map((band) => ({ providerId, band })));
  for (const m of input.memberships) {
    const existing = current.measures.find((c) => c.measure === m.measure);
    if (m.joined && m.joinedOn) {
      await tx
        .insert(providerMeasures)
        .values({ providerId, measure: m.measure, joinedOn: m.joinedOn, leftOn: m.leftOn })
        .onConflictDoUpdate({
          target: [providerMeasures.providerId, providerMeasures.measure],
          set: { joinedOn: m.joinedOn, leftOn: m.leftOn },
        });
    } else if (existing && (!existing.leftOn || existing.leftOn > today)) {
      const leftOn = today < existing.joinedOn ? existing.joinedOn : today;
      await tx
        .update(providerMeasures)
        .set({ leftOn })
        .where(and(eq(providerMeasures.providerId, providerId), eq(providerMeasures.measure, m.measure)));
    }
  }
}
