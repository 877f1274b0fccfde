import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endSessionUrl } from '@/lib/auth/oidc-end-session';
import type { OidcSettings } from '@/lib/config/runtime-config';

let server: Server;
let issuer: string;
let endpoint: unknown = null;
beforeAll(async () => {
  server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ issuer, ...(endpoint ? { end_session_endpoint: endpoint } : {}) }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const settings = (): OidcSettings => ({
  issuer,
  clientId: 'buoni',
  clientSecret: 's',
  privateKey: null,
  acrValues: 'https://www.spid.gov.it/SpidL2',
  fiscalCodeClaim: null,
  idpHintParam: null,
  scope: 'openid profile',
});

describe('sign-out at the gateway', () => {
  it('sends the browser to end_session_endpoint with id_token_hint and the way back to /login', async () => {
    endpoint = `${issuer}/session/end`;
    const url = new URL((await endSessionUrl(settings(), 'the.id.token', 'http://127.0.0.1:3000/login?uscita=1'))!);
    expect(url.origin + url.pathname).toBe(`${issuer}/session/end`);
    expect(url.searchParams.get('id_token_hint')).toBe('the.id.token');
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe('http://127.0.0.1:3000/login?uscita=1');
  });
  it('no end_session_endpoint, a plain-http one off loopback, or no gateway: local sign-out only', async () => {
    endpoint = null;
    expect(await endSessionUrl(settings(), 't', 'http://x/login')).toBeNull();
    endpoint = 'http://evil.example.com/logout';
    expect(await endSessionUrl(settings(), 't', 'http://x/login')).toBeNull();
    expect(await endSessionUrl({ ...settings(), issuer: 'http://127.0.0.1:9' }, 't', 'http://x/login')).toBeNull();
  });
});
