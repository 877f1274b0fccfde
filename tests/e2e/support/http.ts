/** Signs in through Auth.js's callback endpoint, as a script would; returns the redirect and the cookies set. */
export async function postSignIn(
  base: string,
  codiceFiscale: string,
  password: string,
  headers: Record<string, string> = {},
) {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...headers },
    body: new URLSearchParams({ csrfToken, codiceFiscale, password }).toString(),
  });
  return { location: res.headers.get('location') ?? '', setCookies: res.headers.getSetCookie() };
}

/** The session cookie of a successful sign-in, ready for a `cookie` request header; throws when sign-in failed. */
export async function sessionCookie(base: string, codiceFiscale: string, password: string): Promise<string> {
  const { location, setCookies } = await postSignIn(base, codiceFiscale, password);
  const session = setCookies.map((c) => c.split(';')[0]!).find((c) => /^(__Secure-)?authjs\.session-token=/.test(c));
  if (!session) throw new Error(`sign-in of ${codiceFiscale} failed: ${location}`);
  return session;
}

/**
 * What a person reads of an HTML answer: its <title> and the text of <main>, scripts and tags removed,
 * entities decoded, white space collapsed. Per-request bits (nonces, the RSC payload) are left out.
 */
export function visibleText(html: string): string {
  const title = /<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? '';
  const main = /<main\b[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '';
  const text = `${title} | ${main}`
    .replace(/<script\b[\s\S]*?<\/script>/g, ' ')
    .replace(/<style\b[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
  return text.replace(/\s+/g, ' ').trim();
}
