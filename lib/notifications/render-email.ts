function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A plain, accessible HTML e-mail: every value escaped, the link also spelled out for clients that strip buttons. */
export function renderEmailHtml(subject: string, paragraphs: string[], link: { href: string; label: string } | undefined, footer: string): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${esc(p)}</p>`).join('');
  const button = link
    ? `<p style="margin:24px 0"><a href="${esc(link.href)}" style="background:#0066cc;color:#fff;padding:12px 20px;text-decoration:none;border-radius:4px;font-weight:bold">${esc(link.label)}</a></p><p style="font-size:14px">Se il pulsante non funziona, copia questo indirizzo nel browser: ${esc(link.href)}</p>`
    : '';
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>${esc(subject)}</title></head><body style="font-family:'Titillium Web',Arial,sans-serif;color:#1a1a1a;max-width:600px;margin:0 auto;padding:24px"><p style="font-weight:bold;color:#004d99">Provincia autonoma di Trento — Buoni di servizio</p><h1 style="font-size:20px">${esc(subject)}</h1>${body}${button}<hr><p style="font-size:13px;color:#555">${esc(footer)}</p></body></html>`;
}
