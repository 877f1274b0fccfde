import type { ReactNode } from 'react';
import { Alert } from '@/app/_components/alert';
import { formatDateIt } from '@/lib/domain/dates';

/** What the babysitting and summer pages show instead of their form: the measure is closed, or the conversion was sent. */
export function MeasureUnavailable({
  header,
  editable,
  measure,
  requests,
}: {
  /** The page's PageHeader. */
  header: ReactNode;
  editable: boolean;
  measure: { legalReference: string; opensOn: Date | string; closesOn: Date | string } | null | undefined;
  /** «Le richieste di …»: the measure's name as the sentence needs it. */
  requests: string;
}) {
  return (
    <div className="space-y-4">
      {header}
      <Alert kind="warning" title={editable ? 'La misura è chiusa' : 'Modifica non più possibile'}>
        {editable && measure
          ? `Le richieste di ${requests} (${measure.legalReference}) si possono presentare dal ${formatDateIt(measure.opensOn)} al ${formatDateIt(measure.closesOn)}.`
          : 'La modifica PES di questo buono è già stata inviata e non può essere cambiata.'}
      </Alert>
    </div>
  );
}
