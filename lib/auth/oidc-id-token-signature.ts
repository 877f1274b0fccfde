import 'server-only';
import { isAllowedIssuer } from '@/lib/config/runtime-config';

type Jwk = JsonWebKey & { kid?: string; use?: string };

const HASH = { '256': 'SHA-256', '384': 'SHA-384', '512': 'SHA-512' } as const;
const CURVE = { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' } as const;
const JWKS_TTL_MS = 5 * 60_000;

/** WebCrypto import and verify parameters for a JWS algorithm; null for anything else (none, HS*, unknown). */
function algorithm(alg: string): {
  kty: string;
  importParams: RsaHashedImportParams | EcKeyImportParams;
  verifyParams: AlgorithmIdentifier | RsaPssParams | EcdsaParams;
} | null {
  const m = /^(RS|PS|ES)(256|384|512)$/.exec(alg);
  if (!m) return null;
  const hash = HASH[m[2] as keyof typeof HASH];
  if (m[1] === 'RS')
    return {
      kty: 'RSA',
      importParams: { name: 'RSASSA-PKCS1-v1_5', hash },
      verifyParams: { name: 'RSASSA-PKCS1-v1_5' },
    };
  if (m[1] === 'PS')
    return {
      kty: 'RSA',
      importParams: { name: 'RSA-PSS', hash },
      verifyParams: { name: 'RSA-PSS', saltLength: Number(m[2]) / 8 },
    };
  const namedCurve = CURVE[alg as keyof typeof CURVE];
  return { kty: 'EC', importParams: { name: 'ECDSA', namedCurve }, verifyParams: { name: 'ECDSA', hash } };
}

const cache = new Map<string, { at: number; keys: Jwk[] }>();

async function fetchJson(url: string): Promise<unknown> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000), cache: 'no-store' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

/** The gateway's published signing keys (discovery → jwks_uri), kept a few minutes; `fresh` refetches (key rotation). */
async function gatewayKeys(issuer: string, fresh: boolean): Promise<Jwk[]> {
  const hit = cache.get(issuer);
  if (hit && !fresh && Date.now() - hit.at < JWKS_TTL_MS) return hit.keys;
  const discovery = (await fetchJson(`${issuer}/.well-known/openid-configuration`)) as { jwks_uri?: unknown };
  if (typeof discovery.jwks_uri !== 'string' || !isAllowedIssuer(new URL(discovery.jwks_uri).origin))
    throw new Error('jwks_uri missing or not https');
  const jwks = (await fetchJson(discovery.jwks_uri)) as { keys?: unknown };
  const keys = Array.isArray(jwks.keys) ? (jwks.keys as Jwk[]) : [];
  cache.set(issuer, { at: Date.now(), keys });
  return keys;
}

async function verifiesWith(
  keys: Jwk[],
  header: { alg: string; kid?: string },
  input: Uint8Array<ArrayBuffer>,
  signature: Uint8Array<ArrayBuffer>,
) {
  const a = algorithm(header.alg)!;
  const candidates = keys.filter(
    (k) => k.kty === a.kty && (k.use === undefined || k.use === 'sig') && (!header.kid || k.kid === header.kid),
  );
  for (const jwk of candidates) {
    try {
      const { kid: _kid, use: _use, alg: _alg, key_ops: _ops, ...material } = jwk;
      const key = await crypto.subtle.importKey('jwk', material, a.importParams, false, ['verify']);
      if (await crypto.subtle.verify(a.verifyParams, key, signature, input)) return true;
    } catch {
      /* a key of another shape: try the next */
    }
  }
  return false;
}

/**
 * Whether the ID token is signed by one of the gateway's published keys. Auth.js (oauth4webapi) checks the
 * algorithm, issuer, audience, expiry and nonce, but — as OpenID Connect allows for a token fetched straight from
 * the token endpoint over TLS — not the signature; the application checks it too, so that a token the gateway did
 * not sign (a compromised proxy, a misconfigured gateway, plain http on loopback) never signs anyone in.
 */
export async function idTokenSignedByGateway(issuer: string, idToken: string): Promise<boolean> {
  const parts = idToken.split('.');
  if (parts.length !== 3 || !parts[2]) return false;
  let header: { alg?: unknown; kid?: unknown };
  try {
    header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString()) as typeof header;
  } catch {
    return false;
  }
  if (typeof header.alg !== 'string' || !algorithm(header.alg)) return false;
  const h = { alg: header.alg, ...(typeof header.kid === 'string' ? { kid: header.kid } : {}) };
  const input = new TextEncoder().encode(`${parts[0]}.${parts[1]}`);
  const signature = Uint8Array.from(Buffer.from(parts[2], 'base64url'));
  try {
    if (await verifiesWith(await gatewayKeys(issuer, false), h, input, signature)) return true;
    // The gateway may have rotated its keys since they were fetched.
    return await verifiesWith(await gatewayKeys(issuer, true), h, input, signature);
  } catch {
    return false;
  }
}
