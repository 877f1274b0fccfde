import { storedAfter, type AuditAction, type StoredAfter, type VoucherAuditAction } from '@/lib/domain/audit-events';
import type { Locale } from '@/lib/domain/locale';
import { formatMoney } from '@/lib/domain/money';
import type { Messages } from '@/lib/i18n/messages';
import { plainText, translatorFor } from '@/lib/i18n/translator';

/**
 * Actions about something other than a voucher (an account, a provider, a measure, an import, a refusal,
 * a delivery): the timeline reads entity_type = 'voucher', so they never reach it. Listed by hand so a
 * new action fails compilation until someone decides where it belongs.
 */
type NotOnTimeline =
  | 'auth.login_succeeded'
  | 'auth.login_failed'
  | 'auth.oidc_login_succeeded'
  | 'auth.oidc_login_refused'
  | 'auth.mfa_failed'
  | 'auth.mfa_locked'
  | 'auth.logout'
  | 'auth.password_reset_requested'
  | 'auth.password_reset_limited'
  | 'auth.password_reset_completed'
  | 'user.created'
  | 'user.deactivated'
  | 'user.reactivated'
  | 'user.mfa_reset'
  | 'user.mfa_enrolled'
  | 'user.mfa_recovery_codes_renewed'
  | 'user.contact_confirmed'
  | 'provider.created'
  | 'provider.updated'
  | 'measure.parameters_updated'
  | 'measure.local_feasts_updated'
  | 'voucher_import.completed'
  | 'voucher_import.rejected'
  | 'conversions.exported'
  | 'access.denied'
  | 'notification.abandoned'
  | 'notification.rejected';

type TimelineAction = Exclude<AuditAction, NotOnTimeline>;
type EventKey = keyof Messages['VoucherTimeline']['event'];
/** A catalogue key (namespace VoucherTimeline, `event.*`) and its values; money arrives as cents. */
type EventMessage = [EventKey, Record<string, string>?];
type Texts = { [A in TimelineAction]: (after: StoredAfter<A>, money: (cents: number) => string) => EventMessage };

// Both directions: every voucher action has a text, and no action of another entity is given one.
type Same<X, Y> = [X] extends [Y] ? ([Y] extends [X] ? true : false) : false;
const timelineIsTheVoucherActions: Same<TimelineAction, VoucherAuditAction> = true;
void timelineIsTheVoucherActions;

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const code = (a: { code?: unknown }): EventMessage[1] => ({ code: str(a.code) });
/** The key with its optional part when the value is there ("Modifica respinta: «motivo»"). */
const withValue = (plain: EventKey, withIt: EventKey, name: string, v: unknown, extra = {}): EventMessage =>
  typeof v === 'string' ? [withIt, { ...extra, [name]: v }] : [plain, extra];

const TEXT: Texts = {
  'pes.close_requested': (a) => ['closeRequested', code(a)],
  'pes.reminder_sent': (a) => ['reminderSent', code(a)],
  'pes.closed': (a, money) =>
    typeof a.freedCents === 'number'
      ? ['closedFreed', { code: str(a.code), freed: money(a.freedCents) }]
      : ['closed', code(a)],
  'conversion.employment_declared': () => ['employmentDeclared'],
  'pes.created': (a) => ['created', code(a)],
  'pes.updated': (a) => ['updated', code(a)],
  'pes.deleted': (a) => ['deleted', code(a)],
  'pes.validation_requested': (a) => ['validationRequested', code(a)],
  'pes.validated': (a) => ['validated', code(a)],
  'pes.rejected': (a) => withValue('rejected', 'rejectedReason', 'reason', a.reason, code(a)),
  'document.uploaded': (a) => ['documentUploaded', code(a)],
  'document.replaced': (a) => ['documentReplaced', code(a)],
  'document.removed': (a) => ['documentRemoved', code(a)],
  'conversion.submitted': (a) => withValue('submitted', 'submittedProtocol', 'protocol', a.protocolNumber),
  'conversion.otp_sent': (a) => withValue('otpSent', 'otpSentTo', 'mobile', a.maskedMobile),
  'conversion.otp_failed': () => ['otpFailed'],
  'conversion.otp_invalidated': () => ['otpInvalidated'],
  'conversion.signature_locked': () => ['signatureLocked'],
  'conversion.signature_unlocked': () => ['signatureUnlocked'],
  'conversion.approved': () => ['approved'],
  'conversion.rejected': (a) => withValue('conversionRejected', 'conversionRejectedReason', 'reason', a.reason),
  'conversion.returned': (a) => withValue('returned', 'returnedReason', 'reason', a.reason),
  'conversion.taken_in_charge': () => ['takenInCharge'],
  'conversion.assigned': (a) => withValue('assigned', 'assignedTo', 'name', a.assigneeName),
  'conversion.released': () => ['released'],
};

function isTimelineAction(action: string): action is TimelineAction {
  return Object.hasOwn(TEXT, action);
}

function describeAs<A extends TimelineAction>(action: A, after: unknown, locale: Locale): EventMessage {
  const text: Texts[A] = TEXT[action];
  return text(storedAfter(action, after), (c) => formatMoney(c, locale));
}

/** One event of a voucher as a catalogue message; null for an action this version does not know. */
export function voucherEventMessage(e: { action: string; after: unknown }, locale: Locale): EventMessage | null {
  return isTimelineAction(e.action) ? describeAs(e.action, e.after, locale) : null;
}

/** The line for one event of a voucher, as plain text; an action this version does not know shows its name. */
export function describeVoucherEvent(e: { action: string; after: unknown }, locale: Locale = 'it'): string {
  const m = voucherEventMessage(e, locale);
  return m ? translatorFor(locale, 'VoucherTimeline').markup(`event.${m[0]}`, { ...m[1], ...plainText }) : e.action;
}
