import { formatEuro } from '@/lib/domain/money';

/** To the family: the provider validated a new PES, or rejected it with a reason. */
export function pesValidationDecidedMessage(m: {
  givenName: string;
  familyName: string;
  voucherNumber: string;
  pes: { code: string; hours: number; amountCents: number };
  validated: boolean;
  reason: string | null;
  href?: string;
}) {
  return {
    subject: `PES ${m.pes.code} ${m.validated ? 'validato' : 'rifiutato'} dal soggetto erogatore`,
    paragraphs: [
      `Gentile ${m.givenName} ${m.familyName},`,
      m.validated
        ? `il soggetto erogatore ha provveduto alla validazione del PES ${m.pes.code} (${m.pes.hours} ore, ${formatEuro(m.pes.amountCents)}). Quando tutti i nuovi PES saranno validati potrai concludere la procedura di modifica di utilizzo del Buono di servizio ${m.voucherNumber}.`
        : `il soggetto erogatore ha rifiutato il PES ${m.pes.code} con questa motivazione: «${m.reason}». Puoi modificarlo e chiedere di nuovo la validazione, oppure eliminarlo: l’importo torna disponibile.`,
    ],
    ...(m.href ? { link: { href: m.href, label: 'Apri MODIFICA PES' } } : {}),
  };
}
