import type { PesFactsData } from '@/app/_components/pes-facts';
import type { VoucherPes } from '@/db/queries/voucher-file';
import { BANDS, type Band } from '@/lib/domain/bands';
import { formatFileSize } from '@/lib/domain/file-size';
import { PES_STATUS_TONE } from '@/lib/domain/labels';
import type { Locale } from '@/lib/domain/locale';
import { formatMoney } from '@/lib/domain/money';
import { translatorFor } from '@/lib/i18n/translator';

const isBand = (b: string): b is Band => (BANDS as readonly string[]).includes(b);

/**
 * What the browser needs to show a PES, already formatted in the reader's language: no raw rows cross to
 * client components, and nothing twice (the document and the status label travel once, in `facts`).
 */
export function pesSummary(locale: Locale) {
  const t = translatorFor(locale, 'PesLabels');
  const money = (c: number) => formatMoney(c, locale);
  return (p: VoucherPes) => {
    const document = p.document
      ? { id: p.document.id, fileName: p.document.fileName, size: formatFileSize(p.document.sizeBytes) }
      : null;
    const facts: PesFactsData = {
      children: p.children.map((c) => `${c.givenName} ${c.familyName}`).join(', '),
      provider: p.providerName,
      band: p.band ? (isBand(p.band) ? t(`band.${p.band}`) : p.band) : null,
      hours: p.hours,
      amount: money(p.amountCents),
      status: { label: t(`status.${p.status}`), tone: PES_STATUS_TONE[p.status] },
      used:
        p.usedCents !== null
          ? { amount: money(p.usedCents), hours: p.hoursUsed, freed: money(p.amountCents - p.usedCents) }
          : null,
      document,
    };
    return {
      id: p.id,
      code: p.code,
      kind: p.kind,
      kindLabel: t(`kind.${p.kind}`),
      status: p.status,
      rejectionReason: p.rejectionReason,
      facts,
    };
  };
}

export type PesSummary = ReturnType<ReturnType<typeof pesSummary>>;
