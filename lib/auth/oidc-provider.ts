import 'server-only';
import type { OIDCConfig } from 'next-auth/providers';
import type { OidcSettings } from '@/lib/config/runtime-config';

export const OIDC_PROVIDER_ID = 'oidc';

type PrivateJwk = JsonWebKey & { kid?: string; alg?: string };

/** WebCrypto parameters for the JWK's key type (SPID/CIE profiles use RS256 or ES256). */
function algorithmOf(jwk: PrivateJwk): RsaHashedImportParams | EcKeyImportParams {
  if (jwk.kty === 'EC') return { name: 'ECDSA', namedCurve: jwk.crv ?? 'P-256' };
  return {
    name: 'RSASSA-PKCS1-v1_5',
    hash: jwk.alg === 'RS512' ? 'SHA-512' : jwk.alg === 'RS384' ? 'SHA-384' : 'SHA-256',
  };
}

let cachedKey: { source: string; key: Promise<{ key: CryptoKey; kid?: string }> } | null = null;

/** The private_key_jwt signing key, imported once per process (oauth4webapi wants a CryptoKey). */
function clientKey(source: string): Promise<{ key: CryptoKey; kid?: string }> {
  if (cachedKey?.source !== source) {
    const jwk = JSON.parse(source) as PrivateJwk;
    const { kid, alg: _alg, key_ops: _ops, use: _use, ...material } = jwk;
    cachedKey = {
      source,
      key: crypto.subtle
        .importKey('jwk', material, algorithmOf(jwk), false, ['sign'])
        .then((key) => ({ key, ...(kid ? { kid } : {}) })),
    };
  }
  return cachedKey.key;
}

/**
 * The Province's identity gateway as an Auth.js OpenID Connect provider (callback /api/auth/callback/oidc):
 * authorization code with PKCE, state and nonce; the ID token's algorithm, issuer, audience, expiry and nonce are
 * checked by Auth.js (oauth4webapi) before any callback here sees its claims, its signature by the sign-in callback
 * (lib/auth/oidc-id-token-signature.ts: oauth4webapi trusts the token endpoint's TLS instead).
 */
export async function oidcProvider(s: OidcSettings): Promise<OIDCConfig<Record<string, unknown>>> {
  const privateKey = s.privateKey ? await clientKey(s.privateKey) : null;
  return {
    id: OIDC_PROVIDER_ID,
    name: 'SPID o CIE',
    type: 'oidc',
    issuer: s.issuer,
    clientId: s.clientId,
    ...(s.clientSecret ? { clientSecret: s.clientSecret } : {}),
    client: { token_endpoint_auth_method: privateKey ? 'private_key_jwt' : 'client_secret_basic' },
    // Auth.js reads the signing key from token.clientPrivateKey (lib/actions/callback/oauth/callback.js); the
    // endpoint itself still comes from discovery.
    ...(privateKey ? { token: { clientPrivateKey: privateKey } as unknown as OIDCConfig<unknown>['token'] } : {}),
    checks: ['pkce', 'state', 'nonce'],
    authorization: { params: { scope: s.scope, acr_values: s.acrValues } },
    // Never an account from the identity provider: the sign-in callback replaces this with the family's own.
    profile: (claims) => ({ id: typeof claims.sub === 'string' ? claims.sub : undefined }),
  };
}
