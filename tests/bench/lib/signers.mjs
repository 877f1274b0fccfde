// P4: OTP confirmation → submitted, over HTTP, as the signing page's form posts it without JavaScript.
import { hasActionReference, hiddenFormFields } from '../../support/action-form.mjs';
import { stats } from './measure.mjs';

/**
 * The confirmation form of /famiglia/buoni/[id]/invio as rendered (React's progressive-enhancement
 * fields: the action reference, its bound state, the voucher id): what a browser without JavaScript posts.
 */
export function confirmFormFields(html) {
  const fields = hiddenFormFields(html, 'name="code"');
  if (!fields) throw new Error('no OTP code field on the signing page (is a code live for this conversion?)');
  if (!hasActionReference(fields)) throw new Error('the confirmation form carries no server-action reference');
  return fields;
}

/**
 * Every signer confirms once with the known code, `connections` at a time; the latency of each POST
 * (sent to the page, as the browser would, up to the redirect to the receipt) is kept. The signing
 * pages are read first, untimed.
 */
export async function confirmAll(baseUrl, signers, code, connections) {
  const forms = [];
  for (const s of signers) {
    const url = `${baseUrl}/famiglia/buoni/${s.voucherId}/invio`;
    const res = await fetch(url, { headers: { cookie: s.cookie }, redirect: 'manual' });
    if (res.status !== 200) throw new Error(`GET ${url} as ${s.codiceFiscale} → ${res.status}`);
    forms.push({ url, cookie: s.cookie, fields: confirmFormFields(await res.text()) });
  }
  const latencies = [];
  const failures = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (let i = next++; i < forms.length; i = next++) {
        const f = forms[i];
        const body = new FormData();
        for (const [n, v] of f.fields) body.append(n, v);
        body.append('code', code);
        const t0 = performance.now();
        // A browser's form post carries its Origin (Next checks it against the host for server actions).
        const res = await fetch(f.url, {
          method: 'POST',
          body,
          headers: { cookie: f.cookie, origin: baseUrl },
          redirect: 'manual',
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        // Submitted: the action redirects to the receipt (a refusal re-renders the form with its message).
        const to = res.headers.get('location') ?? '';
        if (res.status !== 303 || !to.endsWith('/ricevuta')) failures.push(`${f.url} → ${res.status} ${to}`);
      }
    }),
  );
  return { ...stats(latencies, (performance.now() - started) / 1000), failures };
}
