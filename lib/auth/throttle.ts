import 'server-only';
import { and, count, countDistinct, eq, gt, max, min, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/open';
import { loginAttempts as la } from '@/db/schema';

/**
 * Sign-in throttling (A3), shared by every app instance through the login_attempts table:
 * - per (account, address): 5 failures block that pair for the rest of the 15-minute window;
 * - per account: once 5 failures come from two or more addresses, the account takes one attempt
 *   every 30 s: a lock-out that delays the real user instead of blocking them (whoever knows a
 *   codice fiscale cannot keep its owner out);
 * - per address: 100 failures in the window, against spraying many accounts from one client.
 * A success or a password reset (recorded as a success) starts the account's counts afresh.
 */
export const THROTTLE = {
  windowMs: 15 * 60_000,
  perPair: 5,
  perAccount: 5,
  accountDelayMs: 30_000,
  perIp: 100,
} as const;

export type ThrottleState = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const seconds = (untilMs: number, now: Date) => Math.max(1, Math.ceil((untilMs - now.getTime()) / 1000));
const ms = (d: Date | string | null | undefined) => (d ? new Date(d).getTime() : 0);

export async function checkThrottle(db: DbOrTx, accountKey: string, ip: string, now: Date): Promise<ThrottleState> {
  const windowStart = new Date(now.getTime() - THROTTLE.windowMs);
  const lastSuccess = sql`(select max(s.at) from ${la} s where s.account_key = ${accountKey} and s.success)`;
  const since = sql`greatest(${windowStart.toISOString()}::timestamptz, coalesce(${lastSuccess}, '-infinity'::timestamptz))`;
  const [[acc], [byIp]] = await Promise.all([
    db
      .select({
        pairN: sql<number>`count(*) filter (where ${la.ip} = ${ip})`.mapWith(Number),
        pairFirst: sql<string | null>`min(${la.at}) filter (where ${la.ip} = ${ip})`,
        n: count(),
        addresses: countDistinct(la.ip),
        last: max(la.at),
      })
      .from(la)
      .where(and(eq(la.accountKey, accountKey), eq(la.success, false), sql`${la.at} > ${since}`)),
    db
      .select({ n: count(), first: min(la.at) })
      .from(la)
      .where(and(eq(la.ip, ip), eq(la.success, false), gt(la.at, windowStart))),
  ]);
  if (acc && acc.pairN >= THROTTLE.perPair)
    return { allowed: false, retryAfterSeconds: seconds(ms(acc.pairFirst) + THROTTLE.windowMs, now) };
  if (byIp && byIp.n >= THROTTLE.perIp)
    return { allowed: false, retryAfterSeconds: seconds(ms(byIp.first) + THROTTLE.windowMs, now) };
  if (acc && acc.n >= THROTTLE.perAccount && acc.addresses >= 2) {
    const next = ms(acc.last) + THROTTLE.accountDelayMs;
    if (next > now.getTime()) return { allowed: false, retryAfterSeconds: seconds(next, now) };
  }
  return { allowed: true };
}

/**
 * Check and reservation in one short transaction, serialised per account and per address by
 * advisory locks: the attempt is recorded as a failure *before* the password is verified, so
 * concurrent attempts see each other and never more than the limit reach Argon2.
 * Returns the reserved attempt's id; markSucceeded() turns it into a success.
 */
export async function reserveAttempt(
  tx: Tx,
  accountKey: string,
  ip: string,
  now: Date,
): Promise<ThrottleState & { attemptId?: number }> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`login:account:${accountKey}`}))`);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`login:ip:${ip}`}))`);
  const state = await checkThrottle(tx, accountKey, ip, now);
  if (!state.allowed) return state; // throttled attempts are not recorded: an attacker cannot extend the lock
  const [row] = await tx.insert(la).values({ accountKey, ip, success: false, at: now }).returning({ id: la.id });
  return { allowed: true, attemptId: row!.id };
}

export async function markSucceeded(db: DbOrTx, attemptId: number): Promise<void> {
  await db.update(la).set({ success: true }).where(eq(la.id, attemptId));
}

/**
 * The right password from staff who has not typed the second factor yet: neither a failure (the login
 * form then asks for the code) nor a success (it must not restart the failure counts of wrong codes).
 */
export async function releaseAttempt(db: DbOrTx, attemptId: number): Promise<void> {
  await db.delete(la).where(eq(la.id, attemptId));
}

/** A password reset proves the owner: it starts the account's failure counts afresh. */
export async function recordProofOfOwnership(
  db: DbOrTx,
  accountKey: string,
  ip: string | null,
  now: Date,
): Promise<void> {
  await db.insert(la).values({ accountKey, ip: (ip ?? 'unknown').slice(0, 64), success: true, at: now });
}
