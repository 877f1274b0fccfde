import { StatusBadge } from '@/app/_components/status-badge';
import { CONVERSION_STATUS_LABELS, type Tone } from '@/lib/domain/labels';
import type { ConversionStatus } from '@/lib/domain/state-machines';

const TONE: Record<ConversionStatus, Tone> = {
  draft: 'warn',
  awaiting_validation: 'warn',
  ready_to_submit: 'warn',
  submitted: 'info',
  approved: 'ok',
  rejected: 'err',
  returned: 'warn',
};

/** A conversion signed once and back with the family is "da integrare" whatever step of the correction it is at. */
export function conversionBadge(status: ConversionStatus): { label: string; tone: Tone } {
  const label = ['draft', 'awaiting_validation', 'ready_to_submit'].includes(status)
    ? `da integrare (${CONVERSION_STATUS_LABELS[status]})`
    : CONVERSION_STATUS_LABELS[status];
  return { label, tone: TONE[status] };
}

export function ConversionStatusBadge({ status }: { status: ConversionStatus }) {
  return <StatusBadge {...conversionBadge(status)} />;
}
