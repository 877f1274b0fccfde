import type { GatewayIdentity } from './demo-identities';

export const SPID_LEVELS = [
  ['https://www.spid.gov.it/SpidL1', 'SPID livello 1 (solo password)'],
  ['https://www.spid.gov.it/SpidL2', 'SPID livello 2 (password e codice temporaneo)'],
  ['https://www.spid.gov.it/SpidL3', 'SPID livello 3 (dispositivo fisico)'],
] as const;

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;background:#f5f5f5;color:#1a1a1a}
main{max-width:32rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid #ccc}
label{display:block;font-weight:600;margin-top:1rem}select,input{font:inherit;width:100%;padding:.5rem;margin-top:.25rem;box-sizing:border-box}
input[type=checkbox]{width:auto}.check{font-weight:400}button{font:inherit;margin-top:1.5rem;padding:.75rem 1.25rem;border:0;background:#0066cc;color:#fff;font-weight:600;cursor:pointer}
button.secondary{background:#fff;color:#0066cc;border:2px solid #0066cc;margin-left:.5rem}
:focus-visible{outline:3px solid #004d99;outline-offset:2px}p.note{color:#404040}`;

/** A page of the local gateway, in Italian like the application it stands in front of. */
export function page(title: string, body: string): string {
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)} — Gateway SPID/CIE di prova</title><style>${STYLE}</style></head><body><main><h1>${esc(title)}</h1>${body}</main></body></html>`;
}

/**
 * The identity provider's sign-in, simulated: choose who you are and the SPID level. Development and tests only;
 * a real gateway asks SPID or CIE.
 */
export function loginPage(uid: string, who: readonly GatewayIdentity[], hint: string | null): string {
  const options = who
    .map(
      (w) =>
        `<option value="${esc(w.fiscalCode ?? '')}">${esc(`${w.givenName} ${w.familyName} — ${w.fiscalCode}`)}</option>`,
    )
    .join('');
  const levels = SPID_LEVELS.map(
    ([v, label]) => `<option value="${esc(v)}"${v.endsWith('L2') ? ' selected' : ''}>${esc(label)}</option>`,
  ).join('');
  return page(
    'Accedi con la tua identità digitale',
    `<p class="note">Gateway di prova: nessuna identità reale è verificata.${hint ? ` Identità richiesta: ${esc(hint.toUpperCase())}.` : ''}</p>
<form method="post" action="/interaction/${esc(uid)}/login">
<label for="identity">Persona</label><select id="identity" name="identity">${options}</select>
<label for="fiscal_code">Oppure un altro codice fiscale</label><input id="fiscal_code" name="fiscal_code" autocomplete="off" maxlength="64">
<label class="check"><input type="checkbox" name="no_fiscal_code" value="1"> Non comunicare il codice fiscale</label>
<label for="acr">Livello di sicurezza</label><select id="acr" name="acr">${levels}</select>
<button type="submit">Entra</button>
</form>
<form method="post" action="/interaction/${esc(uid)}/abort"><button type="submit" class="secondary">Annulla</button></form>`,
  );
}

/** RP-initiated logout: oidc-provider supplies the form (its hidden secret), this page asks to confirm. */
export function logoutPage(form: string): string {
  return page(
    'Uscita dal servizio',
    `${form}<p>Vuoi uscire anche dall’identità digitale?</p><button type="submit" form="op.logoutForm" name="logout" value="yes">Esci</button>`,
  );
}
