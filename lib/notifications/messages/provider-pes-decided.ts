import { formatEuro } from '@/lib/domain/money';

type Holder = { givenName: string; familyName: string; codiceFiscale: string };
type Line = { code: string; hours: number; amountCents: number };

/** To each provider, its own PES of a conversion the office approved (the service can start) or rejected (cancelled). */
export function providerPesDecidedMessage(outcome: 'approved' | 'rejected', voucherNumber: string) {
  const approved = outcome === 'approved';
  return {
    subject: approved ? `PES convalidati — buono ${voucherNumber}` : `PES annullati — buono ${voucherNumber}`,
    intro: (h: Holder, mine: Line[]) =>
      approved
        ? `la Struttura Multifunzionale Territoriale Ad Personam ha convalidato la modifica PES di ${h.givenName} ${h.familyName} (codice fiscale ${h.codiceFiscale}). ${mine.length === 1 ? 'Il PES seguente può' : 'I PES seguenti possono'} essere attivat${mine.length === 1 ? 'o' : 'i'}:`
        : `la Struttura Multifunzionale Territoriale Ad Personam ha respinto la modifica PES di ${h.givenName} ${h.familyName} (codice fiscale ${h.codiceFiscale}). ${mine.length === 1 ? 'Il PES seguente è annullato' : 'I PES seguenti sono annullati'} e non va attivato:`,
    line: (p: Line, childNames: string) => `• PES ${p.code} — ${childNames} — ${p.hours} ore — ${formatEuro(p.amountCents)}`,
    outro: approved ? 'Concorda con la famiglia l’avvio del servizio.' : 'Non è richiesta alcuna azione.',
  };
}
