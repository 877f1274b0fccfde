import { ROLE_LABELS, type Role } from '@/lib/auth/actor';

export const ACTIVATION_TTL_HOURS = 72;

/** A new staff account: the link sets the first password (single use, 72 hours: a new colleague may read it days later). */
export function staffActivationMessage(p: { givenName: string; familyName: string; role: Role; providerName: string | null; codiceFiscale: string; link: string }) {
  return {
    subject: 'Attiva il tuo accesso — Buoni di servizio',
    paragraphs: [
      `Gentile ${p.givenName} ${p.familyName},`,
      `la Struttura Multifunzionale Territoriale Ad Personam ha creato il tuo accesso ai Buoni di servizio come ${ROLE_LABELS[p.role]}${p.providerName ? ` (${p.providerName})` : ''}. Il nome utente è il tuo codice fiscale: ${p.codiceFiscale}.`,
      `Per attivarlo scegli una password con il collegamento qui sotto: vale una sola volta e scade tra ${ACTIVATION_TTL_HOURS} ore. Se scade, usa «Ho smarrito la password» nella pagina di accesso.`,
      'Al primo accesso ti chiederemo di attivare la verifica in due passaggi con un’app di autenticazione sul telefono.',
    ],
    link: { href: p.link, label: 'Scegli la password' },
  };
}
