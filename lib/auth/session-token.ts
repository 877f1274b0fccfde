import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  randomUUID,
  timingSafeEqual,
} from 'node:crypto';

/**
 * Auth.js's session cookie format (a JWE, `dir` + A256CBC-HS512, RFC 7516/7518 §5.2.2), read and
 * written with node:crypto's synchronous primitives and a key derived once per process.
 * Auth.js's own decode()/encode() go through async WebCrypto and derive the key (HKDF) on every
 * call; on this app's hot path (every request) that cost more than the pages. Interoperability
 * both ways is tested against Auth.js itself (tests/unit/session-token.test.ts).
 */
export type SessionClaims = {
  uid?: string;
  role?: string;
  pid?: string | null;
  sv?: number;
  authTime?: number;
  name?: string | null;
  /** Set at sign-in for staff who must still enrol their second factor. */
  mfa?: 'enrol';
  /** This sign-in's random id (lib/auth/session-id.ts). */
  sid?: string;
  sub?: string;
  /** SPID/CIE only: the gateway's ID token, for its end_session_endpoint (id_token_hint). */
  idt?: string;
  iat?: number;
  exp?: number;
  jti?: string;
  [k: string]: unknown;
};

type Key = { mac: Buffer; enc: Buffer; kid: string };
const CLOCK_TOLERANCE_S = 15;
const keys = new Map<string, Key>();

/** Same derivation as @auth/core/jwt getDerivedEncryptionKey (salt = cookie name), cached. */
function keyFor(secret: string, salt: string): Key {
  const id = `${salt}\u0000${secret}`;
  let k = keys.get(id);
  if (!k) {
    const raw = Buffer.from(hkdfSync('sha256', secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64));
    // RFC 7638 thumbprint of the oct JWK, as Auth.js puts in the `kid` header.
    const kid = createHash('sha512')
      .update(`{"k":"${raw.toString('base64url')}","kty":"oct"}`)
      .digest('base64url');
    k = { mac: raw.subarray(0, 32), enc: raw.subarray(32), kid };
    keys.set(id, k);
  }
  return k;
}

function tagOf(key: Key, aad: Buffer, iv: Buffer, ciphertext: Buffer): Buffer {
  const al = Buffer.alloc(8);
  al.writeBigUInt64BE(BigInt(aad.length * 8));
  return createHmac('sha512', key.mac).update(aad).update(iv).update(ciphertext).update(al).digest().subarray(0, 32);
}

/** The claims of a valid, unexpired token; null for anything else (tampered, other key, expired, malformed). */
export function decodeSessionToken(
  token: string,
  secret: string,
  salt: string,
  nowS = Math.floor(Date.now() / 1000),
): SessionClaims | null {
  const parts = token.split('.');
  if (parts.length !== 5 || parts[1] !== '') return null;
  const [h, , ivB, ctB, tagB] = parts as [string, string, string, string, string];
  try {
    const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as {
      alg?: string;
      enc?: string;
      kid?: string;
      zip?: string;
    };
    if (header.alg !== 'dir' || header.enc !== 'A256CBC-HS512' || header.zip) return null;
    const key = keyFor(secret, salt);
    if (header.kid !== undefined && header.kid !== key.kid) return null;
    const iv = Buffer.from(ivB, 'base64url');
    const ciphertext = Buffer.from(ctB, 'base64url');
    const tag = Buffer.from(tagB, 'base64url');
    if (iv.length !== 16 || tag.length !== 32) return null;
    if (!timingSafeEqual(tag, tagOf(key, Buffer.from(h, 'ascii'), iv, ciphertext))) return null;
    const decipher = createDecipheriv('aes-256-cbc', key.enc, iv);
    const plain = Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    const claims = JSON.parse(plain) as SessionClaims;
    if (typeof claims !== 'object' || claims === null) return null;
    if (typeof claims.exp !== 'number' || claims.exp + CLOCK_TOLERANCE_S <= nowS) return null;
    return claims;
  } catch {
    return null;
  }
}

/** A token Auth.js decodes: new iat, exp = now + maxAge, new jti. */
export function encodeSessionToken(
  claims: SessionClaims,
  secret: string,
  salt: string,
  maxAgeS: number,
  nowS = Math.floor(Date.now() / 1000),
): string {
  const key = keyFor(secret, salt);
  const header = Buffer.from(JSON.stringify({ alg: 'dir', enc: 'A256CBC-HS512', kid: key.kid })).toString('base64url');
  const payload = { ...claims, iat: nowS, exp: nowS + maxAgeS, jti: randomUUID() };
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', key.enc, iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
  const tag = tagOf(key, Buffer.from(header, 'ascii'), iv, ciphertext);
  return `${header}..${iv.toString('base64url')}.${ciphertext.toString('base64url')}.${tag.toString('base64url')}`;
}
