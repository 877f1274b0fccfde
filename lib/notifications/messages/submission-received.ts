import { formatDateTimeIt } from '@/lib/domain/dates';
import { formatEuro } from '@/lib/domain/money';

type Submission = {
  holderName: string;
  holderCodiceFiscale: string;
  voucherNumber: string;
  protocolNumber: string;
  submittedAt: Date;
  newPesCount: number;
  committedCents: number;
  dossierSha256: string;
  resubmission: boolean;
};

/** To the family: the receipt of what was signed, with the PDF attached. */
export function submissionReceiptForFamily(s: Submission, link?: string) {
  return {
    subject: `Ricevuta della richiesta di convalida — protocollo ${s.protocolNumber}`,
    paragraphs: [
      `Gentile ${s.holderName},`,
      `la richiesta di convalida della modifica PES del buono ${s.voucherNumber} è stata ${s.resubmission ? 'inviata di nuovo' : 'inviata'} all’ufficio il ${formatDateTimeIt(s.submittedAt)} con il protocollo ${s.protocolNumber}.`,
      `Nuovi PES inviati: ${s.newPesCount}, per un totale di ${formatEuro(s.committedCents)} a carico del buono.`,
      `Impronta SHA-256 dei dati firmati: ${s.dossierSha256}.`,
      'In allegato la ricevuta in PDF. La Struttura Multifunzionale Territoriale Ad Personam esaminerà la richiesta e riceverai una e-mail con l’esito. Da ora la modifica PES non può più essere cambiata.',
    ],
    ...(link ? { link: { href: link, label: 'Apri la ricevuta' } } : {}),
  };
}

/** To the office: a new conversion waits in the queue. */
export function submissionNoticeForOffice(s: Submission, link?: string) {
  return {
    subject: `Nuova richiesta di convalida ${s.protocolNumber} — buono ${s.voucherNumber}`,
    paragraphs: [
      `${s.holderName} (codice fiscale ${s.holderCodiceFiscale}) ha ${s.resubmission ? 'inviato di nuovo, dopo la richiesta di integrazione,' : 'inviato'} la richiesta di convalida della modifica PES del buono ${s.voucherNumber}, firmata con codice OTP il ${formatDateTimeIt(s.submittedAt)}.`,
      `Protocollo ${s.protocolNumber}. Nuovi PES: ${s.newPesCount}, totale ${formatEuro(s.committedCents)}.`,
      'Accedi all’area dell’ufficio per esaminarla.',
    ],
    ...(link ? { link: { href: link, label: 'Apri l’area dell’ufficio' } } : {}),
  };
}
