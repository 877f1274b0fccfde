import { formatDateTimeIt } from './dates';
import type { Dossier } from './dossier';
import { EMPLOYMENT_CONDITION_LABELS, type EmploymentCondition } from './eligibility';
import { formatEuro } from './money';

export type ReceiptInput = {
  protocolNumber: string;
  submittedAt: Date;
  dossierSha256: string;
  dossier: Dossier;
  signature: { maskedMobile: string; otpId: string; signedAt: string };
};

const KIND: Record<string, string> = {
  babysitting_covid: 'Servizi domiciliari babysitting EMERGENZA COVID-19',
  summer_covid: 'Servizi Estivi EMERGENZA COVID-19',
};

const STATEMENTS: Record<string, string> = {
  returnsToWorkOutsideHome: 'rientro al lavoro fuori casa',
  otherParentEmployed: 'anche l’altro genitore è occupato',
};

export const RECEIPT_NEXT_STEPS =
  'La Struttura Multifunzionale Territoriale Ad Personam esamina la richiesta e può convalidarla, respingerla con un motivo o chiedere un’integrazione. Riceverai una e-mail con l’esito. Fino ad allora la modifica PES non può essere cambiata.';

/** The receipt as text blocks: the page and the PDF show the same thing, from the signed dossier. */
export function receiptView(r: ReceiptInput) {
  const d = r.dossier;
  const statements = Object.entries(d.declarations.statements)
    .filter(([, v]) => v)
    .map(([k]) => STATEMENTS[k] ?? k);
  return {
    protocolNumber: r.protocolNumber,
    submittedAt: `${formatDateTimeIt(r.submittedAt)} (ora italiana)`,
    holder: `${d.voucher.holderName} — codice fiscale ${d.voucher.holderCodiceFiscale}`,
    voucher: `${d.voucher.number} — importo assegnato ${formatEuro(d.voucher.totalCents)}`,
    closedPes: d.closedPes.map((p) => ({
      title: `PES ${p.code} — ${p.providerName}`,
      text: `importo ${formatEuro(p.amountCents)}, utilizzato ${formatEuro(p.usedCents)}, liberato ${formatEuro(p.freedCents)}`,
    })),
    freed: formatEuro(d.freedCents),
    newPes: d.newPes.map((p) => ({
      title: `PES ${p.code} — ${KIND[p.kind] ?? p.kind}`,
      lines: [
        `Soggetto erogatore: ${p.providerName}`,
        `Minori: ${p.children.map((c) => c.name).join(', ') || '—'}`,
        `${p.band ? `Fascia ${p.band}, ` : ''}${p.hours} ore, ${formatEuro(p.amountCents)} a carico del buono${p.hourlyRateCents !== null ? ` (${formatEuro(p.hourlyRateCents)}/ora)` : ''}`,
        ...(p.document
          ? [
              `Documento: ${p.document.fileName} (${p.document.sizeBytes} byte)`,
              `SHA-256 del documento: ${p.document.sha256}`,
            ]
          : []),
      ],
    })),
    committed: formatEuro(d.committedCents),
    residual: formatEuro(d.residualCents),
    declarations: d.declarations.employmentCondition
      ? [
          `Condizione di occupazione: ${EMPLOYMENT_CONDITION_LABELS[d.declarations.employmentCondition as EmploymentCondition] ?? d.declarations.employmentCondition}`,
          ...(statements.length ? [`Dichiarazioni: ${statements.join('; ')}`] : []),
          ...(d.declarations.employerConfirmed ? ['Dati del datore di lavoro confermati'] : []),
        ]
      : ['Nessuna condizione di occupazione dichiarata (solo servizi estivi)'],
    signature: `Firmata con codice OTP inviato al cellulare ${r.signature.maskedMobile} (codice ${r.signature.otpId})`,
    dossierSha256: r.dossierSha256,
    next: RECEIPT_NEXT_STEPS,
  };
}

export type ReceiptView = ReturnType<typeof receiptView>;
