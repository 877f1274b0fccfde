import messages from '@/messages/it/AppErrors.json';

/**
 * Every business refusal has a code; the UI shows the message that says what to do next. The Italian
 * catalogue is their one source; a family reads them in its language (lib/i18n/localize-failure.ts).
 */
export const ERROR_MESSAGES = messages;

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
  return {
    ok: false as const,
    code,
    message: message ?? ERROR_MESSAGES[code],
    ...(fieldErrors ? { fieldErrors } : {}),
  };
}
