import { formatEuro } from '@/lib/domain/money';
import type { MailContent, ProviderMailInput } from './provider-pes-request';

/** To each provider, its own PES of a conversion the office approved (the service can start) or rejected (cancelled). */
export function providerPesDecidedMessage(outcome: 'approved' | 'rejected') {
  const approved = outcome === 'approved';
  return (m: ProviderMailInput): MailContent => {
    const h = m.holder;
    const one = m.pes.length === 1;
    return {
      subject: approved ? `PES convalidati — buono ${m.voucherNumber}` : `PES annullati — buono ${m.voucherNumber}`,
      paragraphs: [
        `Spettabile ${m.providerName},`,
        approved
          ? `la Struttura Multifunzionale Territoriale Ad Personam ha convalidato la modifica PES di ${h.givenName} ${h.familyName} (codice fiscale ${h.codiceFiscale}). ${one ? 'Il PES seguente può' : 'I PES seguenti possono'} essere attivat${one ? 'o' : 'i'}:`
          : `la Struttura Multifunzionale Territoriale Ad Personam ha respinto la modifica PES di ${h.givenName} ${h.familyName} (codice fiscale ${h.codiceFiscale}). ${one ? 'Il PES seguente è annullato' : 'I PES seguenti sono annullati'} e non va attivato:`,
        ...m.pes.map((p) => `• PES ${p.code} — ${p.childNames} — ${p.hours} ore — ${formatEuro(p.amountCents)}`),
        approved ? 'Concorda con la famiglia l’avvio del servizio.' : 'Non è richiesta alcuna azione.',
      ],
      ...(m.dashboardUrl ? { link: { href: m.dashboardUrl, label: 'Apri il cruscotto' } } : {}),
    };
  };
}
