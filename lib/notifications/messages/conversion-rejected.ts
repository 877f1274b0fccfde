import { decisionReference, type DecisionMailTo } from './conversion-approved';

/** Respingi: the reason, and that the new PES no longer hold the money. */
export function conversionRejectedMessage(m: DecisionMailTo & { reason: string }) {
  return {
    subject: `Modifica PES respinta — buono ${m.voucherNumber}`,
    paragraphs: [
      `Gentile ${m.givenName} ${m.familyName},`,
      `la Struttura Multifunzionale Territoriale Ad Personam ha respinto ${decisionReference(m)} con questa motivazione: «${m.reason}».`,
      'I nuovi PES richiesti sono annullati e non possono essere attivati. Per chiarimenti rivolgiti alla Struttura Multifunzionale Territoriale Ad Personam.',
    ],
    ...(m.href ? { link: { href: m.href, label: 'Apri il buono' } } : {}),
  };
}
