import { actionFormFields, postActionForm } from './action-form';

/** Cookies per origin, as a browser keeps them (paths and expiry ignored: each flow is short and fresh). */
export class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  header(url: string): string {
    const jar = this.byOrigin.get(new URL(url).origin);
    return jar ? [...jar].map(([k, v]) => `${k}=${v}`).join('; ') : '';
  }

  store(url: string, res: Response): void {
    const origin = new URL(url).origin;
    const jar = this.byOrigin.get(origin) ?? new Map<string, string>();
    this.byOrigin.set(origin, jar);
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /expires=thu, 01 jan 1970/i.test(a));
      if (!value || expired) jar.delete(name);
      else jar.set(name, value);
    }
  }

  get(url: string, name: string): string | undefined {
    return this.byOrigin.get(new URL(url).origin)?.get(name);
  }

  set(url: string, name: string, value: string): void {
    const origin = new URL(url).origin;
    const jar = this.byOrigin.get(origin) ?? new Map<string, string>();
    this.byOrigin.set(origin, jar);
    jar.set(name, value);
  }

  copy(): CookieJar {
    const c = new CookieJar();
    for (const [o, jar] of this.byOrigin) c.byOrigin.set(o, new Map(jar));
    return c;
  }
}

/** One request without following redirects; cookies stored; the absolute redirect target, if any. */
export async function hop(
  jar: CookieJar,
  url: string,
  init: { method?: string; body?: URLSearchParams } = {},
): Promise<{ res: Response; location: string | null }> {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    redirect: 'manual',
    headers: {
      cookie: jar.header(url),
      ...(init.body ? { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(url).origin } : {}),
    },
    ...(init.body ? { body: init.body.toString() } : {}),
  });
  jar.store(url, res);
  const loc = res.headers.get('location');
  return { res, location: loc ? new URL(loc, url).toString() : null };
}

/** Follows redirects by hand until one leaves `untilOrigin`'s side or lands on a page; returns the last URL. */
export async function follow(jar: CookieJar, url: string, stop: (u: URL) => boolean, max = 10): Promise<string> {
  let current = url;
  for (let i = 0; i < max; i++) {
    if (stop(new URL(current))) return current;
    const { location } = await hop(jar, current);
    if (!location) return current;
    current = location;
  }
  throw new Error(`too many redirects from ${url}`);
}

/** «Entra con SPID» (or CIE) on the login page, as a browser without JavaScript: the gateway's authorisation URL. */
export async function pressSpid(jar: CookieJar, appUrl: string, idp: 'spid' | 'cie' = 'spid'): Promise<string> {
  const loginUrl = `${appUrl}/login`;
  const { res } = await hop(jar, loginUrl);
  const label = idp === 'spid' ? 'Entra con SPID' : 'Entra con CIE';
  const fields = actionFormFields(await res.text(), label);
  const posted = await postActionForm(loginUrl, fields, { cookie: jar.header(loginUrl) });
  jar.store(loginUrl, posted);
  const location = posted.headers.get('location');
  if (!location) throw new Error(`«${label}» did not redirect (status ${posted.status})`);
  return new URL(location, loginUrl).toString();
}

export type GatewayLogin = { identity?: string; fiscalCode?: string; noFiscalCode?: boolean; acr?: string };

/**
 * At the gateway: follows the authorisation request to its sign-in page, signs in as told, and returns the URL the
 * gateway sends the browser back to (the application's callback, with code and state).
 */
export async function gatewaySignIn(jar: CookieJar, authorizationUrl: string, who: GatewayLogin): Promise<string> {
  const gateway = new URL(authorizationUrl).origin;
  const page = await follow(
    jar,
    authorizationUrl,
    (u) => u.origin !== gateway || u.pathname.startsWith('/interaction/'),
  );
  if (!page.startsWith(`${gateway}/interaction/`)) throw new Error(`the gateway did not ask to sign in: ${page}`);
  const body = new URLSearchParams({
    identity: who.identity ?? '',
    fiscal_code: who.fiscalCode ?? '',
    acr: who.acr ?? 'https://www.spid.gov.it/SpidL2',
    ...(who.noFiscalCode ? { no_fiscal_code: '1' } : {}),
  });
  const { location } = await hop(jar, `${page}/login`, { method: 'POST', body });
  if (!location) throw new Error('the gateway did not accept the sign-in');
  return follow(jar, location, (u) => u.origin !== gateway);
}
