import 'server-only';
import { randomUUID } from 'node:crypto';
import { headers } from 'next/headers';
import type { z } from 'zod';
import { getDb } from '@/db';
import type { Db } from '@/db/open';
import { failure, type ActionResult } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import { clientIp } from '@/lib/auth/client-ip';
import { currentStaffIdentity, type StaffIdentity } from '@/lib/auth/totp/enrolling-staff';
import { observeAction } from '@/lib/log/observe-action';
import { settleAction } from '../settle-action';

export type StaffContext = { db: Db; staff: StaffIdentity & { ip: string | null; requestId: string } };

/**
 * guarded() for a staff member's own second factor: also open to a session limited to enrolment. The input is
 * read only after the identity check, like guarded()'s; the request id is made here, never taken from the
 * request (a client could put anything in the audit log through it).
 */
export function staffGuarded<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  run: (data: z.infer<S>, ctx: StaffContext) => Promise<T>,
): Promise<ActionResult<T>> {
  const identify = async () => {
    const who = await currentStaffIdentity();
    return who && who !== 'family' ? { role: who.role } : null;
  };
  return observeAction('staff', identify, () => staffGuardedBody(schema, input, run));
}

async function staffGuardedBody<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  run: (data: z.infer<S>, ctx: StaffContext) => Promise<T>,
): Promise<ActionResult<T>> {
  const identity = await currentStaffIdentity();
  if (!identity) return failure('unauthenticated');
  const db = await getDb();
  const h = await headers();
  if (identity === 'family') {
    await writeAudit(db, {
      actor: null,
      action: 'access.denied',
      entityType: 'action',
      entityId: 'staff',
      ip: clientIp(h),
    }).catch(() => undefined);
    return failure('forbidden');
  }
  return settleAction(schema, input, (data) =>
    run(data, { db, staff: { ...identity, ip: clientIp(h), requestId: randomUUID() } }),
  );
}
