import { and, eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents } from '@/db/schema';
import { confirmTotpEnrolmentAction } from '@/lib/actions/staff/totp-enrolment';
import { sessionKey } from '@/lib/auth/session-id';
import { totpCodeAt } from '@/lib/auth/totp/totp-code';
import { startTotpEnrolment } from '@/lib/services/account/start-totp-enrolment';
import { proxy } from '@/proxy';
import { actAs, useDb } from './support/act-as';
import { actorFor, CF, seeded } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

const session = vi.hoisted(() => ({
  current: {
    userId: '00000000-0000-4000-8000-000000000001',
    role: 'family',
    providerId: null as string | null,
    name: 'Anna Rossi',
    mfaPending: false,
    sessionId: null as string | null,
  },
}));
vi.mock('@/lib/auth/current-session', () => ({
  currentSession: async () => session.current,
  currentClaims: async () => null,
}));

const FORGED = 'forged-by-the-client';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const setHeaders = (h: Record<string, string> | undefined) =>
  ((globalThis as { __testHeaders?: Record<string, string> }).__testHeaders = h);

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  useDb(t.db);
});
afterAll(() => t.close());
afterEach(() => {
  setHeaders(undefined);
  actAs(null);
});

describe('request id', () => {
  it('is generated server-side: a client-sent x-request-id never reaches the actor (and so the audit log)', async () => {
    const { currentActor } =
      await vi.importActual<typeof import('@/lib/auth/current-actor')>('@/lib/auth/current-actor');
    setHeaders({ 'x-request-id': 'x'.repeat(5000), 'x-forwarded-for': '6.6.6.6', 'x-bsp-peer-address': '10.0.0.9' });
    const actor = await currentActor();
    expect(actor?.requestId).toMatch(UUID);
    expect(actor?.ip).toBe('10.0.0.9');
  });

  it('a staff member confirming the second factor with a forged x-request-id gets a server-made one in the audit log', async () => {
    const clerk = await actorFor(t.db, CF.prv2);
    session.current = {
      userId: clerk.userId,
      role: clerk.role,
      providerId: clerk.providerId ?? null,
      name: 'Paolo Gallo',
      mfaPending: false,
      sessionId: 'request-id-test-session',
    };
    const { secret } = await startTotpEnrolment(t.db, {
      userId: clerk.userId,
      sessionKey: sessionKey('request-id-test-session'),
    });
    actAs(clerk);
    setHeaders({ 'x-request-id': FORGED });
    const r = await confirmTotpEnrolmentAction({ code: totpCodeAt(secret, Math.floor(Date.now() / 1000)) });
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.mfa_enrolled'), eq(auditEvents.entityId, clerk.userId)));
    expect(event?.requestId).toMatch(UUID);
    expect(event?.requestId).not.toBe(FORGED);
  });

  it('the proxy replaces an incoming x-request-id with its own random one', () => {
    const res = proxy(new NextRequest('http://localhost:3000/login', { headers: { 'x-request-id': FORGED } }));
    // NextResponse.next({ request: { headers } }) hands the rewritten request headers to Next this way.
    const forwarded = res.headers.get('x-middleware-request-x-request-id');
    expect(forwarded).toMatch(UUID);
    expect(forwarded).not.toBe(FORGED);
  });
});
