import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idTokenSignedByGateway } from '@/lib/auth/oidc-id-token-signature';

/**
 * Auth.js does not verify the signature of an ID token fetched from the token endpoint (OpenID Connect allows
 * relying on TLS there); the application does, against the keys the gateway publishes.
 */
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
let server: Server;
let issuer: string;

beforeAll(async () => {
  const keys = [
    { ...rsa.publicKey.export({ format: 'jwk' }), kid: 'rsa-1', use: 'sig' },
    { ...ec.publicKey.export({ format: 'jwk' }), kid: 'ec-1' },
  ];
  server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/.well-known/openid-configuration') res.end(JSON.stringify({ jwks_uri: `${issuer}/jwks` }));
    else if (req.url === '/jwks') res.end(JSON.stringify({ keys }));
    else res.writeHead(404).end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const payload = { iss: 'x', sub: 's', aud: 'buoni', exp: 9_999_999_999 };

function jws(header: Record<string, unknown>, key: KeyObject | null, body: unknown = payload): string {
  const input = `${b64(header)}.${b64(body)}`;
  if (!key) return `${input}.`;
  const ecdsa = header.alg === 'ES256';
  const sig = sign('sha256', Buffer.from(input), ecdsa ? { key, dsaEncoding: 'ieee-p1363' } : key);
  return `${input}.${sig.toString('base64url')}`;
}

describe('the ID token is signed by the gateway', () => {
  it.each([
    ['RS256 with the published key', () => jws({ alg: 'RS256', kid: 'rsa-1' }, rsa.privateKey), true],
    ['ES256 with the published key', () => jws({ alg: 'ES256', kid: 'ec-1' }, ec.privateKey), true],
    ['RS256 without kid', () => jws({ alg: 'RS256' }, rsa.privateKey), true],
    [
      'signed with another key under the same kid',
      () => jws({ alg: 'RS256', kid: 'rsa-1' }, stranger.privateKey),
      false,
    ],
    ['alg none', () => jws({ alg: 'none' }, null), false],
    ['HS256', () => jws({ alg: 'HS256', kid: 'rsa-1' }, rsa.privateKey), false],
    [
      'payload changed after signing',
      () => {
        const [h, , s] = jws({ alg: 'RS256', kid: 'rsa-1' }, rsa.privateKey).split('.');
        return `${h}.${b64({ ...payload, sub: 'altro' })}.${s}`;
      },
      false,
    ],
    ['not a JWT', () => 'abc', false],
  ])('%s → %s', async (_name, token, expected) => {
    expect(await idTokenSignedByGateway(issuer, token())).toBe(expected);
  });

  it('a gateway that cannot be reached verifies nothing', async () => {
    expect(await idTokenSignedByGateway('http://127.0.0.1:9', jws({ alg: 'RS256' }, rsa.privateKey))).toBe(false);
  });
});
