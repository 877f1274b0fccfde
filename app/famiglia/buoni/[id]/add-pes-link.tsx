import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/domain/dates';
import { italian } from '@/lib/i18n/italian';

const KEYS = {
  babysitting: { add: 'addBabysitting', closed: 'babysittingClosed', period: 'babysittingClosedWindow' },
  estivi: { add: 'addSummer', closed: 'summerClosed', period: 'summerClosedWindow' },
} as const;

/** AGGIUNGI PES for one measure, or, while the measure is closed, when families may apply. */
export async function AddPesLink({
  voucherId,
  measure,
  open,
  period,
}: {
  voucherId: string;
  /** Also the page's path under the voucher. */
  measure: keyof typeof KEYS;
  open: boolean;
  period: { opensOn: Date | string; closesOn: Date | string } | null | undefined;
}) {
  const t = await getTranslations('VoucherPage');
  const locale = await getLocale();
  const keys = KEYS[measure];
  if (open)
    return (
      <Link href={`/famiglia/buoni/${voucherId}/${measure}`} className="btn-primary">
        {t.rich(keys.add, { it: italian })}
      </Link>
    );
  return (
    <p className="rounded border-l-4 border-warn bg-warn-light p-3">
      {period
        ? t.rich(keys.period, {
            from: formatDate(period.opensOn, locale),
            to: formatDate(period.closesOn, locale),
            it: italian,
          })
        : t.rich(keys.closed, { it: italian })}
    </p>
  );
}
