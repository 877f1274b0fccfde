import type { EmailMessage } from '../enqueue';

/** Sent to a family whose voucher the office imported: the account exists, the password is theirs to choose. */
export function accountActivationMessage(p: { to: string; givenName: string; familyName: string; codiceFiscale: string; link: string; validDays: number }): EmailMessage {
  return {
    to: p.to,
    subject: 'Attiva il tuo accesso — Buoni di servizio',
    paragraphs: [
      `Gentile ${p.givenName} ${p.familyName},`,
      'la Provincia autonoma di Trento ha registrato il tuo Buono di servizio. Per consultarlo e, se lo desideri, convertire la parte non utilizzata in servizi di babysitting o servizi estivi (emergenza COVID-19), attiva il tuo accesso scegliendo una password.',
      `Il tuo nome utente è il tuo codice fiscale: ${p.codiceFiscale}.`,
      `Il collegamento qui sotto vale una sola volta e scade tra ${p.validDays} giorni. Se è scaduto, usa «Ho smarrito la password» nella pagina di accesso per riceverne uno nuovo.`,
    ],
    link: { href: p.link, label: 'Attiva l’accesso e scegli la password' },
  };
}
