import type { ConversionStatus } from './state-machines';

export type NewPesProgress = { status: string; kind: string; hasDocument: boolean };

/**
 * Where an editable conversion stands, derived from its new PES (domain.md "States"):
 * ready_to_submit once every live new PES is validated and every summer PES has its PDF.
 */
export function derivedConversionStatus(
  pes: readonly NewPesProgress[],
): Extract<ConversionStatus, 'draft' | 'awaiting_validation' | 'ready_to_submit'> {
  const live = pes.filter((p) => p.status !== 'deleted');
  if (live.length === 0) return 'draft';
  if (live.some((p) => p.status === 'draft' || p.status === 'rejected')) return 'draft';
  if (live.some((p) => p.status === 'awaiting_validation')) return 'awaiting_validation';
  const complete = live.every((p) => p.status === 'validated' && (p.kind !== 'summer_covid' || p.hasDocument));
  return complete ? 'ready_to_submit' : 'awaiting_validation';
}
