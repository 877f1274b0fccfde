import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/open';
import { children, pesChildren, providers, users } from '@/db/schema';
import type { PesKind } from '@/lib/domain/pes-kinds';
import { enqueueEmail } from '@/lib/notifications/enqueue';
import type { MailContent, ProviderMailInput } from '@/lib/notifications/messages/provider-pes-request';

export type PesRow = {
  id: string;
  code: string;
  providerId: string;
  kind: PesKind;
  band: string | null;
  hours: number;
  amountCents: number;
};

/** One e-mail per provider concerned, listing only that provider's PES with the children they cover. */
export async function notifyProviders(
  tx: Tx,
  m: {
    pes: PesRow[];
    holderId: string;
    voucherNumber: string;
    message: (input: ProviderMailInput) => MailContent;
    baseUrl?: string;
  },
): Promise<void> {
  const ids = m.pes.map((p) => p.id);
  const [[holder], kids, provs] = await Promise.all([
    tx
      .select({ givenName: users.givenName, familyName: users.familyName, codiceFiscale: users.codiceFiscale })
      .from(users)
      .where(eq(users.id, m.holderId)),
    tx
      .select({ pesId: pesChildren.pesId, name: children.givenName, family: children.familyName })
      .from(pesChildren)
      .innerJoin(children, eq(children.id, pesChildren.childId))
      .where(inArray(pesChildren.pesId, ids)),
    tx
      .select()
      .from(providers)
      .where(inArray(providers.id, [...new Set(m.pes.map((p) => p.providerId))])),
  ]);
  const namesOf = (pesId: string) =>
    kids
      .filter((k) => k.pesId === pesId)
      .map((k) => `${k.name} ${k.family}`)
      .join(', ');
  for (const provider of provs) {
    const mine = m.pes.filter((p) => p.providerId === provider.id).map((p) => ({ ...p, childNames: namesOf(p.id) }));
    const content = m.message({
      providerName: provider.name,
      holder: holder!,
      voucherNumber: m.voucherNumber,
      pes: mine,
      ...(m.baseUrl ? { dashboardUrl: `${m.baseUrl}/erogatore` } : {}),
    });
    await enqueueEmail(tx, { to: provider.email, ...content });
  }
}
