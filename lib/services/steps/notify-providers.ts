import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/open';
import { children, pesChildren, providers, users } from '@/db/schema';
import { enqueueEmail } from '@/lib/notifications/enqueue';

type PesRow = { id: string; code: string; providerId: string; kind: string; band: string | null; hours: number; amountCents: number };
type Holder = { givenName: string; familyName: string; codiceFiscale: string };

/** One e-mail per provider concerned, listing only that provider's PES with the children they cover. */
export async function notifyProviders(
  tx: Tx,
  m: {
    pes: PesRow[];
    holderId: string;
    subject: string;
    intro: (holder: Holder, mine: PesRow[]) => string;
    line: (p: PesRow, childNames: string) => string;
    outro: string;
    baseUrl?: string;
  },
): Promise<void> {
  const ids = m.pes.map((p) => p.id);
  const [[holder], kids, provs] = await Promise.all([
    tx.select({ givenName: users.givenName, familyName: users.familyName, codiceFiscale: users.codiceFiscale }).from(users).where(eq(users.id, m.holderId)),
    tx
      .select({ pesId: pesChildren.pesId, name: children.givenName, family: children.familyName })
      .from(pesChildren)
      .innerJoin(children, eq(children.id, pesChildren.childId))
      .where(inArray(pesChildren.pesId, ids)),
    tx.select().from(providers).where(inArray(providers.id, [...new Set(m.pes.map((p) => p.providerId))])),
  ]);
  const namesOf = (pesId: string) =>
    kids
      .filter((k) => k.pesId === pesId)
      .map((k) => `${k.name} ${k.family}`)
      .join(', ');
  for (const provider of provs) {
    const mine = m.pes.filter((p) => p.providerId === provider.id);
    await enqueueEmail(tx, {
      to: provider.email,
      subject: m.subject,
      paragraphs: [`Spettabile ${provider.name},`, m.intro(holder!, mine), ...mine.map((p) => m.line(p, namesOf(p.id))), m.outro],
      ...(m.baseUrl ? { link: { href: `${m.baseUrl}/erogatore`, label: 'Apri il cruscotto' } } : {}),
    });
  }
}
