import { formatEuro } from '@/lib/domain/money';

/** To the family: the provider closed a PES, and what it freed can now be converted. */
export function pesClosedMessage(m: {
  givenName: string;
  familyName: string;
  voucherNumber: string;
  pes: { code: string; amountCents: number; hours: number };
  usedCents: number;
  hoursUsed: number;
  href?: string;
}) {
  return {
    subject: `PES ${m.pes.code} chiuso — buono ${m.voucherNumber}`,
    paragraphs: [
      `Gentile ${m.givenName} ${m.familyName},`,
      `il soggetto erogatore ha chiuso il PES ${m.pes.code}: importo utilizzato ${formatEuro(m.usedCents)} su ${formatEuro(m.pes.amountCents)}, ore utilizzate ${m.hoursUsed} su ${m.pes.hours}.`,
      `Si liberano ${formatEuro(m.pes.amountCents - m.usedCents)}, che trovi come importo utilizzabile nella pagina MODIFICA PES del buono e puoi convertire in servizi di babysitting domiciliare o servizi estivi.`,
    ],
    ...(m.href ? { link: { href: m.href, label: 'Apri MODIFICA PES' } } : {}),
  };
}
