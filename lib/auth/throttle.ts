import 'server-only';
import { and, count, desc, eq, gt, min } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { loginAttempts } from '@/db/schema';

// Per account: 5 failures lock for at most 15 minutes, then the real user gets in (A3, bounded delay).
// Per address: 100 failures in the window, against spraying many accounts from one client.
export const THROTTLE = { windowMs: 15 * 60_000, perAccount: 5, perIp: 100 } as const;

export type ThrottleState = { allowed: true } | { allowed: false; retryAfterSeconds: number };

async function lastSuccess(db: DbOrTx, accountKey: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.accountKey, accountKey), eq(loginAttempts.success, true)))
    .orderBy(desc(loginAttempts.at))
    .limit(1);
  return row?.at ?? null;
}

export async function checkThrottle(db: DbOrTx, accountKey: string, ip: string, now: Date): Promise<ThrottleState> {
  const windowStart = new Date(now.getTime() - THROTTLE.windowMs);
  const success = await lastSuccess(db, accountKey);
  const since = success && success > windowStart ? success : windowStart;
  const [acc] = await db
    .select({ n: count(), first: min(loginAttempts.at) })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.accountKey, accountKey), eq(loginAttempts.success, false), gt(loginAttempts.at, since)));
  const [byIp] = await db
    .select({ n: count(), first: min(loginAttempts.at) })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.success, false), gt(loginAttempts.at, windowStart)));
  for (const [row, limit] of [
    [acc, THROTTLE.perAccount],
    [byIp, THROTTLE.perIp],
  ] as const) {
    if (row && row.n >= limit && row.first) {
      const until = new Date(row.first).getTime() + THROTTLE.windowMs;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
    }
  }
  return { allowed: true };
}

/** Throttled attempts are not recorded, so an attacker cannot extend the lock indefinitely. */
export async function recordAttempt(db: DbOrTx, accountKey: string, ip: string, success: boolean, now: Date): Promise<void> {
  await db.insert(loginAttempts).values({ accountKey, ip, success, at: now });
}
