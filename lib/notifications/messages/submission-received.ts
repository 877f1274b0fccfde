import { formatDateTime, formatDateTimeIt } from '@/lib/domain/dates';
import type { Locale } from '@/lib/domain/locale';
import { formatEuro, formatMoney } from '@/lib/domain/money';
import { plainText, translatorFor } from '@/lib/i18n/translator';

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

/** To the family, in its language: the receipt of what was signed, with the PDF attached. */
export function submissionReceiptForFamily(s: Submission, link?: string, locale: Locale = 'it') {
  const t = translatorFor(locale, 'Emails');
  return {
    subject: t('receiptSubject', { protocol: s.protocolNumber }),
    paragraphs: [
      t('greeting', { name: s.holderName }),
      t('receiptSent', {
        voucher: s.voucherNumber,
        resubmission: String(s.resubmission),
        at: formatDateTime(s.submittedAt, locale),
        protocol: s.protocolNumber,
      }),
      t('receiptPes', { count: s.newPesCount, amount: formatMoney(s.committedCents, locale) }),
      t('receiptHash', { sha: s.dossierSha256 }),
      t.markup('receiptAfter', plainText),
    ],
    ...(link ? { link: { href: link, label: t('receiptLink') } } : {}),
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
