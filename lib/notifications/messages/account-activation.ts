import type { ActivationMessage } from '@/lib/services/account/send-activation';

/** Families get a week: after a bulk import they may read their mail days later. */
export const FAMILY_ACTIVATION_HOURS = 7 * 24;

/** Sent to a family whose voucher the office imported: the account exists, the password is theirs to choose. */
export const familyActivationMessage: ActivationMessage = (a, link) => ({
  subject: 'Attiva il tuo accesso — Buoni di servizio',
  paragraphs: [
    `Gentile ${a.givenName} ${a.familyName},`,
    'la Provincia autonoma di Trento ha registrato il tuo Buono di servizio. Per consultarlo e, se lo desideri, convertire la parte non utilizzata in servizi di babysitting o servizi estivi (emergenza COVID-19), attiva il tuo accesso scegliendo una password.',
    `Il tuo nome utente è il tuo codice fiscale: ${a.codiceFiscale}.`,
    `Il collegamento qui sotto vale una sola volta e scade tra ${link.validHours / 24} giorni. Se è scaduto, usa «Ho smarrito la password» nella pagina di accesso per riceverne uno nuovo.`,
  ],
  link: { href: link.href, label: 'Attiva l’accesso e scegli la password' },
});
