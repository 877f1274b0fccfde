import { formatDateIt } from '@/lib/domain/dates';
import { decisionReference, type DecisionMailTo } from './conversion-approved';

/** Richiedi integrazione: what to correct, and that the same protocol number is kept when signing again. */
export function conversionReturnedMessage(m: DecisionMailTo & { reason: string; answerBy?: Date }) {
  return {
    subject: `Richiesta di integrazione — buono ${m.voucherNumber}`,
    paragraphs: [
      `Gentile ${m.givenName} ${m.familyName},`,
      `la Struttura Multifunzionale Territoriale Ad Personam chiede un’integrazione per ${decisionReference(m)}: «${m.reason}».`,
      ...(m.answerBy
        ? [
            `Rispondi entro il ${formatDateIt(m.answerBy)}. Fino alla tua risposta il termine dell’ufficio per decidere è sospeso; riprende quando invii di nuovo la richiesta.`,
          ]
        : []),
      'Apri MODIFICA PES, correggi i nuovi PES o i documenti indicati (un PES modificato va validato di nuovo dal soggetto erogatore), poi premi CONCLUDI E INVIA RICHIESTA DI CONVALIDA e firma di nuovo con un nuovo codice OTP. Il numero di protocollo resta lo stesso.',
    ],
    ...(m.href ? { link: { href: m.href, label: 'Apri MODIFICA PES' } } : {}),
  };
}
