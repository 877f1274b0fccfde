import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { FISCAL_NUMBER_CLAIM } from './demo-identities';

/**
 * Ways the local gateway can misbehave, for the tests of the relying party's refusals. The first six must be
 * refused by Auth.js itself (oauth4webapi); the others by the application's own sign-in rules.
 */
export const MISBEHAVIOURS = [
  'other-key',
  'alg-none',
  'wrong-audience',
  'wrong-issuer',
  'expired',
  'wrong-nonce',
  'low-acr',
  'no-fiscal-code',
  'malformed-fiscal-code',
  'unknown-fiscal-code',
] as const;
export type Misbehaviour = (typeof MISBEHAVIOURS)[number];

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

function decode(jwt: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [h, p] = jwt.split('.');
  return {
    header: JSON.parse(Buffer.from(h ?? '', 'base64url').toString()) as Record<string, unknown>,
    payload: JSON.parse(Buffer.from(p ?? '', 'base64url').toString()) as Record<string, unknown>,
  };
}

function signRs256(header: Record<string, unknown>, payload: Record<string, unknown>, key: KeyObject): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

/** A key the relying party has never seen, published under the gateway's own `kid`. */
const strangerKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

/**
 * The gateway's ID token, rewritten as `how` says and signed again with the gateway's own key (so that only the
 * one thing wrong is wrong), or with a stranger's key, or not at all.
 */
export function tamperIdToken(idToken: string, how: Misbehaviour, gatewayKey: JsonWebKey): string {
  const { header, payload } = decode(idToken);
  const now = Math.floor(Date.now() / 1000);
  const key = createPrivateKey({ key: gatewayKey as import('node:crypto').JsonWebKey, format: 'jwk' });
  switch (how) {
    case 'other-key':
      return signRs256(header, payload, strangerKey);
    case 'alg-none':
      return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`;
    case 'wrong-audience':
      return signRs256(header, { ...payload, aud: 'un-altro-servizio' }, key);
    case 'wrong-issuer':
      return signRs256(header, { ...payload, iss: 'https://gateway.non-autorizzato.example' }, key);
    case 'expired':
      return signRs256(header, { ...payload, iat: now - 7200, exp: now - 3600 }, key);
    case 'wrong-nonce':
      return signRs256(header, { ...payload, nonce: 'un-nonce-di-un-altro-accesso' }, key);
    case 'low-acr':
      return signRs256(header, { ...payload, acr: 'https://www.spid.gov.it/SpidL1' }, key);
    case 'no-fiscal-code': {
      const { [FISCAL_NUMBER_CLAIM]: _cf, ...rest } = payload;
      return signRs256(header, rest, key);
    }
    case 'malformed-fiscal-code':
      return signRs256(header, { ...payload, [FISCAL_NUMBER_CLAIM]: 'TINIT-NONUNCODICE' }, key);
    case 'unknown-fiscal-code':
      // Valid check character, but no family has it.
      return signRs256(header, { ...payload, [FISCAL_NUMBER_CLAIM]: 'TINIT-BNCMRA80A01L378Y' }, key);
  }
}
