import { AppError } from './app-error';

/**
 * Status machines as data. Only the listed transitions exist; services persist one
 * with `UPDATE … WHERE status = from` so a concurrent second click changes nothing.
 */
export const PES_STATUSES = [
  'active',
  'close_requested',
  'closed',
  'draft',
  'awaiting_validation',
  'validated',
  'rejected',
  'deleted',
  'cancelled',
] as const;
export type PesStatus = (typeof PES_STATUSES)[number];

// active…closed are standard PES; draft…rejected are the new COVID PES.
export const PES_TRANSITIONS: Record<PesStatus, readonly PesStatus[]> = {
  active: ['close_requested'],
  close_requested: ['closed'],
  closed: [],
  draft: ['awaiting_validation', 'deleted'],
  // Editing a pending or validated summer PES (or its PDF) sends it back to draft: the provider must
  // validate what it will deliver (issue 8). Withdrawing it from the page deletes it.
  awaiting_validation: ['validated', 'rejected', 'draft', 'deleted'],
  // …and is cancelled when the office rejects the conversion (respinta, issue 10).
  validated: ['draft', 'deleted', 'cancelled'],
  rejected: ['draft', 'awaiting_validation', 'deleted'],
  // Kept, not removed: the office sees what the family withdrew, and PES numbers are never reused.
  deleted: [],
  cancelled: [],
};

// A validated PES is frozen (the provider agreed to it); a pending one waits for the provider.
const NEW_PES_CHANGEABLE: ReadonlySet<PesStatus> = new Set(['draft', 'rejected']);

/**
 * `reopened`: the conversion was signed once and the office returned it for corrections (richiesta di
 * integrazione): its validated PES may change again, and a changed PES goes back to its provider.
 */
export type NewPesChangeContext = { reopened?: boolean };

/** Deleting moves the PES to `deleted`: its money returns to the residual. */
export function canDeleteNewPes(status: PesStatus, ctx: NewPesChangeContext = {}): boolean {
  return NEW_PES_CHANGEABLE.has(status) || (ctx.reopened === true && status === 'validated');
}

export function canEditNewPes(status: PesStatus, ctx: NewPesChangeContext = {}): boolean {
  return NEW_PES_CHANGEABLE.has(status) || (ctx.reopened === true && status === 'validated');
}

export const CONVERSION_STATUSES = [
  'draft',
  'awaiting_validation',
  'ready_to_submit',
  'submitted',
  'approved',
  'rejected',
  'returned',
] as const;
export type ConversionStatus = (typeof CONVERSION_STATUSES)[number];

// Backward edges exist because editing a PES after validation sends the conversion back.
// Once submitted (OTP-signed) only the office moves it; approved and rejected are final.
export const CONVERSION_TRANSITIONS: Record<ConversionStatus, readonly ConversionStatus[]> = {
  draft: ['awaiting_validation', 'ready_to_submit'],
  awaiting_validation: ['ready_to_submit', 'draft'],
  ready_to_submit: ['submitted', 'awaiting_validation', 'draft'],
  submitted: ['approved', 'rejected', 'returned'],
  approved: [],
  rejected: [],
  returned: ['awaiting_validation', 'ready_to_submit', 'submitted', 'draft'],
};

const CONVERSION_EDITABLE: ReadonlySet<ConversionStatus> = new Set([
  'draft',
  'awaiting_validation',
  'ready_to_submit',
  'returned',
]);

export function isConversionEditable(status: ConversionStatus): boolean {
  return CONVERSION_EDITABLE.has(status);
}

/** A refused transition is a business refusal like any other: guarded() answers it as invalid_state. */
export class TransitionError extends AppError {
  readonly from: string;
  readonly to: string;
  constructor(from: string, to: string) {
    super('invalid_state', `Operazione non consentita: lo stato non può passare da «${from}» a «${to}».`);
    this.name = 'TransitionError';
    this.from = from;
    this.to = to;
  }
}

export function canTransition<S extends string>(machine: Record<S, readonly S[]>, from: S, to: S): boolean {
  // Object.hasOwn: a status read from the database may not be a key of the machine.
  return Object.hasOwn(machine, from) && machine[from].includes(to);
}

export function assertTransition<S extends string>(machine: Record<S, readonly S[]>, from: S, to: S): void {
  if (!canTransition(machine, from, to)) throw new TransitionError(from, to);
}
