import { Writable } from 'node:stream';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

// Every line the code under test writes lands here (JSON lines, as in production).
const sink = vi.hoisted(() => ({ lines: [] as string[] }));

vi.mock('@/lib/log/logger', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/log/logger')>();
  const destination = new Writable({
    write(chunk, _enc, done) {
      sink.lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { ...real, log: real.createLogger({ level: 'info', destination }) };
});
vi.mock('@/lib/auth/current-actor', () => ({
  currentActor: async () => ({
    userId: 'u-1',
    role: 'family',
    providerId: null,
    ip: '203.0.113.9',
    requestId: '3f1c1d2e-0000-4000-8000-000000000001',
  }),
}));
vi.mock('@/db', () => ({ getDb: async () => ({}) }));
vi.mock('@/lib/notifications/kick-dispatcher', () => ({ kickDispatcher: () => undefined }));

const { createLogger, REDACTED_KEYS } = await import('@/lib/log/logger');
const { guarded } = await import('@/lib/actions/guarded');
const { AppError } = await import('@/lib/app-error');

const CF = 'RSSNNA85M41L378F';
const EMAIL = 'anna.rossi@example.it';
const PHONE = '+393470000001';
const SECRETS = [CF, EMAIL, PHONE, 'Segreta-Password-1', '482913', 'tok_9f8e7d6c5b4a'];

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

const schema = z
  .object({ codiceFiscale: z.string(), email: z.string(), phone: z.string(), note: z.string().max(3) })
  .strict();
const input = { codiceFiscale: CF, email: EMAIL, phone: PHONE, note: 'ok' };

// Named like a server action: the log line and the span take the action's name from it.
async function updateContactsAction(data: unknown, fail?: Error) {
  return guarded('family', schema, data, async (d) => {
    if (fail) throw fail;
    return { saved: d.note };
  });
}

describe('logger', () => {
  beforeEach(() => {
    sink.lines.length = 0;
  });

  it('redacts personal data and secrets under their usual keys, at the top level and one level down', () => {
    const { lines, logger } = capture();
    logger.info(
      {
        codiceFiscale: CF,
        email: EMAIL,
        phone: PHONE,
        password: 'Segreta-Password-1',
        otp: '482913',
        token: 'tok_9f8e7d6c5b4a',
        user: { codiceFiscale: CF, email: EMAIL, mobile: PHONE, code: '482913' },
        voucherId: 'v-1',
      },
      'test',
    );
    const out = lines.join('');
    for (const s of SECRETS) expect(out).not.toContain(s);
    const line = JSON.parse(out);
    expect(line).toMatchObject({
      level: 'info',
      codiceFiscale: '[redatto]',
      user: { email: '[redatto]' },
      voucherId: 'v-1',
      msg: 'test',
    });
    expect(typeof line.time).toBe('string');
    expect(REDACTED_KEYS).toEqual(
      expect.arrayContaining(['codiceFiscale', 'email', 'phone', 'password', 'otp', 'token']),
    );
  });

  it('writes one line per server action: name, role, duration, outcome and request id, never the input', async () => {
    const r = await updateContactsAction(input);
    expect(r.ok).toBe(true);
    const lines = sink.lines.map((l) => JSON.parse(l));
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        msg: 'action',
        action: 'updateContactsAction',
        role: 'family',
        outcome: 'ok',
        requestId: '3f1c1d2e-0000-4000-8000-000000000001',
        durationMs: expect.any(Number),
      }),
    ]);
    for (const s of SECRETS) expect(sink.lines.join('\n')).not.toContain(s);
  });

  it('logs a refusal by its code and an unexpected failure without its message', async () => {
    expect((await updateContactsAction({ ...input, note: 'too long' })).ok).toBe(false);
    expect((await updateContactsAction(input, new AppError('invalid_state', `Nessun buono per ${CF}`))).ok).toBe(false);
    expect((await updateContactsAction(input, new Error(`duplicate key (codice_fiscale)=(${CF}) ${EMAIL}`))).ok).toBe(
      false,
    );
    const out = sink.lines.map((l) => JSON.parse(l));
    expect(out.filter((l) => l.msg === 'action').map((l) => l.outcome)).toEqual([
      'invalid_input',
      'invalid_state',
      'unavailable',
    ]);
    for (const s of SECRETS) expect(sink.lines.join('\n')).not.toContain(s);
  });
});

describe('route of a logged request', () => {
  it.each([
    ['/famiglia/buoni/3f1c1d2e-0000-4000-8000-000000000001?tab=pes', '/famiglia/buoni/:id'],
    ['/reimposta-password?token=tok_9f8e7d6c5b4a', '/reimposta-password'],
    [`/famiglia/${CF}`, '/famiglia/:param'],
    [`/cerca/${encodeURIComponent(EMAIL)}`, '/cerca/:param'],
    [`/x/${PHONE}`, '/x/:param'],
    ['/_next/static/chunks/a.js', '/_next/*'],
  ])('%s → %s', async (url, route) => {
    const { routeOf } = await import('@/lib/log/route-of');
    expect(routeOf(url)).toBe(route);
  });
});

describe('log level', () => {
  it.each([
    [{}, 'info'],
    [{ LOG_LEVEL: 'debug' }, 'debug'],
    [{ LOG_LEVEL: 'nonsense' }, 'info'],
    [{ VITEST: 'true' }, 'silent'],
    // A server the browser tests start inherits VITEST and must still log.
    [{ VITEST: 'true', NEXT_RUNTIME: 'nodejs' }, 'info'],
    [{ VITEST: 'true', LOG_LEVEL: 'warn' }, 'warn'],
  ])('%j → %s', async (env, level) => {
    const { logLevel } = await import('@/lib/log/logger');
    expect(logLevel(env as NodeJS.ProcessEnv)).toBe(level);
  });
});
