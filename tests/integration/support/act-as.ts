import type { Db } from '@/db/open';
import { setDb } from '@/db';
import type { Actor } from '@/lib/auth/actor';

/** Server actions called in tests run as this actor, on this database. */
export function actAs(actor: Actor | null): void {
  (globalThis as { __testActor?: Actor | null }).__testActor = actor;
}

export function useDb(db: Db): void {
  setDb(db);
}
