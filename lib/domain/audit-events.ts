import type { Band } from './bands';
import type { ConversionStatus, PesStatus } from './state-machines';

/** An import's outcome as its audit event keeps it (lib/import/import-outcome.ts writes a narrower one). */
type ImportOutcome =
  | {
      status: 'imported';
      sha256: string;
      fileName: string;
      rowCount: number;
      counts: Record<'families' | 'vouchers' | 'children' | 'pes' | 'skippedVouchers' | 'activationEmails', number>;
    }
  | {
      status: 'rejected';
      sha256: string;
      fileName: string;
      rowCount: number;
      fileError: string | null;
      errors: { line: number; column: string | null; message: string }[];
      errorCount: number;
    };

/** The office queue's filters as an export's audit event keeps them (db/queries/office/queue-query.ts has the exact type). */
type QueueFilters = {
  stato: string;
  misura?: string | undefined;
  ente?: string | undefined;
  dal?: string | undefined;
  al?: string | undefined;
  q?: string | undefined;
  incarico?: string | undefined;
};

/*
 * Every audit action with the entity it is about and the shape of its before/after (M7), like
 * documenso's types/document-audit-logs.ts: writeAudit refuses an unknown action or a wrong payload at
 * compile time, and maps over the actions (the voucher timeline) fail to compile until a new action is
 * given its place. Lives in lib/domain because db/queries read the payloads back. Never a password,
 * code or token in a payload.
 */

type PesRef = { pesId: string; code: string };
type PesMove = { before: PesRef & { status: PesStatus }; after: PesRef & { status: PesStatus } };
type NewPesValues =
  | {
      kind: 'babysitting_covid';
      status: 'draft';
      hours: number;
      amountCents: number;
      hourlyRateCents: number;
      children: number;
    }
  | { kind: 'summer_covid'; status: 'draft'; providerId: string; band: Band; hours: number; amountCents: number };
type ConversionRef = { conversionId: string };
/** Who has a case in charge (issue 19): the clerk's id and name as they were at the time, or none. */
type Assignee = { assigneeId: string; assigneeName: string };
type NoAssignee = { assigneeId: null; assigneeName: null };
type ProviderFields = { name: string; taxCode: string; email: string };
type ProviderMemberships = {
  bands: string[];
  measures: { measure: string; joinedOn: string; leftOn: string | null }[];
};
type MeasureValues = Partial<{
  opensOn: string;
  closesOn: string;
  hourlyCapOneChildCents: number;
  hourlyCapMultiChildCents: number;
  copayBasisPoints: number;
  closeTermWorkingDays: number;
  validateTermWorkingDays: number;
  decisionTermDays: number;
  integrationTermDays: number;
}>;
type NotificationOutcome = { channel: string; subject: string | null; attempts: number; lastError: string };
type Staff = 'provider' | 'office';
/** Why a sign-in through the identity gateway was refused ('protocol': state, nonce, signature, audience… failed). */
export type OidcRefusal =
  | 'acr_too_low'
  | 'claim_missing'
  | 'claim_malformed'
  | 'unknown_fiscal_code'
  | 'staff_account'
  | 'inactive'
  | 'protocol'
  | 'gateway_unreachable';
/** What the ID token says about the authentication: level, identity provider (idp or amr), its sid or jti. */
export type OidcEvidence = {
  acr: string | null;
  idp: string | null;
  amr: string[] | null;
  sid: string | null;
  jti: string | null;
};

/** `before`/`after` absent from an entry means the action writes none. */
export type AuditPayloads = {
  // Sign-in and account (entity: user). The typed username is kept only when it is a well-formed codice fiscale.
  'auth.login_succeeded': { entityType: 'user'; after: { secondFactor: 'totp' | 'recovery' } | null };
  'auth.login_failed': { entityType: 'user'; after: { codiceFiscale: string | null } };
  // SPID/CIE through the identity gateway: the evidence AgID asks to keep, never the token itself.
  'auth.oidc_login_succeeded': { entityType: 'user'; after: OidcEvidence };
  'auth.oidc_login_refused': {
    entityType: 'user';
    after: OidcEvidence & { reason: OidcRefusal; codiceFiscale: string | null };
  };
  'auth.mfa_failed': { entityType: 'user'; after: { codiceFiscale: string | null } };
  'auth.mfa_locked': { entityType: 'user'; after: { failedCodes: number } };
  'auth.logout': { entityType: 'user' };
  'auth.password_reset_requested': { entityType: 'user'; after: { matched: boolean } };
  'auth.password_reset_limited': { entityType: 'user'; after: null };
  'auth.password_reset_completed': { entityType: 'user'; after: { secondFactorUnlocked: true } | null };
  'user.created': {
    entityType: 'user';
    after:
      | {
          role: Staff;
          providerId: string | null;
          codiceFiscale: string;
          givenName: string;
          familyName: string;
          email: string;
        }
      | { role: 'family' | Staff; via: 'cli' };
  };
  'user.deactivated': { entityType: 'user'; before: { active: boolean }; after: { active: boolean } };
  'user.reactivated': { entityType: 'user'; before: { active: boolean }; after: { active: boolean } };
  'user.mfa_reset': {
    entityType: 'user';
    before: { enrolled: true; recoveryCodes: number; locked: boolean };
    after: { enrolled: false; recoveryCodes: 0 };
  };
  'user.mfa_enrolled': {
    entityType: 'user';
    after: { method: 'totp'; recoveryCodes: number; otherSessionsEnded: true };
  };
  'user.mfa_recovery_codes_renewed': { entityType: 'user'; after: { recoveryCodes: number } };
  // The family chose the e-mail or mobile its identity provider gave as the one for notifications and the OTP.
  'user.contact_confirmed': {
    entityType: 'user';
    before: { field: 'email' | 'mobile'; value: string | null };
    after: { field: 'email' | 'mobile'; value: string; source: 'identity_provider' };
  };

  // Office administration.
  'provider.created': { entityType: 'provider'; after: ProviderFields & ProviderMemberships & { code: string } };
  'provider.updated': {
    entityType: 'provider';
    before: ProviderFields & ProviderMemberships;
    after: ProviderFields & ProviderMemberships;
  };
  'measure.parameters_updated': { entityType: 'measure'; before: MeasureValues; after: MeasureValues };
  'measure.local_feasts_updated': {
    entityType: 'measure';
    before: { feasts: { monthDay: string; label: string }[] };
    after: { feasts: { monthDay: string; label: string }[] };
  };
  'voucher_import.completed': { entityType: 'voucher_import'; after: Extract<ImportOutcome, { status: 'imported' }> };
  'voucher_import.rejected': { entityType: 'voucher_import'; after: Extract<ImportOutcome, { status: 'rejected' }> };
  'conversions.exported': { entityType: 'export'; after: { filters: QueueFilters } };

  // Refusals and deliveries.
  'access.denied': { entityType: 'action' | 'route' | 'receipt'; after?: { code: 'not_found' | 'forbidden' } };
  'notification.abandoned': { entityType: 'notification'; after: NotificationOutcome };
  /** The provider refused the request itself (App IO's 4xx, content outside its rules): given up without retry. */
  'notification.rejected': { entityType: 'notification'; after: NotificationOutcome };

  // A voucher's history (entity: voucher): the family's timeline shows these.
  'pes.created': { entityType: 'voucher'; before?: null; after: PesRef & NewPesValues };
  'pes.updated': {
    entityType: 'voucher';
    before: {
      pesId?: string;
      code?: string;
      status: PesStatus;
      band?: string | null;
      hours: number;
      amountCents: number;
    };
    after: PesRef & NewPesValues;
  };
  'pes.deleted': {
    entityType: 'voucher';
    before?: { status: PesStatus };
    after: PesRef & { status: 'deleted'; amountCents: number };
  };
  'pes.close_requested': { entityType: 'voucher' } & PesMove;
  // «Invia sollecito» (issue 19): the office's formal reminder to the provider about one PES.
  'pes.reminder_sent': {
    entityType: 'voucher';
    after: PesRef & { providerId: string; step: 'close_requested' | 'awaiting_validation'; dueAt: string };
  };
  'pes.closed': {
    entityType: 'voucher';
    before: PesRef & { status: 'close_requested' };
    after: PesRef & { status: 'closed'; usedCents: number; hoursUsed: number; freedCents: number };
  };
  'pes.validation_requested': { entityType: 'voucher' } & PesMove;
  'pes.validated': {
    entityType: 'voucher';
    before: PesRef & { status: 'awaiting_validation' };
    after: PesRef & { status: 'validated' };
  };
  'pes.rejected': {
    entityType: 'voucher';
    before: PesRef & { status: 'awaiting_validation' };
    after: PesRef & { status: 'rejected'; reason?: string };
  };
  'document.uploaded': {
    entityType: 'voucher';
    before: (PesRef & { status: PesStatus }) | null;
    after: PesRef & DocumentFacts;
  };
  'document.replaced': {
    entityType: 'voucher';
    before: (PesRef & { status: PesStatus }) | null;
    after: PesRef & DocumentFacts;
  };
  'document.removed': {
    entityType: 'voucher';
    before: PesRef & { documentId: string; status: PesStatus };
    after: PesRef & { status: PesStatus };
  };
  'conversion.employment_declared': {
    entityType: 'voucher';
    before: { condition: string } | null;
    after: {
      condition: string;
      returnsToWorkOutsideHome: boolean;
      twoParentHousehold: boolean;
      otherParentEmployed: boolean;
      employerConfirmed?: { name: string | null; taxCode: string | null };
    };
  };
  'conversion.otp_sent': {
    entityType: 'voucher';
    after: { otpId: string; maskedMobile: string; dossierSha256: string };
  };
  'conversion.otp_failed': {
    entityType: 'voucher';
    after: { otpId: string; failedAttempts: number; accountFailures: number };
  };
  'conversion.otp_invalidated': { entityType: 'voucher'; after: { otpId: string; reason: 'dossier_changed' } };
  'conversion.signature_locked': { entityType: 'voucher'; after: { accountFailures: number } };
  'conversion.submitted': {
    entityType: 'voucher';
    before: { status: ConversionStatus };
    after: {
      status: 'submitted';
      protocolNumber: string;
      otpId: string;
      dossierSha256: string;
      submissionId: string;
      decisionDueAt?: string;
    };
  };
  'conversion.approved': {
    entityType: 'voucher';
    before: ConversionRef & { status: 'submitted' };
    after: ConversionRef & { status: 'approved'; protocolNumber: string | null; pes: string[] };
  };
  'conversion.rejected': {
    entityType: 'voucher';
    before: ConversionRef & { status: 'submitted' };
    after: ConversionRef & {
      status: 'rejected';
      reason: string;
      protocolNumber: string | null;
      cancelledPes: string[];
    };
  };
  'conversion.returned': {
    entityType: 'voucher';
    before: ConversionRef & { status: 'submitted' };
    after: ConversionRef & {
      status: 'returned';
      reason: string;
      protocolNumber: string | null;
      decisionDaysUsed?: number;
      integrationDueAt?: string;
    };
  };
  'conversion.signature_unlocked': {
    entityType: 'voucher';
    before: ConversionRef & { otpLocked: string | null; otpFailedTotal: number };
    after: ConversionRef & { otpLocked: null; otpFailedTotal: 0; reason: string };
  };
  // Presa in carico: office-internal work allocation, shown on the office file's timeline only.
  'conversion.taken_in_charge': {
    entityType: 'voucher';
    before: ConversionRef & NoAssignee;
    after: ConversionRef & Assignee;
  };
  'conversion.assigned': {
    entityType: 'voucher';
    before: ConversionRef & (Assignee | NoAssignee);
    after: ConversionRef & Assignee;
  };
  'conversion.released': {
    entityType: 'voucher';
    before: ConversionRef & Assignee;
    after: ConversionRef & NoAssignee;
  };
};

/**
 * Voucher events the family's timeline leaves out: which clerk follows the case is the office's own
 * organisation (and changes hands); the family sees the office's decisions, which name who took them.
 */
export const OFFICE_ONLY_VOUCHER_ACTIONS = [
  'conversion.taken_in_charge',
  'conversion.assigned',
  'conversion.released',
] as const satisfies readonly VoucherAuditAction[];

type DocumentFacts = { documentId: string; fileName: string; sizeBytes: number; sha256: string; status?: 'draft' };

export type AuditAction = keyof AuditPayloads;
export type AuditEntityType = AuditPayloads[AuditAction]['entityType'];
/** The actions about one voucher: the only ones its timeline can meet (it reads entity_type = 'voucher'). */
export type VoucherAuditAction = {
  [A in AuditAction]: AuditPayloads[A]['entityType'] extends 'voucher' ? A : never;
}[AuditAction];
export type AuditAfter<A extends AuditAction> = AuditPayloads[A] extends { after?: infer T } ? T : never;

/**
 * An `after` read back from the database: its field names are the action's, its values are not trusted
 * (rows written by an earlier version, or the demo seed's summaries, may lack fields or hold others),
 * so a reader checks each value it uses.
 */
export type StoredAfter<A extends AuditAction> = { readonly [K in AllKeys<NonNullable<AuditAfter<A>>>]?: unknown };
type AllKeys<T> = T extends unknown ? keyof T : never;

function isRecord(v: unknown): v is Readonly<Record<string, unknown>> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The stored `after` of an event of `action`, with its field names checked; an absent or malformed one reads as empty. */
export function storedAfter<A extends AuditAction>(_action: A, after: unknown): StoredAfter<A> {
  return isRecord(after) ? after : {};
}
