import { formatEuro } from '@/lib/domain/money';
import { PES_KIND_PHRASES } from '@/lib/domain/labels';
import type { PesKind } from '@/lib/domain/pes-kinds';

export type ProviderPesLine = {
  code: string;
  kind: PesKind;
  band: string | null;
  hours: number;
  amountCents: number;
  childNames: string;
};
export type ProviderMailInput = {
  providerName: string;
  holder: { givenName: string; familyName: string; codiceFiscale: string };
  voucherNumber: string;
  pes: ProviderPesLine[];
  dashboardUrl?: string;
};
export type MailContent = { subject: string; paragraphs: string[]; link?: { href: string; label: string } };

const link = (url?: string) => (url ? { link: { href: url, label: 'Apri il cruscotto' } } : {});

/** Guide §3.1 INVIA RICHIESTA DI CHIUSURA: one e-mail per provider, listing its PES. */
export function closeRequestMessage(m: ProviderMailInput): MailContent {
  const h = m.holder;
  return {
    subject: `Richiesta di chiusura PES — buono ${m.voucherNumber}`,
    paragraphs: [
      `Spettabile ${m.providerName},`,
      `${h.givenName} ${h.familyName} (codice fiscale ${h.codiceFiscale}), titolare del Buono di servizio ${m.voucherNumber}, chiede la chiusura dei seguenti PES per convertire il residuo in servizi emergenza COVID-19:`,
      ...m.pes.map(
        (p) =>
          `• PES ${p.code} — ${p.childNames} — fascia ${p.band ?? '-'} — ${p.hours} ore — ${formatEuro(p.amountCents)}`,
      ),
      'Accedi al cruscotto del soggetto erogatore per indicare l’importo e le ore effettivamente utilizzati e chiudere i PES.',
    ],
    ...link(m.dashboardUrl),
  };
}

/** Guide §3.2/§3.3 RICHIEDI VALIDAZIONE AL SOGGETTO EROGATORE: one e-mail per provider, listing its new PES. */
export function validationRequestMessage(m: ProviderMailInput): MailContent {
  const h = m.holder;
  const kinds = [
    ...new Set(m.pes.map((p) => (p.kind === 'standard' ? null : PES_KIND_PHRASES[p.kind])).filter(Boolean)),
  ];
  const withDocument = m.pes.some((p) => p.kind === 'summer_covid');
  return {
    subject: `Richiesta di validazione di un nuovo PES — buono ${m.voucherNumber}`,
    paragraphs: [
      `Spettabile ${m.providerName},`,
      `${h.givenName} ${h.familyName} (codice fiscale ${h.codiceFiscale}) ha inoltrato una richiesta di validazione di nuovi PES sui ${kinds.join(' e ')}:`,
      ...m.pes.map(
        (p) =>
          `• PES ${p.code} — ${p.childNames}${p.band ? ` — fascia ${p.band}` : ''} — ${p.hours} ore — ${formatEuro(p.amountCents)}`,
      ),
      withDocument
        ? 'Accedi al cruscotto del soggetto erogatore per scaricare il PES concordato (PDF) caricato dalla famiglia e validare o rifiutare i PES.'
        : 'Accedi al cruscotto del soggetto erogatore per validare o rifiutare i PES.',
    ],
    ...link(m.dashboardUrl),
  };
}
