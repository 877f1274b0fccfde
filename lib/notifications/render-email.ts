import { render } from '@react-email/components';
import { createElement } from 'react';
import { PlainEmail, type PlainEmailProps } from './templates/plain-email';

export const EMAIL_FOOTER =
  'Provincia autonoma di Trento — Buoni di servizio. Messaggio automatico: non rispondere a questo indirizzo.';

/** HTML through the react-email template; the plain-text part spells out the same content and the link. */
export async function renderEmail(m: Omit<PlainEmailProps, 'footer'>): Promise<{ html: string; text: string }> {
  const html = await render(createElement(PlainEmail, { ...m, footer: EMAIL_FOOTER }));
  const text = [
    ...m.paragraphs,
    ...(m.link ? [`${m.link.label}: ${m.link.href}`] : []),
    ...(m.attachmentNames?.length ? [`Allegati: ${m.attachmentNames.join(', ')}`] : []),
    '',
    EMAIL_FOOTER,
  ].join('\n\n');
  return { html, text };
}
