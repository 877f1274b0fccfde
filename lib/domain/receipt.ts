import { formatDateTime } from './dates';
import type { Dossier } from './dossier';
import type { Locale } from './locale';
import { formatMoney } from './money';

export type ReceiptInput = {
  protocolNumber: string;
  submittedAt: Date;
  dossierSha256: string;
  dossier: Dossier;
  signature: { maskedMobile: string; otpId: string; signedAt: string };
};

type Values = Record<string, string | number>;
/**
 * The receipt's words (the catalogue's Receipt.view, lib/receipt/receipt-view-in.ts): passed in, so this
 * module stays pure and the page, the download and the e-mailed PDF say the same in the reader's language.
 */
export type ReceiptText = (key: `view.${string}`, values?: Values) => string;

/** The receipt as text blocks: the page and the PDF show the same thing, from the signed dossier. */
export function receiptView(r: ReceiptInput, locale: Locale, t: ReceiptText) {
  const d = r.dossier;
  const money = (c: number) => formatMoney(c, locale);
  const statements = Object.entries(d.declarations.statements)
    .filter(([, v]) => v)
    .map(([k]) => t(`view.statement_${k}`));
  const condition = d.declarations.employmentCondition;
  return {
    protocolNumber: r.protocolNumber,
    submittedAt: t('view.submittedAt', { at: formatDateTime(r.submittedAt, locale) }),
    holder: t('view.holder', { name: d.voucher.holderName, cf: d.voucher.holderCodiceFiscale }),
    voucher: t('view.voucher', { number: d.voucher.number, amount: money(d.voucher.totalCents) }),
    closedPes: d.closedPes.map((p) => ({
      title: `PES ${p.code} — ${p.providerName}`,
      text: t('view.closedText', {
        amount: money(p.amountCents),
        used: money(p.usedCents),
        freed: money(p.freedCents),
      }),
    })),
    freed: money(d.freedCents),
    newPes: d.newPes.map((p) => ({
      title: `PES ${p.code} — ${t(`view.kind_${p.kind}`)}`,
      lines: [
        t('view.provider', { name: p.providerName }),
        t('view.children', { names: p.children.map((c) => c.name).join(', ') || '—' }),
        t('view.service', {
          hasBand: String(Boolean(p.band)),
          band: p.band ?? '',
          hours: String(p.hours),
          amount: money(p.amountCents),
          hasRate: String(p.hourlyRateCents !== null),
          rate: p.hourlyRateCents === null ? '' : money(p.hourlyRateCents),
        }),
        ...(p.document
          ? [
              t('view.document', { file: p.document.fileName, size: String(p.document.sizeBytes) }),
              t('view.documentSha', { sha: p.document.sha256 }),
            ]
          : []),
      ],
    })),
    committed: money(d.committedCents),
    residual: money(d.residualCents),
    declarations: condition
      ? [
          t('view.condition', { condition: t(`view.condition_${condition}`) }),
          ...(statements.length ? [t('view.statements', { list: statements.join('; ') })] : []),
          ...(d.declarations.employerConfirmed ? [t('view.employerConfirmed')] : []),
        ]
      : [t('view.noCondition')],
    signature: t('view.signature', { mobile: r.signature.maskedMobile, otpId: r.signature.otpId }),
    dossierSha256: r.dossierSha256,
    next: t('view.next'),
  };
}

export type ReceiptView = ReturnType<typeof receiptView>;
