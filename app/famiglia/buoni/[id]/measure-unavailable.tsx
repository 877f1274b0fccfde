import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Alert } from '@/app/_components/alert';
import { formatDate } from '@/lib/domain/dates';
import { italian } from '@/lib/i18n/italian';

/** What the babysitting and summer pages show instead of their form: the measure is closed, or the conversion was sent. */
export async function MeasureUnavailable({
  header,
  editable,
  measure,
  requests,
}: {
  /** The page's PageHeader. */
  header: ReactNode;
  editable: boolean;
  measure: { legalReference: string; opensOn: Date | string; closesOn: Date | string } | null | undefined;
  /** «Le richieste di …»: the measure's name as the sentence needs it, in the reader's language. */
  requests: string;
}) {
  const t = await getTranslations('MeasureUnavailable');
  const locale = await getLocale();
  return (
    <div className="space-y-4">
      {header}
      <Alert kind="warning" title={editable ? t('closedTitle') : t('lockedTitle')}>
        {editable && measure
          ? t.rich('closedText', {
              requests,
              legal: measure.legalReference,
              from: formatDate(measure.opensOn, locale),
              to: formatDate(measure.closesOn, locale),
              it: italian,
            })
          : t('lockedText')}
      </Alert>
    </div>
  );
}
