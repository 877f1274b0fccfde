import { and, eq } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { Db } from '@/db/open';
import * as schema from '@/db/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, notificationOutbox, passwordResetTokens, users } from '@/db/schema';
import { requestPasswordResetAction } from '@/lib/actions/auth/request-password-reset';
import { authenticate } from '@/lib/auth/authenticate';
import { sessionStillValid } from '@/lib/auth/session-check';
import { createUser } from '@/lib/services/account/create-user';
import {
  MAX_LINKS_PER_HOUR,
  requestPasswordReset,
  RESET_TOKEN_TTL_MS,
} from '@/lib/services/account/request-password-reset';
import { resetPassword } from '@/lib/services/account/reset-password';
import { useDb } from './support/act-as';
import { CF, outboxTo, seeded } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  useDb(t.db);
});
afterAll(() => t.close());

const BASE = 'http://localhost:3000';
const NEW_PASSWORD = 'lampone gelato montagna 42';

function tokenFrom(body: string): string {
  const m = /#token=([A-Za-z0-9_-]+)/.exec(body);
  if (!m?.[1]) throw new Error('no link in e-mail');
  return m[1];
}

async function userByCf(cf: string) {
  const [u] = await t.db.select().from(users).where(eq(users.codiceFiscale, cf));
  return u!;
}

describe('Ho smarrito la password', () => {
  it('sends nothing and reveals nothing when the data do not match an account', async () => {
    const before = await t.db.select().from(notificationOutbox);
    await expect(
      requestPasswordReset(
        t.db,
        { givenName: 'Anna', familyName: 'Bianchi', codiceFiscale: CF.anna, ip: null },
        { baseUrl: BASE },
      ),
    ).resolves.toBeUndefined();
    await expect(
      requestPasswordReset(
        t.db,
        { givenName: 'X', familyName: 'Y', codiceFiscale: 'ZZZZZZ80A01L378X', ip: null },
        { baseUrl: BASE },
      ),
    ).resolves.toBeUndefined();
    expect(await t.db.select().from(notificationOutbox)).toHaveLength(before.length);
  });

  it('e-mails a single-use link that sets a new password and ends every other session', async () => {
    const before = await userByCf(CF.anna);
    await requestPasswordReset(
      t.db,
      { givenName: 'anna', familyName: 'ROSSI', codiceFiscale: CF.anna.toLowerCase(), ip: '127.0.0.1' },
      { baseUrl: BASE },
    );
    const [mail] = await outboxTo(t.db, before.email);
    expect(mail?.subject).toContain('nuova password');
    expect(mail?.htmlBody).toMatch(/<html[^>]* lang="it"/);
    const token = tokenFrom(mail!.textBody);
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 bits in base64url

    await resetPassword(t.db, { token, password: NEW_PASSWORD, ip: '127.0.0.1' });
    const after = await userByCf(CF.anna);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await sessionStillValid(t.db, after.id, 'family', before.sessionVersion)).toBe(false);
    expect((await authenticate(t.db, { codiceFiscale: CF.anna, password: NEW_PASSWORD, ip: '127.0.0.9' })).ok).toBe(
      true,
    );

    await expect(
      resetPassword(t.db, { token, password: 'un altra password molto lunga', ip: null }),
    ).rejects.toMatchObject({ code: 'token_invalid' });
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.password_reset_completed'));
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(token);
  });

  it('refuses an expired link and a weak password without consuming the link', async () => {
    const u = await userByCf(CF.giulia);
    const now = new Date('2026-11-26T12:00:00Z');
    await requestPasswordReset(
      t.db,
      { givenName: 'Giulia', familyName: 'Bianchi', codiceFiscale: CF.giulia, ip: null },
      { baseUrl: BASE, now },
    );
    const token = tokenFrom((await outboxTo(t.db, u.email))[0]!.textBody);
    await expect(resetPassword(t.db, { token, password: 'passwordpassword', ip: null }, now)).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(
      resetPassword(
        t.db,
        { token, password: NEW_PASSWORD, ip: null },
        new Date(now.getTime() + RESET_TOKEN_TTL_MS + 1000),
      ),
    ).rejects.toMatchObject({
      code: 'token_invalid',
    });
    expect((await userByCf(CF.giulia)).passwordHash).toBe(u.passwordHash);
    await resetPassword(t.db, { token, password: NEW_PASSWORD, ip: null }, new Date(now.getTime() + 60_000));
    expect((await userByCf(CF.giulia)).passwordHash).not.toBe(u.passwordHash);
  });

  it('a newer link cancels the older one', async () => {
    const u = await userByCf(CF.office);
    await requestPasswordReset(
      t.db,
      { givenName: 'Chiara', familyName: 'Conti', codiceFiscale: CF.office, ip: null },
      { baseUrl: BASE },
    );
    await requestPasswordReset(
      t.db,
      { givenName: 'Chiara', familyName: 'Conti', codiceFiscale: CF.office, ip: null },
      { baseUrl: BASE },
    );
    const mails = await outboxTo(t.db, u.email);
    const [first, second] = mails.map((m) => tokenFrom(m.textBody));
    await expect(resetPassword(t.db, { token: first!, password: NEW_PASSWORD, ip: null })).rejects.toMatchObject({
      code: 'token_invalid',
    });
    await expect(resetPassword(t.db, { token: second!, password: NEW_PASSWORD, ip: null })).resolves.toBeUndefined();
  });

  it('builds the link on APP_URL even when the request carries a forged X-Forwarded-Host', async () => {
    const env = { ...process.env };
    process.env.APP_URL = 'https://buoni.example.it';
    (globalThis as { __testHeaders?: Record<string, string> }).__testHeaders = {
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
    };
    try {
      const fd = new FormData();
      fd.set('givenName', 'Luca');
      fd.set('familyName', 'Ferrari');
      fd.set('codiceFiscale', CF.prv1);
      expect(await requestPasswordResetAction({}, fd)).toEqual({ done: true });
    } finally {
      process.env = env;
      delete (globalThis as { __testHeaders?: unknown }).__testHeaders;
    }
    const mails = await outboxTo(t.db, 'luca.ferrari@ilgermoglio.example.it');
    const body = mails.at(-1)!.textBody;
    expect(body).toContain('https://buoni.example.it/password-smarrita/nuova#token=');
    expect(body).not.toContain('evil.example');
  });

  it('keeps the cap of 3 links an hour under concurrent requests', async () => {
    const u = await userByCf(CF.prv2);
    await Promise.all(
      Array.from({ length: 8 }, () =>
        requestPasswordReset(
          t.db,
          { givenName: 'Paolo', familyName: 'Gallo', codiceFiscale: CF.prv2, ip: null },
          { baseUrl: BASE },
        ),
      ),
    );
    const tokens = await t.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, u.id));
    expect(tokens).toHaveLength(MAX_LINKS_PER_HOUR);
    expect(await outboxTo(t.db, u.email)).toHaveLength(MAX_LINKS_PER_HOUR);
    const limited = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.password_reset_limited'), eq(auditEvents.entityId, u.id)));
    expect(limited).toHaveLength(8 - MAX_LINKS_PER_HOUR);
  });

  it('creates an account with no usable password and e-mails the link that sets it (npm run user:create)', async () => {
    const { userId } = await createUser(
      t.db,
      {
        role: 'office',
        codiceFiscale: 'RSSMRA80A01L378S',
        email: 'primo.ufficio@provincia.tn.example.it',
        givenName: 'Mario',
        familyName: 'Rossi',
      },
      { baseUrl: 'https://buoni.example.it' },
    );
    const [mail] = await outboxTo(t.db, 'primo.ufficio@provincia.tn.example.it');
    expect(mail!.textBody).toContain('https://buoni.example.it/attivazione#token=');
    // The same activation link as staff created by the office and imported families: one mechanism.
    const [link] = await t.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, userId));
    expect(link).toMatchObject({ purpose: 'activation' });
    expect(link!.expiresAt.getTime() - link!.createdAt.getTime()).toBe(72 * 3_600_000);
    await resetPassword(t.db, { token: tokenFrom(mail!.textBody), password: NEW_PASSWORD, ip: null });
    const r = await authenticate(t.db, { codiceFiscale: 'RSSMRA80A01L378S', password: NEW_PASSWORD, ip: '10.9.9.9' });
    expect(r).toMatchObject({ ok: true, user: { id: userId, role: 'office' } });
    await expect(
      createUser(
        t.db,
        {
          role: 'office',
          codiceFiscale: 'RSSMRA80A01L378S',
          email: 'altro@example.it',
          givenName: 'A',
          familyName: 'B',
        },
        { baseUrl: BASE },
      ),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('costs the same statements for an unknown account, a wrong name and a known account (only the e-mail differs)', async () => {
    const statements: string[] = [];
    const logger = { logQuery: (q: string) => void statements.push(q) };
    const client = (t.db as unknown as { $client: never }).$client;
    const counting = (t.kind === 'pglite'
      ? drizzlePglite(client, { schema, logger })
      : drizzlePostgres(client, { schema, logger })) as unknown as Db;
    const run = async (givenName: string, familyName: string, codiceFiscale: string) => {
      statements.length = 0;
      await requestPasswordReset(counting, { givenName, familyName, codiceFiscale, ip: null }, { baseUrl: BASE });
      return statements.length;
    };
    const unknown = await run('Mario', 'Bianchi', 'BNCMRA80A01L378K');
    const wrongName = await run('Chiara', 'Rossi', CF.office);
    const known = await run('Chiara', 'Conti', CF.office);
    expect(unknown).toBe(wrongName);
    expect(known).toBe(unknown + 1); // the outbox row of the e-mail
  });
});
