import { storedAfter, type AuditAction, type StoredAfter, type VoucherAuditAction } from '@/lib/domain/audit-events';
import { formatEuro } from '@/lib/domain/money';

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
type Texts = { [A in TimelineAction]: (after: StoredAfter<A>) => string };

// Both directions: every voucher action has a text, and no action of another entity is given one.
type Same<X, Y> = [X] extends [Y] ? ([Y] extends [X] ? true : false) : false;
const timelineIsTheVoucherActions: Same<TimelineAction, VoucherAuditAction> = true;
void timelineIsTheVoucherActions;

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const quoted = (v: unknown) => (typeof v === 'string' ? `: «${v}»` : '');

const TEXT: Texts = {
  'pes.close_requested': (a) => `Richiesta di chiusura del PES ${str(a.code)} inviata al soggetto erogatore`,
  'pes.reminder_sent': (a) => `Sollecito dell’ufficio al soggetto erogatore per il PES ${str(a.code)}`,
  'pes.closed': (a) =>
    `PES ${str(a.code)} chiuso dal soggetto erogatore${typeof a.freedCents === 'number' ? `: liberati ${formatEuro(a.freedCents)}` : ''}`,
  'conversion.employment_declared': () => 'Condizione di occupazione dichiarata per il babysitting domiciliare',
  'pes.created': (a) => `Nuovo PES ${str(a.code)} inserito`,
  'pes.updated': (a) => `Nuovo PES ${str(a.code)} modificato`,
  'pes.deleted': (a) => `Nuovo PES ${str(a.code)} eliminato: l’importo torna disponibile`,
  'pes.validation_requested': (a) => `Richiesta la validazione del PES ${str(a.code)} al soggetto erogatore`,
  'pes.validated': (a) => `PES ${str(a.code)} validato dal soggetto erogatore`,
  'pes.rejected': (a) => `PES ${str(a.code)} rifiutato dal soggetto erogatore${quoted(a.reason)}`,
  'document.uploaded': (a) => `Caricato il PES concordato per ${str(a.code)}`,
  'document.replaced': (a) => `Sostituito il PES concordato per ${str(a.code)}`,
  'document.removed': (a) => `Eliminato il PES concordato per ${str(a.code)}`,
  'conversion.submitted': (a) =>
    `Inviata all’ufficio con firma OTP${typeof a.protocolNumber === 'string' ? ` — protocollo ${a.protocolNumber}` : ''}`,
  'conversion.otp_sent': (a) =>
    `Codice OTP inviato via SMS${typeof a.maskedMobile === 'string' ? ` al numero ${a.maskedMobile}` : ''}`,
  'conversion.otp_failed': () => 'Codice OTP errato',
  'conversion.otp_invalidated': () => 'Codice OTP annullato: i dati della richiesta sono cambiati dopo l’invio',
  'conversion.signature_locked': () => 'Firma OTP bloccata per troppi codici errati',
  'conversion.signature_unlocked': () => 'Firma OTP sbloccata dall’ufficio',
  'conversion.approved': () => 'Modifica convalidata dalla Struttura Multifunzionale Territoriale Ad Personam',
  'conversion.rejected': (a) => `Modifica respinta${quoted(a.reason)}`,
  'conversion.returned': (a) => `Richiesta di integrazione${quoted(a.reason)}`,
  'conversion.taken_in_charge': () => 'Pratica presa in carico',
  'conversion.assigned': (a) => `Pratica assegnata${typeof a.assigneeName === 'string' ? ` a ${a.assigneeName}` : ''}`,
  'conversion.released': () => 'Pratica rilasciata: non è più assegnata a nessuno',
};

function isTimelineAction(action: string): action is TimelineAction {
  return Object.hasOwn(TEXT, action);
}

function describeAs<A extends TimelineAction>(action: A, after: unknown): string {
  const text: Texts[A] = TEXT[action];
  return text(storedAfter(action, after));
}

/** The Italian line for one event of a voucher; an action this version does not know shows its name. */
export function describeVoucherEvent(e: { action: string; after: unknown }): string {
  return isTimelineAction(e.action) ? describeAs(e.action, e.after) : e.action;
}
