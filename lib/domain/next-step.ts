import type { ConversionStatus } from './state-machines';

export type NextStepInput = {
  voucherStatus: string;
  conversionStatus: ConversionStatus | null;
  standardStatuses: readonly string[];
  newStatuses: readonly string[];
  residualCents: number;
  summerPesWithoutDocument: number;
  /** The office returned the conversion (richiesta di integrazione): it was signed once and must be signed again. */
  reopened?: boolean;
};

/** What the family should expect next, in the guide's words: shown under the voucher's timeline. */
export function nextStep(i: NextStepInput): string {
  if (i.voucherStatus !== 'assigned') return 'Il buono è concluso: non sono previste altre operazioni.';
  switch (i.conversionStatus) {
    case 'submitted':
      return 'La richiesta di convalida è stata inviata: la Struttura Multifunzionale Territoriale Ad Personam la esaminerà e riceverai una e-mail con l’esito.';
    case 'approved':
      return 'La modifica è stata convalidata: il servizio può essere attivato in accordo con il soggetto erogatore.';
    case 'rejected':
      return 'La modifica è stata respinta dalla Struttura Multifunzionale Territoriale Ad Personam: trovi il motivo nella cronologia.';
    case 'returned':
      return 'La Struttura Multifunzionale Territoriale Ad Personam ha chiesto un’integrazione: leggi il motivo, correggi i nuovi PES o i documenti indicati (un PES modificato va validato di nuovo dal soggetto erogatore), poi premi CONCLUDI E INVIA RICHIESTA DI CONVALIDA e firma di nuovo con un nuovo codice OTP. Il numero di protocollo resta lo stesso.';
    default:
      break;
  }
  const open = i.standardStatuses.filter((s) => s === 'active').length;
  const waitingClose = i.standardStatuses.filter((s) => s === 'close_requested').length;
  const waitingValidation = i.newStatuses.filter((s) => s === 'awaiting_validation').length;
  const rejected = i.newStatuses.filter((s) => s === 'rejected').length;
  const drafts = i.newStatuses.filter((s) => s === 'draft').length;
  if (rejected > 0)
    return 'Un soggetto erogatore ha rifiutato un nuovo PES: correggilo e chiedi di nuovo la validazione, oppure eliminalo.';
  if (drafts > 0) return 'Hai nuovi PES in bozza: premi RICHIEDI VALIDAZIONE AL SOGGETTO EROGATORE per inviarli.';
  if (waitingValidation > 0)
    return 'In attesa della validazione dei nuovi PES da parte dei soggetti erogatori: riceverai una e-mail.';
  if (i.newStatuses.length > 0 && i.newStatuses.every((s) => s === 'validated')) {
    if (i.summerPesWithoutDocument > 0)
      return 'Carica il PES concordato (file PDF) per ogni PES dei servizi estivi, poi concludi e invia la richiesta di convalida.';
    if (i.reopened)
      return 'Tutti i nuovi PES sono validati: premi CONCLUDI E INVIA RICHIESTA DI CONVALIDA e firma di nuovo con un nuovo codice OTP.';
    return 'Tutti i nuovi PES sono validati: premi CONCLUDI E INVIA RICHIESTA DI CONVALIDA e firma con il codice OTP.';
  }
  if (waitingClose > 0)
    return 'In attesa che i soggetti erogatori chiudano i PES richiesti: riceverai una e-mail per ogni PES chiuso.';
  if (i.residualCents > 0)
    return 'Puoi convertire l’importo utilizzabile in servizi di babysitting domiciliare o servizi estivi con i pulsanti AGGIUNGI PES.';
  if (open > 0) return 'Seleziona i PES da chiudere e premi INVIA RICHIESTA DI CHIUSURA.';
  return 'Non ci sono PES aperti né importi da convertire.';
}
