import type { ConversionStatus } from './state-machines';

export type NextStepInput = {
  voucherStatus: string;
  conversionStatus: ConversionStatus | null;
  standardStatuses: readonly string[];
  newStatuses: readonly string[];
  residualCents: number;
  summerPesWithoutDocument: number;
  /** The office returned the conversion (richiesta di integrazione): it was signed once and must be signed again. */
  reopened?: boolean;
};

/** What the family should expect next: a key of the catalogue's `VoucherTimeline.next` (the guide's words). */
export type NextStep =
  | 'concluded'
  | 'submitted'
  | 'approved'
  | 'rejected'
  | 'returned'
  | 'rejectedPes'
  | 'drafts'
  | 'awaitingValidation'
  | 'summerDocuments'
  | 'validatedReopened'
  | 'validated'
  | 'awaitingClose'
  | 'convert'
  | 'selectToClose'
  | 'nothing';

/** What the family should expect next, shown under the voucher's timeline. */
export function nextStep(i: NextStepInput): NextStep {
  if (i.voucherStatus !== 'assigned') return 'concluded';
  switch (i.conversionStatus) {
    case 'submitted':
      return 'submitted';
    case 'approved':
      return 'approved';
    case 'rejected':
      return 'rejected';
    case 'returned':
      return 'returned';
    default:
      break;
  }
  const open = i.standardStatuses.filter((s) => s === 'active').length;
  const waitingClose = i.standardStatuses.filter((s) => s === 'close_requested').length;
  const waitingValidation = i.newStatuses.filter((s) => s === 'awaiting_validation').length;
  const rejected = i.newStatuses.filter((s) => s === 'rejected').length;
  const drafts = i.newStatuses.filter((s) => s === 'draft').length;
  if (rejected > 0) return 'rejectedPes';
  if (drafts > 0) return 'drafts';
  if (waitingValidation > 0) return 'awaitingValidation';
  if (i.newStatuses.length > 0 && i.newStatuses.every((s) => s === 'validated')) {
    if (i.summerPesWithoutDocument > 0) return 'summerDocuments';
    if (i.reopened) return 'validatedReopened';
    return 'validated';
  }
  if (waitingClose > 0) return 'awaitingClose';
  if (i.residualCents > 0) return 'convert';
  if (open > 0) return 'selectToClose';
  return 'nothing';
}
