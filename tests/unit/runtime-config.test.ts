import { describe, expect, it } from 'vitest';
import { clientIp, PEER_HEADER } from '@/lib/auth/client-ip';
import {
  demoMode,
  fileStorageKind,
  ioApi,
  ioMessagesOn,
  publicBaseUrl,
  secureCookies,
  startupProblems,
} from '@/lib/config/runtime-config';

/** A production configuration with every required value. */
const complete = {
  NODE_ENV: 'production',
  AUTH_SECRET: 'x'.repeat(64),
  APP_URL: 'https://buoni.example.it',
  RESEND_API_KEY: 're_x',
  FILE_STORAGE: 'database',
};

describe('DEMO_MODE', () => {
  it.each([
    ['1', true],
    ['true', true],
    ['TRUE', true],
    ['false', false],
    ['0', false],
    ['', false],
    [undefined, false],
    ['yes', false],
  ])('%s → %s', (value, expected) => {
    expect(demoMode({ DEMO_MODE: value })).toBe(expected);
  });
});

describe('start-up checks', () => {
  it('accepts a complete production configuration, and anything in development', () => {
    expect(startupProblems(complete)).toEqual([]);
    expect(startupProblems({ NODE_ENV: 'development' })).toEqual([]);
  });
  it.each([
    ['AUTH_SECRET', { AUTH_SECRET: undefined }],
    ['APP_URL', { APP_URL: undefined }],
    ['RESEND_API_KEY', { RESEND_API_KEY: undefined }],
    ['TRUSTED_PROXIES', { TRUSTED_PROXIES: 'due' }],
  ])('refuses production without %s, saying why', (name, change) => {
    const problems = startupProblems({ ...complete, ...change });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(name);
  });
  it('accepts AUTH_URL for APP_URL, and a demo without a mail sender', () => {
    expect(startupProblems({ ...complete, APP_URL: undefined, AUTH_URL: 'https://b.example.it' })).toEqual([]);
    expect(startupProblems({ ...complete, RESEND_API_KEY: undefined, DEMO_MODE: '1' })).toEqual([]);
    expect(startupProblems({ ...complete, RESEND_API_KEY: undefined, DEMO_MODE: 'false' })).toHaveLength(1);
  });
});

describe('App IO (IO_API_KEY, IO_API_URL)', () => {
  it('is off in production without a key, with no start-up problem; the development sink stands in elsewhere', () => {
    expect(ioApi({ NODE_ENV: 'production' })).toBeNull();
    expect(ioMessagesOn({ NODE_ENV: 'production' })).toBe(false);
    expect(ioMessagesOn({ NODE_ENV: 'production', DEMO_MODE: '1' })).toBe(true);
    expect(ioMessagesOn({ NODE_ENV: 'development' })).toBe(true);
    expect(startupProblems({ ...complete })).toEqual([]);
  });
  it('uses the public API base unless IO_API_URL says otherwise (without a trailing slash)', () => {
    expect(ioApi({ IO_API_KEY: ' k ' })).toEqual({ apiKey: 'k', baseUrl: 'https://api.io.pagopa.it/api/v1' });
    expect(ioApi({ IO_API_KEY: 'k', IO_API_URL: 'http://127.0.0.1:9999/api/v1/' })!.baseUrl).toBe(
      'http://127.0.0.1:9999/api/v1',
    );
    expect(ioMessagesOn({ NODE_ENV: 'production', IO_API_KEY: 'k' })).toBe(true);
  });
  it.each(['http://io.example.it/api/v1', 'https://io.example.it/api/v1?x=1', 'non un url'])(
    'refuses a production start with IO_API_URL=%s',
    (url) => {
      const problems = startupProblems({ ...complete, IO_API_KEY: 'k', IO_API_URL: url });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain('IO_API_URL');
    },
  );
});

describe('document storage (FILE_STORAGE)', () => {
  it.each([
    [{}, 'local'],
    [{ FILE_STORAGE: 'database' }, 'database'],
    [{ FILE_STORAGE: ' Database ' }, 'database'],
    [{ FILE_STORAGE: 'local', BLOB_READ_WRITE_TOKEN: 'vercel_blob_rw_x' }, 'local'],
    [{ BLOB_READ_WRITE_TOKEN: 'vercel_blob_rw_x' }, 'blob'],
    [{ FILE_STORAGE: '', BLOB_READ_WRITE_TOKEN: 'vercel_blob_rw_x' }, 'blob'],
    [{ FILE_STORAGE: 'blob', BLOB_READ_WRITE_TOKEN: 'vercel_blob_rw_x' }, 'blob'],
    [{ FILE_STORAGE: 's3' }, null],
    [{ FILE_STORAGE: 'db' }, null],
  ])('%j → %s', (env, expected) => {
    expect(fileStorageKind(env)).toBe(expected);
  });

  const prod = {
    NODE_ENV: 'production',
    AUTH_SECRET: 'x'.repeat(64),
    APP_URL: 'https://buoni.example.it',
    RESEND_API_KEY: 're_x',
  };
  it.each([
    ['database', { FILE_STORAGE: 'database' }],
    ['local, explicit (one process)', { FILE_STORAGE: 'local' }],
    ['blob, explicit, with its token', { FILE_STORAGE: 'blob', BLOB_READ_WRITE_TOKEN: 'vercel_blob_rw_x' }],
    ['blob, implied by its token (as before FILE_STORAGE existed)', { BLOB_READ_WRITE_TOKEN: 'vercel_blob_rw_x' }],
    ['local, implied, in a demo (one process on the embedded database)', { DEMO_MODE: '1' }],
  ])('accepts production with %s', (_case, env) => {
    expect(startupProblems({ ...prod, ...env })).toEqual([]);
  });
  it.each([
    ['local only implied (no FILE_STORAGE, no Blob token)', {}, /FILE_STORAGE non impostato.*FILE_STORAGE=database/],
    ['local only implied, DEMO_MODE=false', { DEMO_MODE: 'false' }, /FILE_STORAGE non impostato/],
    ['an unknown FILE_STORAGE', { FILE_STORAGE: 's3' }, /FILE_STORAGE=«s3» non è valido.*database, blob o local/],
    [
      'an unknown FILE_STORAGE, even in a demo',
      { FILE_STORAGE: 'postgres', DEMO_MODE: '1' },
      /FILE_STORAGE=«postgres» non è valido/,
    ],
    ['FILE_STORAGE=blob without its token', { FILE_STORAGE: 'blob' }, /FILE_STORAGE=blob.*BLOB_READ_WRITE_TOKEN/],
  ])('refuses production with %s, saying why and what to set', (_case, env, message) => {
    const problems = startupProblems({ ...prod, ...env });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });
  it('leaves development alone: local is the default under next dev and in tests', () => {
    expect(startupProblems({ NODE_ENV: 'development', FILE_STORAGE: 's3' })).toEqual([]);
    expect(startupProblems({ NODE_ENV: 'test' })).toEqual([]);
  });
});

describe('links and cookies', () => {
  it('builds links from the configuration, or the local port, never from the request', () => {
    expect(publicBaseUrl({ APP_URL: 'https://buoni.example.it/' })).toBe('https://buoni.example.it');
    expect(publicBaseUrl({ PORT: '4000' })).toBe('http://localhost:4000');
  });
  it('makes cookies Secure in production, except on a loopback http URL', () => {
    expect(secureCookies({ NODE_ENV: 'production', APP_URL: 'https://buoni.example.it' })).toBe(true);
    expect(secureCookies({ NODE_ENV: 'production', APP_URL: 'http://buoni.example.it' })).toBe(true);
    expect(secureCookies({ NODE_ENV: 'production', APP_URL: 'http://127.0.0.1:3000' })).toBe(false);
    expect(secureCookies({ NODE_ENV: 'development' })).toBe(false);
  });
});

describe('client address', () => {
  const h = (xff: string | null, peer: string | null) =>
    new Headers({ ...(xff ? { 'x-forwarded-for': xff } : {}), ...(peer ? { [PEER_HEADER]: peer } : {}) });
  it('ignores what the client writes when no proxy is trusted', () => {
    expect(clientIp(h('1.2.3.4', '::ffff:10.0.0.9'), 0)).toBe('10.0.0.9');
    expect(clientIp(h(null, '10.0.0.9'), 0)).toBe('10.0.0.9');
  });
  it('takes the right-most hop not written by a trusted proxy', () => {
    // client forged 6.6.6.6; real client 1.2.3.4 was appended by our proxy 10.0.0.1, which connected to us.
    expect(clientIp(h('6.6.6.6, 1.2.3.4', '10.0.0.1'), 1)).toBe('1.2.3.4');
    expect(clientIp(h('6.6.6.6, 1.2.3.4, 10.0.0.2', '10.0.0.1'), 2)).toBe('1.2.3.4');
    expect(clientIp(h(null, '10.0.0.1'), 3)).toBe('10.0.0.1');
  });
});
