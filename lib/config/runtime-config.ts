/**
 * What the environment says about how the app runs. Read through these functions only, so the
 * rules below hold everywhere (and `DEMO_MODE=false` never means "demo").
 */
type Env = Record<string, string | undefined>;

/** DEMO_MODE=1 or true (any case); anything else, `false` and `0` included, is off. */
export function demoMode(env: Env = process.env): boolean {
  return /^(1|true)$/i.test((env.DEMO_MODE ?? '').trim());
}

export function isDevelopment(env: Env = process.env): boolean {
  return env.NODE_ENV === 'development';
}

/** The public URL (APP_URL, else AUTH_URL) without a trailing slash, or null when neither is set. */
export function configuredBaseUrl(env: Env = process.env): string | null {
  const url = (env.APP_URL || env.AUTH_URL || '').trim();
  if (!url) return null;
  return new URL(url).origin;
}

/**
 * Base URL for links in e-mails. Never taken from request headers (a forged X-Forwarded-Host would
 * e-mail a victim a link to another site): the configured URL, or in development the local port.
 */
export function publicBaseUrl(env: Env = process.env): string {
  return configuredBaseUrl(env) ?? `http://localhost:${env.PORT || '3000'}`;
}

function isLoopbackHttp(url: string | null): boolean {
  if (!url) return false;
  const u = new URL(url);
  return u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
}

/**
 * Session cookies are Secure in production whatever the request's scheme says (a proxy may drop
 * X-Forwarded-Proto), except for a production build served on a loopback http URL (tests, benchmark).
 */
export function secureCookies(env: Env = process.env): boolean {
  return env.NODE_ENV === 'production' && !isLoopbackHttp(configuredBaseUrl(env));
}

/** Reverse proxies in front of the app that append to X-Forwarded-For (0: clients connect directly). */
export function trustedProxies(env: Env = process.env): number {
  const n = Number((env.TRUSTED_PROXIES ?? '0').trim() || '0');
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}

export type FileStorageKind = 'database' | 'blob' | 'local';

/**
 * Where uploaded documents are kept: FILE_STORAGE (any case), else Vercel Blob when its token is set (the
 * behaviour before FILE_STORAGE existed), else a local folder. Null when FILE_STORAGE names no known store.
 */
export function fileStorageKind(env: Env = process.env): FileStorageKind | null {
  const value = (env.FILE_STORAGE ?? '').trim().toLowerCase();
  if (!value) return env.BLOB_READ_WRITE_TOKEN ? 'blob' : 'local';
  return value === 'database' || value === 'blob' || value === 'local' ? value : null;
}

/**
 * A local folder is seen by one process only: a second instance would answer 404 for the documents the first
 * one stored. So production keeps documents locally only when told so (or in a demo, which runs on the
 * embedded database and so is a single process anyway).
 */
function fileStorageProblem(env: Env): string | null {
  const kind = fileStorageKind(env);
  const explicit = (env.FILE_STORAGE ?? '').trim() !== '';
  if (kind === null)
    return `FILE_STORAGE=«${(env.FILE_STORAGE ?? '').trim()}» non è valido: usa database, blob o local (dove conservare i documenti caricati).`;
  if (kind === 'blob' && !env.BLOB_READ_WRITE_TOKEN)
    return 'FILE_STORAGE=blob richiede BLOB_READ_WRITE_TOKEN (il token del Vercel Blob store dove conservare i documenti).';
  if (kind === 'local' && !explicit && !demoMode(env)) {
    return 'FILE_STORAGE non impostato: senza BLOB_READ_WRITE_TOKEN i documenti caricati finirebbero in una cartella locale, che le altre istanze non vedono. Imposta FILE_STORAGE=database (documenti nel database), FILE_STORAGE=blob con BLOB_READ_WRITE_TOKEN, oppure FILE_STORAGE=local se l’applicazione gira in un solo processo.';
  }
  return null;
}

/** Why a production start must be refused; empty when the configuration is complete. */
export function startupProblems(env: Env = process.env): string[] {
  if (env.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  if (!env.AUTH_SECRET)
    problems.push(
      'AUTH_SECRET non impostato: serve a cifrare le sessioni (genera 32 byte casuali, es. `openssl rand -hex 32`).',
    );
  try {
    if (!configuredBaseUrl(env))
      problems.push(
        'APP_URL (o AUTH_URL) non impostato: è l’indirizzo pubblico usato nei collegamenti inviati per e-mail.',
      );
  } catch {
    problems.push('APP_URL/AUTH_URL non è un URL valido (es. https://buoni.example.it).');
  }
  if (!demoMode(env) && !env.RESEND_API_KEY) {
    problems.push(
      'RESEND_API_KEY non impostato: senza un servizio di invio le e-mail (collegamenti per la password) non partirebbero.',
    );
  }
  const tp = (env.TRUSTED_PROXIES ?? '').trim();
  if (tp && !/^\d+$/.test(tp))
    problems.push('TRUSTED_PROXIES deve essere un numero intero (i proxy davanti all’applicazione; 0 se nessuno).');
  const storage = fileStorageProblem(env);
  if (storage) problems.push(storage);
  problems.push(...oidcProblems(env));
  const io = (env.IO_API_URL ?? '').trim();
  if (io && !isAllowedIssuer(io))
    problems.push(
      'IO_API_URL deve essere un indirizzo https:// (http:// solo su 127.0.0.1 o localhost), senza parametri: è l’API dei messaggi di App IO.',
    );
  return problems;
}

export const DEFAULT_IO_API_URL = 'https://api.io.pagopa.it/api/v1';

/**
 * App IO's API (IO_API_KEY, the service's subscription key; IO_API_URL, else the public base), or null when
 * the key is unset: then IO is simply off in production, and the development sink stands in for it elsewhere.
 */
export function ioApi(env: Env = process.env): { apiKey: string; baseUrl: string } | null {
  const apiKey = (env.IO_API_KEY ?? '').trim();
  if (!apiKey) return null;
  return { apiKey, baseUrl: ((env.IO_API_URL ?? '').trim() || DEFAULT_IO_API_URL).replace(/\/+$/, '') };
}

/** Where the development sink may stand in for a provider: /dev/outbox shows what it "sent". */
export function devSinkAllowed(env: Env = process.env): boolean {
  return isDevelopment(env) || demoMode(env) || env.NODE_ENV === 'test';
}

/** Whether family messages also go to App IO: with a key, or to the development sink where it is allowed. */
export function ioMessagesOn(env: Env = process.env): boolean {
  return ioApi(env) !== null || devSinkAllowed(env);
}

/**
 * The identity gateway's issuer must be https:, except on a loopback address (the tests and the local gateway),
 * in production builds too: a loopback issuer can only be reached from the machine itself.
 */
export function isAllowedIssuer(issuer: string): boolean {
  let u: URL;
  try {
    u = new URL(issuer);
  } catch {
    return false;
  }
  if (u.search || u.hash || u.username || u.password) return false;
  if (u.protocol === 'https:') return true;
  return u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
}

/** `OIDC_ISSUER=dev`: `npm run dev` starts the local test gateway (scripts/dev.ts); never valid in production. */
export const DEV_GATEWAY_ISSUER = 'dev';

export const DEFAULT_ACR_VALUES = 'https://www.spid.gov.it/SpidL2';

export type OidcSettings = {
  /** Without a trailing slash: discovery is `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  /** client_secret_basic when set; otherwise privateKey (private_key_jwt). */
  clientSecret: string | null;
  /** A private JWK (JSON), as the SPID/CIE OpenID profiles require. */
  privateKey: string | null;
  acrValues: string;
  fiscalCodeClaim: string | null;
  /** The authorisation request parameter that names the identity provider (e.g. `idp_hint`, `kc_idp_hint`). */
  idpHintParam: string | null;
  /** `openid profile` plus OIDC_SCOPES (e.g. `email phone`, or the scope a gateway releases the fiscal code with). */
  scope: string;
};

// RFC 6749 scope-token characters; a handful is plenty (a long list is a mistake, not a need).
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]{1,64}$/;
const MAX_EXTRA_SCOPES = 10;

/** OIDC_SCOPES split on white space, or null when a token is not a valid scope. */
function extraScopes(env: Env): string[] | null {
  const tokens = (env.OIDC_SCOPES ?? '').trim().split(/\s+/).filter(Boolean);
  if (tokens.length > MAX_EXTRA_SCOPES || !tokens.every((t) => SCOPE_TOKEN.test(t))) return null;
  return tokens;
}

function oidcProblems(env: Env): string[] {
  const issuer = (env.OIDC_ISSUER ?? '').trim();
  if (!issuer) return [];
  const problems: string[] = [];
  if (issuer === DEV_GATEWAY_ISSUER)
    problems.push(
      'OIDC_ISSUER=dev avvia il gateway SPID/CIE di prova solo con `npm run dev`: in produzione non parte mai. Indica l’indirizzo https:// del gateway reale, oppure togli OIDC_ISSUER.',
    );
  else if (!isAllowedIssuer(issuer))
    problems.push(
      'OIDC_ISSUER deve essere un indirizzo https:// (http:// solo su 127.0.0.1 o localhost), senza parametri: è il gateway SPID/CIE.',
    );
  if (!(env.OIDC_CLIENT_ID ?? '').trim())
    problems.push(
      'OIDC_CLIENT_ID non impostato: è l’identificativo con cui il gateway SPID/CIE conosce l’applicazione.',
    );
  const secret = (env.OIDC_CLIENT_SECRET ?? '').trim();
  const key = (env.OIDC_CLIENT_PRIVATE_KEY ?? '').trim();
  if (!secret && !key)
    problems.push(
      'Imposta OIDC_CLIENT_SECRET oppure OIDC_CLIENT_PRIVATE_KEY (chiave privata JWK) per il gateway SPID/CIE.',
    );
  if (key) {
    try {
      const jwk = JSON.parse(key) as { d?: unknown; kty?: unknown };
      if (typeof jwk.d !== 'string' || (jwk.kty !== 'RSA' && jwk.kty !== 'EC')) throw new Error('not a private key');
    } catch {
      problems.push('OIDC_CLIENT_PRIVATE_KEY deve essere una chiave privata JWK (JSON, RSA o EC) per private_key_jwt.');
    }
  }
  const pw = (env.FAMILY_PASSWORD_SIGNIN ?? '').trim().toLowerCase();
  if (pw && pw !== 'on' && pw !== 'off') problems.push('FAMILY_PASSWORD_SIGNIN deve essere on oppure off.');
  if (!extraScopes(env))
    problems.push(
      `OIDC_SCOPES deve elencare al massimo ${MAX_EXTRA_SCOPES} scope separati da spazi (es. «email phone»), senza virgolette né barre rovesciate.`,
    );
  return problems;
}

/** The relying party's settings, or null when OIDC_ISSUER is unset or the settings are unusable (no SPID/CIE button). */
export function oidcSettings(env: Env = process.env): OidcSettings | null {
  const issuer = (env.OIDC_ISSUER ?? '').trim().replace(/\/+$/, '');
  if (!issuer || oidcProblems(env).length) return null;
  return {
    issuer,
    clientId: env.OIDC_CLIENT_ID!.trim(),
    clientSecret: (env.OIDC_CLIENT_SECRET ?? '').trim() || null,
    privateKey: (env.OIDC_CLIENT_SECRET ?? '').trim() ? null : (env.OIDC_CLIENT_PRIVATE_KEY ?? '').trim(),
    acrValues: (env.OIDC_ACR_VALUES ?? '').trim() || DEFAULT_ACR_VALUES,
    fiscalCodeClaim: (env.OIDC_FISCAL_CODE_CLAIM ?? '').trim() || null,
    idpHintParam: (env.OIDC_IDP_HINT_PARAM ?? '').trim() || null,
    scope: [...new Set(['openid', 'profile', ...(extraScopes(env) ?? [])])].join(' '),
  };
}

/**
 * Whether families may still sign in with the password the application issued. Public administrations may no
 * longer issue their own credentials to citizens (SPID/CIE since 2021): off by default in production once a
 * gateway is configured; FAMILY_PASSWORD_SIGNIN=on|off overrides.
 */
export function familyPasswordSignIn(env: Env = process.env): boolean {
  const value = (env.FAMILY_PASSWORD_SIGNIN ?? '').trim().toLowerCase();
  if (value === 'on') return true;
  if (value === 'off') return false;
  return !(env.NODE_ENV === 'production' && (env.OIDC_ISSUER ?? '').trim() !== '');
}
