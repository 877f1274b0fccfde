/** Every business refusal has a code; the UI shows the Italian message that says what to do next. */
export const ERROR_MESSAGES = {
  unauthenticated: 'La sessione è scaduta. Accedi di nuovo per continuare.',
  forbidden: 'Non hai i permessi per questa operazione.',
  not_found: 'Il dato richiesto non esiste o non è tra i tuoi.',
  invalid_input: 'Alcuni dati non sono validi: correggi i campi evidenziati e riprova.',
  invalid_state:
    'L’operazione non è più possibile: lo stato è cambiato nel frattempo. Ricarica la pagina per vedere la situazione aggiornata.',
  conflict: 'Un’altra operazione è stata registrata nello stesso momento. Ricarica la pagina e riprova.',
  insufficient_residual: 'L’importo supera l’importo residuo disponibile sul buono.',
  measure_closed: 'La misura non è aperta in questo periodo.',
  not_eligible: 'La condizione dichiarata non consente questo servizio.',
  otp_missing: 'Non c’è un codice valido da confermare: premi INVIA OTP per riceverne uno via SMS.',
  otp_expired: 'Il codice è scaduto (vale 3 minuti dall’invio). Premi RICHIEDI NUOVO CODICE per riceverne uno nuovo.',
  otp_wrong: 'Il codice non è corretto: controlla l’SMS e riprova.',
  otp_locked:
    'La firma con codice OTP è bloccata per troppi codici errati. Per sbloccarla contatta la Struttura Multifunzionale Territoriale Ad Personam della Provincia autonoma di Trento.',
  otp_rate_limited: 'Hai richiesto troppi codici in poco tempo: attendi prima di richiederne uno nuovo.',
  otp_dossier_changed:
    'I dati della richiesta sono cambiati dopo l’invio del codice, che quindi non vale più. Controlla i dati e richiedi un nuovo codice.',
  token_invalid:
    'Il collegamento non è valido o è scaduto. Richiedi un nuovo collegamento da «Ho smarrito la password».',
  already_reminded: 'Per questo PES un sollecito è già stato inviato oggi: puoi inviarne un altro da domani.',
  unavailable:
    'Il servizio non è momentaneamente disponibile. Riprova tra qualche minuto: i dati inseriti non sono stati salvati.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/**
 * A refusal's words as a catalogue key (Refusals.<key>) with its values, so the action can say it in the
 * family's language (lib/i18n/refusal.ts); `message` stays the Italian text.
 */
export type RefusalValues = Record<string, string | number | string[]>;
export type RefusalDetail = {
  key: string;
  values?: RefusalValues;
  fields?: Record<string, { key: string; values?: RefusalValues }>;
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fieldErrors?: Record<string, string>,
    readonly detail?: RefusalDetail,
  ) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'AppError';
  }
}

export type ActionResult<T = undefined> =
  | ({ ok: true } & (T extends undefined ? { data?: undefined } : { data: T }))
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string>; detail?: RefusalDetail };

export function failure(
  code: ErrorCode,
  message?: string,
  fieldErrors?: Record<string, string>,
  detail?: RefusalDetail,
) {
  return {
    ok: false as const,
    code,
    message: message ?? ERROR_MESSAGES[code],
    ...(fieldErrors ? { fieldErrors } : {}),
    ...(detail ? { detail } : {}),
  };
}
