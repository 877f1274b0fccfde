import { ROLE_LABELS, type Role } from '@/lib/auth/actor';
import type { ActivationMessage } from '@/lib/services/account/send-activation';

/** 72 hours: a new colleague may read it days later, and staff accounts open more than a family's. */
export const STAFF_ACTIVATION_HOURS = 72;

/** A staff account created by the office (or the first office clerk, from the command line). */
export function staffActivationMessage(p: {
  role: Role;
  providerName: string | null;
  createdBy: 'office' | 'cli';
}): ActivationMessage {
  return (a, link) => ({
    subject: 'Attiva il tuo accesso — Buoni di servizio',
    paragraphs: [
      `Gentile ${a.givenName} ${a.familyName},`,
      `${p.createdBy === 'office' ? 'la Struttura Multifunzionale Territoriale Ad Personam ha creato' : 'è stato creato'} il tuo accesso ai Buoni di servizio come ${ROLE_LABELS[p.role]}${p.providerName ? ` (${p.providerName})` : ''}. Il nome utente è il tuo codice fiscale: ${a.codiceFiscale}.`,
      `Per attivarlo scegli una password con il collegamento qui sotto: vale una sola volta e scade tra ${link.validHours} ore. Se scade, usa «Ho smarrito la password» nella pagina di accesso.`,
      ...(p.role === 'family'
        ? []
        : [
            'Al primo accesso ti chiederemo di attivare la verifica in due passaggi con un’app di autenticazione sul telefono.',
          ]),
    ],
    link: { href: link.href, label: 'Scegli la password' },
  });
}
