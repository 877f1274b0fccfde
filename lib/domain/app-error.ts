import messages from '@/messages/it/AppErrors.json';

/**
 * Every business refusal has a code; the UI shows the message that says what to do next. The Italian
 * catalogue is their one source; a family reads them in its language (lib/i18n/localize-failure.ts).
 */
export const ERROR_MESSAGES = messages;

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
