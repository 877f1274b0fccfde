import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Account } from 'oidc-provider';
import { demoIdentities, FISCAL_NUMBER_CLAIM, identityClaims, type GatewayIdentity } from './demo-identities';
import { loginPage, logoutPage, page, SPID_LEVELS } from './login-page';
import { tamperIdToken, type Misbehaviour } from './tamper-id-token';

export type OidcGateway = {
  issuer: string;
  /** client_secret_basic. */
  secretClient: { clientId: string; clientSecret: string };
  /** private_key_jwt: the private JWK is what the application's OIDC_CLIENT_PRIVATE_KEY holds. */
  keyClient: { clientId: string; privateJwk: string };
  /** From now on every ID token the gateway issues is wrong this way (null: behave). */
  misbehave: (how: Misbehaviour | null) => void;
  stop: () => Promise<void>;
};

type Options = {
  /** The application's base URLs: its callback and post-logout pages are registered for each. */
  appUrls: readonly string[];
  /** 0 (default): any free port. */
  port?: number;
};

function rsaJwk(kid: string): JsonWebKey & { kid: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } as JsonWebKey & { kid: string };
}

const publicPart = ({ d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub }: JsonWebKey) => pub;

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  let raw = '';
  for await (const chunk of req) {
    raw += String(chunk);
    if (raw.length > 10_000) break;
  }
  return new URLSearchParams(raw);
}

function html(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

/**
 * A local OpenID provider standing in for the Province's SPID/CIE gateway (panva's oidc-provider): the demo
 * people as accounts with SPID-style claims, the application registered as two clients (secret and
 * private_key_jwt), PKCE required, RP-initiated logout, and its own sign-in page. For development and tests
 * only: it verifies nobody.
 */
export async function startOidcGateway({ appUrls, port = 0 }: Options): Promise<OidcGateway> {
  if (process.env.NODE_ENV === 'production')
    throw new Error('Il gateway SPID/CIE di prova non si avvia in produzione.');
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => html(res, 503, '');
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const signingKey = rsaJwk('gateway-1');
  const clientKey = rsaJwk('buoni-servizio-1');
  const secretClient = { clientId: 'buoni-servizio', clientSecret: randomBytes(24).toString('hex') };
  const keyClientId = 'buoni-servizio-pkjwt';
  const registered = {
    redirect_uris: appUrls.map((u) => `${u}/api/auth/callback/oidc`),
    post_logout_redirect_uris: appUrls.map((u) => `${u}/login?uscita=1`),
    grant_types: ['authorization_code'],
    response_types: ['code'],
  };
  // Identities seen at sign-in, by subject: a typed-in fiscal code is an account only for this process.
  const accounts = new Map<string, GatewayIdentity>();
  let misbehaviour: Misbehaviour | null = null;

  const provider = new Provider(issuer, {
    clients: [
      { client_id: secretClient.clientId, client_secret: secretClient.clientSecret, ...registered },
      {
        client_id: keyClientId,
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'RS256',
        jwks: { keys: [publicPart(clientKey)] },
        ...registered,
      },
    ],
    findAccount: (_ctx: unknown, sub: string): Account | undefined => {
      const who = accounts.get(sub);
      return who ? { accountId: sub, claims: () => identityClaims(sub, who) } : undefined;
    },
    claims: {
      acr: null,
      amr: null,
      auth_time: null,
      sid: null,
      openid: ['sub'],
      // Gateways in front of SPID release the attributes the service is registered for; here, with `profile`.
      profile: ['given_name', 'family_name', FISCAL_NUMBER_CLAIM, 'email', 'phone_number'],
      email: ['email'],
      phone: ['phone_number'],
    },
    scopes: ['openid', 'profile', 'email', 'phone'],
    acrValues: SPID_LEVELS.map(([v]) => v),
    // The claims go in the ID token, where Auth.js reads them (not only at the userinfo endpoint).
    conformIdTokenClaims: false,
    extraParams: ['idp_hint', 'kc_idp_hint'],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: { body: unknown }, form: string) => {
          ctx.body = logoutPage(form);
        },
      },
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    renderError: (ctx: { type: string; body: unknown }, out: Record<string, string>) => {
      ctx.type = 'html';
      ctx.body = page('Errore del gateway', `<p>${String(out.error ?? 'errore').replace(/[<>&"]/g, '')}</p>`);
    },
  });
  provider.use(async (ctx, next) => {
    await next();
    if (!misbehaviour || ctx.path !== '/token' || ctx.method !== 'POST' || ctx.status !== 200) return;
    const body = ctx.body as { id_token?: unknown } | null;
    if (typeof body?.id_token === 'string')
      ctx.body = { ...body, id_token: tamperIdToken(body.id_token, misbehaviour, signingKey) };
  });
  const oidc = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, step: string | undefined): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    const hint = details.params.idp_hint ?? details.params.kc_idp_hint;
    if (req.method === 'GET' && !step)
      return html(res, 200, loginPage(details.uid, demoIdentities, typeof hint === 'string' ? hint : null));
    if (req.method !== 'POST') return html(res, 405, page('Metodo non consentito', ''));
    if (step === '/abort')
      return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'Accesso annullato' });
    const form = await formBody(req);
    const typed = (form.get('fiscal_code') ?? '').trim();
    const chosen = form.get('identity') ?? '';
    const known = demoIdentities.find((w) => w.fiscalCode === (typed || chosen));
    const who: GatewayIdentity = {
      ...(known ?? { givenName: 'Utente', familyName: 'Di prova', email: null, phoneNumber: null }),
      fiscalCode: form.get('no_fiscal_code') ? null : typed || chosen,
    };
    const acr = form.get('acr') ?? '';
    if (!SPID_LEVELS.some(([v]) => v === acr)) return html(res, 400, page('Livello non valido', ''));
    const accountId = createHash('sha256')
      .update(`${who.fiscalCode ?? ''}|${randomBytes(8).toString('hex')}`)
      .digest('hex')
      .slice(0, 32);
    accounts.set(accountId, who);
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope ?? 'openid'));
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId, acr, amr: ['pwd'] }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  handler = (req, res) => {
    const m = /^\/interaction\/([\w-]+)(\/login|\/abort)?$/.exec((req.url ?? '').split('?')[0] ?? '');
    if (!m) return oidc(req, res);
    interaction(req, res, m[2]).catch(() => {
      if (!res.headersSent) html(res, 400, page('Accesso scaduto', '<p>Ricomincia dall’applicazione.</p>'));
    });
  };

  return {
    issuer,
    secretClient,
    keyClient: { clientId: keyClientId, privateJwk: JSON.stringify(clientKey) },
    misbehave: (how) => {
      misbehaviour = how;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
