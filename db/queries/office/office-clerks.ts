import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { prepared } from '@/db/prepared';
import { users } from '@/db/schema';
import type { OfficeScope } from './office-scope';

export type OfficeClerk = { id: string; name: string };

const statements = (db: DbOrTx) => ({
  active: db
    .select({ id: users.id, givenName: users.givenName, familyName: users.familyName })
    .from(users)
    .where(and(eq(users.role, 'office'), eq(users.active, true)))
    .orderBy(asc(users.familyName), asc(users.givenName), asc(users.id))
    .prepare('office_clerks_active'),
});

/** The active office clerks, by surname: whom a case can be assigned to (Assegna a). */
export async function activeOfficeClerks(db: DbOrTx, _scope: OfficeScope): Promise<OfficeClerk[]> {
  const rows = await prepared(db, 'office-clerks', statements).active.execute();
  return rows.map((r) => ({ id: r.id, name: `${r.givenName} ${r.familyName}` }));
}
