// Shared by the benchmark (plain Node) and the e2e tests (TypeScript, through action-form.d.mts).

const decode = (s) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/**
 * The hidden fields of the rendered form that contains `marker` (React's progressive-enhancement fields:
 * the action reference, its bound state, and the form's own hidden inputs): what a browser without
 * JavaScript posts, before the fields a person fills in. Null when no form contains `marker`.
 */
export function hiddenFormFields(html, marker) {
  const at = html.indexOf(marker);
  if (at < 0) return null;
  const start = html.lastIndexOf('<form', at);
  const end = html.indexOf('</form>', at);
  if (start < 0 || end < 0) return null;
  const fields = [];
  for (const m of html.slice(start, end).matchAll(/<input\b([^>]*)>/g)) {
    const attrs = m[1];
    if (!/type="hidden"/.test(attrs)) continue;
    const name = /name="([^"]*)"/.exec(attrs)?.[1];
    if (!name) continue;
    fields.push([decode(name), decode(/value="([^"]*)"/.exec(attrs)?.[1] ?? '')]);
  }
  return fields;
}

/** Whether the fields carry a server-action reference ($ACTION_ID_… or $ACTION_REF_…). */
export function hasActionReference(fields) {
  return fields.some(([n]) => n.startsWith('$ACTION'));
}
