import { StatusBadge } from '@/app/_components/status-badge';
import { CONVERSION_STATUS_LABELS } from '@/lib/domain/labels';
import type { ConversionStatus } from '@/lib/domain/state-machines';

const TONE: Record<ConversionStatus, 'neutral' | 'info' | 'ok' | 'warn' | 'err'> = {
  draft: 'warn',
  awaiting_validation: 'warn',
  ready_to_submit: 'warn',
  submitted: 'info',
  approved: 'ok',
  rejected: 'err',
  returned: 'warn',
};

/** A conversion signed once and back with the family is "da integrare" whatever step of the correction it is at. */
export function ConversionStatusBadge({ status }: { status: ConversionStatus }) {
  const label = ['draft', 'awaiting_validation', 'ready_to_submit'].includes(status)
    ? `da integrare (${CONVERSION_STATUS_LABELS[status]})`
    : CONVERSION_STATUS_LABELS[status];
  return <StatusBadge label={label} tone={TONE[status]} />;
}
