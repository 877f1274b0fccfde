import { formatEuro } from '@/lib/domain/money';

export type DecisionMailTo = {
  givenName: string;
  familyName: string;
  voucherNumber: string;
  protocolNumber: string | null;
  href?: string;
};
type ApprovedPes = { code: string; providerName: string; hours: number; amountCents: number };

const ref = (m: DecisionMailTo) =>
  `la modifica PES del Buono di servizio ${m.voucherNumber}${m.protocolNumber ? ` (protocollo ${m.protocolNumber})` : ''}`;

/** Convalida: the family may start the services with the providers. */
export function conversionApprovedMessage(m: DecisionMailTo & { pes: ApprovedPes[] }) {
  return {
    subject: `Modifica PES convalidata — buono ${m.voucherNumber}`,
    paragraphs: [
      `Gentile ${m.givenName} ${m.familyName},`,
      `la Struttura Multifunzionale Territoriale Ad Personam ha convalidato ${ref(m)}.`,
      'I servizi possono ora essere attivati in accordo con i soggetti erogatori:',
      ...m.pes.map((p) => `• PES ${p.code} — ${p.providerName} — ${p.hours} ore — ${formatEuro(p.amountCents)}`),
    ],
    ...(m.href ? { link: { href: m.href, label: 'Apri il buono' } } : {}),
  };
}

export { ref as decisionReference };
