/** Every business refusal has a code; the UI shows the Italian message that says what to do next. */
export const ERROR_MESSAGES = {
  unauthenticated: 'La sessione è scaduta. Accedi di nuovo per continuare.',
  forbidden: 'Non hai i permessi per questa operazione.',
  not_found: 'Il dato richiesto non esiste o non è tra i tuoi.',
  invalid_input: 'Alcuni dati non sono validi: correggi i campi evidenziati e riprova.',
  invalid_state: 'L’operazione non è più possibile: lo stato è cambiato nel frattempo. Ricarica la pagina per vedere la situazione aggiornata.',
  conflict: 'Un’altra operazione è stata registrata nello stesso momento. Ricarica la pagina e riprova.',
  insufficient_residual: 'L’importo supera l’importo residuo disponibile sul buono.',
  measure_closed: 'La misura non è aperta in questo periodo.',
  not_eligible: 'La condizione dichiarata non consente questo servizio.',
  token_invalid: 'Il collegamento non è valido o è scaduto. Richiedi un nuovo collegamento da «Ho smarrito la password».',
  unavailable: 'Il servizio non è momentaneamente disponibile. Riprova tra qualche minuto: i dati inseriti non sono stati salvati.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'AppError';
  }
}

export type ActionResult<T = undefined> =
  | ({ ok: true } & (T extends undefined ? { data?: undefined } : { data: T }))
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string> };

export function failure(code: ErrorCode, message?: string, fieldErrors?: Record<string, string>) {
  return { ok: false as const, code, message: message ?? ERROR_MESSAGES[code], ...(fieldErrors ? { fieldErrors } : {}) };
}
