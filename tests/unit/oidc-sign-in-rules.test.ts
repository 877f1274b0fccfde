import { describe, expect, it } from 'vitest';
import { familyPasswordSignIn, isAllowedIssuer, oidcSettings, startupProblems } from '@/lib/config/runtime-config';
import { acrMeetsLevel } from '@/lib/domain/oidc-acr';
import { fiscalCodeFromClaims } from '@/lib/domain/oidc-fiscal-code';

const ANNA = 'RSSNNA85M41L378F';
const SPID_CLAIM = 'https://attributes.eid.gov.it/fiscal_number';

describe('the fiscal code asserted by the identity provider', () => {
  it.each([
    ['SPID claim with TINIT- prefix', { [SPID_CLAIM]: `TINIT-${ANNA}` }, undefined, { ok: true, codiceFiscale: ANNA }],
    [
      'lower case, spaces around',
      { [SPID_CLAIM]: ` tinit-${ANNA.toLowerCase()} ` },
      undefined,
      { ok: true, codiceFiscale: ANNA },
    ],
    ['fiscal_number without prefix', { fiscal_number: ANNA }, undefined, { ok: true, codiceFiscale: ANNA }],
    ['fiscalNumber', { fiscalNumber: `TINIT-${ANNA}` }, undefined, { ok: true, codiceFiscale: ANNA }],
    [
      'the first default claim wins',
      { [SPID_CLAIM]: `TINIT-${ANNA}`, fiscal_number: 'XXX' },
      undefined,
      { ok: true, codiceFiscale: ANNA },
    ],
    ['configured claim', { cf: ANNA, fiscal_number: 'XXX' }, 'cf', { ok: true, codiceFiscale: ANNA }],
    ['configured claim absent: defaults not used', { fiscal_number: ANNA }, 'cf', { ok: false, reason: 'missing' }],
    ['no claim', { sub: 'x' }, undefined, { ok: false, reason: 'missing' }],
    ['empty claim', { [SPID_CLAIM]: '' }, undefined, { ok: false, reason: 'missing' }],
    [
      'wrong check character',
      { [SPID_CLAIM]: 'TINIT-RSSNNA85M41L378A' },
      undefined,
      { ok: false, reason: 'malformed' },
    ],
    ['another country prefix', { [SPID_CLAIM]: `TINFR-${ANNA}` }, undefined, { ok: false, reason: 'malformed' }],
    ['not a string', { [SPID_CLAIM]: 12345 }, undefined, { ok: false, reason: 'malformed' }],
    ['an array', { [SPID_CLAIM]: [ANNA] }, undefined, { ok: false, reason: 'malformed' }],
    ['too long', { [SPID_CLAIM]: `TINIT-${ANNA}`.repeat(10) }, undefined, { ok: false, reason: 'malformed' }],
  ])('%s', (_name, claims, claimName, expected) => {
    expect(fiscalCodeFromClaims(claims, claimName)).toEqual(expected);
  });
});

describe('the authentication level (acr)', () => {
  const L1 = 'https://www.spid.gov.it/SpidL1';
  const L2 = 'https://www.spid.gov.it/SpidL2';
  const L3 = 'https://www.spid.gov.it/SpidL3';
  it.each([
    [L2, L2, true],
    [L3, L2, true],
    [L1, L2, false],
    [undefined, L2, false],
    ['', L2, false],
    [42, L2, false],
    ['urn:other:loa', L2, false],
    [L2, L3, false],
    [L3, `${L3} ${L2}`, true],
    [L2, `${L3} ${L2}`, true],
    [L1, `${L3} ${L2}`, false],
    ['urn:custom', 'urn:custom', true],
  ])('acr %s against %s → %s', (acr, asked, expected) => {
    expect(acrMeetsLevel(acr, asked)).toBe(expected);
  });
});

describe('the issuer', () => {
  it.each([
    ['https://gateway.provincia.tn.it/oidc', true],
    ['http://127.0.0.1:4010', true],
    ['http://localhost:4010/realms/x', true],
    ['http://[::1]:4010', true],
    ['http://gateway.provincia.tn.it', false],
    ['http://127.0.0.2.example.com', false],
    ['https://gateway.example.it/?x=1', false],
    ['https://user:pw@gateway.example.it', false],
    ['ftp://gateway.example.it', false],
    ['not a url', false],
  ])('%s → %s', (issuer, expected) => {
    expect(isAllowedIssuer(issuer)).toBe(expected);
  });
});

const productionEnv = {
  NODE_ENV: 'production',
  AUTH_SECRET: 'x'.repeat(64),
  APP_URL: 'https://buoni.example.it',
  RESEND_API_KEY: 're_x',
  FILE_STORAGE: 'database',
};

describe('OIDC settings from the environment', () => {
  const base = { OIDC_ISSUER: 'https://gw.example.it/', OIDC_CLIENT_ID: 'buoni', OIDC_CLIENT_SECRET: 's' };
  it('unset issuer: no relying party', () => {
    expect(oidcSettings({})).toBeNull();
  });
  it('defaults: SpidL2, default claims, no hint', () => {
    expect(oidcSettings(base)).toEqual({
      issuer: 'https://gw.example.it',
      clientId: 'buoni',
      clientSecret: 's',
      privateKey: null,
      acrValues: 'https://www.spid.gov.it/SpidL2',
      fiscalCodeClaim: null,
      idpHintParam: null,
      scope: 'openid profile',
    });
  });
  it.each([
    ['email phone', 'openid profile email phone'],
    ['  email   profile openid ', 'openid profile email'],
    ['https://attributes.eid.gov.it/fiscal_number', 'openid profile https://attributes.eid.gov.it/fiscal_number'],
  ])('OIDC_SCOPES «%s» is appended to openid profile', (extra, scope) => {
    expect(oidcSettings({ ...base, OIDC_SCOPES: extra })?.scope).toBe(scope);
  });
  it.each(['email "phone"', 'a\\b', Array.from({ length: 11 }, (_, i) => `s${i}`).join(' '), 'x'.repeat(65)])(
    'OIDC_SCOPES «%s» is refused, with a reason at a production start',
    (extra) => {
      expect(oidcSettings({ ...base, OIDC_SCOPES: extra })).toBeNull();
      expect(startupProblems({ ...productionEnv, ...base, OIDC_SCOPES: extra }).join(' ')).toContain('OIDC_SCOPES');
    },
  );
  it('OIDC_ISSUER=dev (the local gateway of npm run dev) never passes the production checks', () => {
    const problems = startupProblems({ ...productionEnv, ...base, OIDC_ISSUER: 'dev' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('npm run dev');
    expect(oidcSettings({ ...base, OIDC_ISSUER: 'dev' })).toBeNull();
  });
  it('a plain-http issuer off loopback is refused, in production and out', () => {
    expect(oidcSettings({ ...base, OIDC_ISSUER: 'http://gw.example.it' })).toBeNull();
    const production = {
      NODE_ENV: 'production',
      AUTH_SECRET: 'x'.repeat(64),
      APP_URL: 'https://buoni.example.it',
      RESEND_API_KEY: 're_x',
      FILE_STORAGE: 'database',
    };
    expect(startupProblems({ ...production, ...base })).toEqual([]);
    expect(startupProblems({ ...production, ...base, OIDC_ISSUER: 'http://gw.example.it' })[0]).toContain(
      'OIDC_ISSUER',
    );
    expect(startupProblems({ ...production, ...base, OIDC_CLIENT_SECRET: undefined })[0]).toContain(
      'OIDC_CLIENT_PRIVATE_KEY',
    );
    expect(
      startupProblems({
        ...production,
        ...base,
        OIDC_CLIENT_SECRET: undefined,
        OIDC_CLIENT_PRIVATE_KEY: '{"kty":"RSA"}',
      })[0],
    ).toContain('JWK');
  });
});

describe('FAMILY_PASSWORD_SIGNIN', () => {
  it.each([
    [{}, true],
    [{ NODE_ENV: 'production' }, true],
    [{ NODE_ENV: 'production', OIDC_ISSUER: 'https://gw.example.it' }, false],
    [{ NODE_ENV: 'production', OIDC_ISSUER: 'https://gw.example.it', FAMILY_PASSWORD_SIGNIN: 'on' }, true],
    [{ NODE_ENV: 'development', FAMILY_PASSWORD_SIGNIN: 'OFF' }, false],
    [{ NODE_ENV: 'development', OIDC_ISSUER: 'http://127.0.0.1:4010' }, true],
  ])('%o → %s', (env, expected) => {
    expect(familyPasswordSignIn(env)).toBe(expected);
  });
});
