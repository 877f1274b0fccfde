import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { notificationOutbox, users } from '@/db/schema';
import { seedDemoData } from '@/db/seed/seed';
import type { Actor, Role } from '@/lib/auth/actor';
import { revealedOutboxBodies } from '@/lib/notifications/outbox-secrets';

export const TODAY = '2026-11-26';

/** The demo data; the 32 office demo conversions only when asked (they cost a few seconds per file). */
export async function seeded(db: Db, opts: { officeDemo?: boolean } = {}): Promise<void> {
  await seedDemoData(db, TODAY, { officeDemo: opts.officeDemo ?? false });
}

export async function actorFor(db: Db, codiceFiscale: string): Promise<Actor> {
  const [u] = await db.select().from(users).where(eq(users.codiceFiscale, codiceFiscale));
  if (!u) throw new Error(`no user ${codiceFiscale}`);
  return { userId: u.id, role: u.role as Role, providerId: u.providerId, ip: '127.0.0.1', requestId: 'test' };
}

/** The messages to `recipient`, oldest first, with their bodies as the recipient reads them (codes and links put back while pending). */
export async function outboxTo(db: Db, recipient: string) {
  const rows = await db
    .select()
    .from(notificationOutbox)
    .where(eq(notificationOutbox.recipient, recipient))
    .orderBy(asc(notificationOutbox.createdAt));
  return rows.map((r) => ({ ...r, ...revealedOutboxBodies(r) }));
}

export const CF = {
  anna: 'RSSNNA85M41L378F',
  giulia: 'BNCGLI90C55L378U',
  marta: 'VRDMRT82S60L378B',
  prv1: 'FRRLCU75B10L378M',
  prv2: 'GLLPLA78H05L378S',
  prv3: 'MRNFNC79D14L378N',
  office: 'CNTCHR80T52L378Z',
} as const;

/** The demo accounts as actors, by the names used in the tests. */
export async function demoActors(db: Db): Promise<Record<keyof typeof CF, Actor>> {
  const entries = await Promise.all(
    Object.entries(CF).map(async ([name, cf]) => [name, await actorFor(db, cf)] as const),
  );
  return Object.fromEntries(entries) as Record<keyof typeof CF, Actor>;
}
