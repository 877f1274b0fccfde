/** OTP signature rules (spec quality O1–O3). */
export const OTP_TTL_SECONDS = 180;
export const OTP_LENGTH = 6;
export const MAX_WRONG_PER_CODE = 5;
export const MAX_WRONG_PER_ACCOUNT = 100;
export const SEND_WINDOW_SECONDS = 600;
export const MAX_SENDS_PER_WINDOW = 5;
export const MIN_SECONDS_BETWEEN_SENDS = 30;

export type OtpInput =
  { ok: true; code: string } | { ok: false; reason: 'empty' | 'not_digits' | 'too_short' | 'too_long' };

export const OTP_INPUT_MESSAGES = {
  empty: 'Inserisci il codice di 6 cifre ricevuto via SMS.',
  not_digits: 'Il codice contiene solo cifre (0–9): controlla l’SMS e riscrivilo.',
  too_short: 'Il codice è troppo corto: deve avere 6 cifre.',
  too_long: 'Il codice è troppo lungo: deve avere 6 cifre.',
} as const;

/** Spaces and dashes are tolerated ("123 456", "123-456"): people copy the code as they read it. */
export function normalizeOtpInput(raw: string): OtpInput {
  const s = raw.replace(/[\s\-‐-―]/g, '');
  if (s === '') return { ok: false, reason: 'empty' };
  if (!/^\d+$/.test(s)) return { ok: false, reason: 'not_digits' };
  if (s.length < OTP_LENGTH) return { ok: false, reason: 'too_short' };
  if (s.length > OTP_LENGTH) return { ok: false, reason: 'too_long' };
  return { ok: true, code: s };
}

/** "+393470000001" → "+39 ••• ••• 0001": enough for the family to recognise its number, nothing more. */
export function maskMobile(mobile: string): string {
  const digits = mobile.replace(/\D/g, '');
  const last = digits.slice(-4).padStart(4, '•');
  const prefix = mobile.trim().startsWith('+') && digits.length > 10 ? `+${digits.slice(0, digits.length - 10)} ` : '';
  return `${prefix}••• ••• ${last}`;
}

/** Valid up to and including 180 s after sending; at 181 s it is refused. */
export function isOtpExpired(expiresAt: Date, now: Date): boolean {
  return now.getTime() > expiresAt.getTime();
}

export function otpExpiry(sentAt: Date): Date {
  return new Date(sentAt.getTime() + OTP_TTL_SECONDS * 1000);
}

export type SendAllowance =
  { allowed: true; sendsLeft: number } | { allowed: false; retryAt: Date; reason: 'too_soon' | 'too_many' };

/** At most 5 sends in any 10 minutes and at least 30 s between two sends, per conversion (O3). */
export function sendAllowance(previousSends: readonly Date[], now: Date): SendAllowance {
  const t = now.getTime();
  const recent = previousSends
    .map((d) => d.getTime())
    .filter((s) => s > t - SEND_WINDOW_SECONDS * 1000 && s <= t)
    .sort((a, b) => a - b);
  const last = recent.at(-1);
  if (recent.length >= MAX_SENDS_PER_WINDOW) {
    const oldest = recent[recent.length - MAX_SENDS_PER_WINDOW]!;
    return { allowed: false, retryAt: new Date(oldest + SEND_WINDOW_SECONDS * 1000), reason: 'too_many' };
  }
  if (last !== undefined && t - last < MIN_SECONDS_BETWEEN_SENDS * 1000) {
    return { allowed: false, retryAt: new Date(last + MIN_SECONDS_BETWEEN_SENDS * 1000), reason: 'too_soon' };
  }
  return { allowed: true, sendsLeft: MAX_SENDS_PER_WINDOW - recent.length };
}

/** How long the family must wait, rounded up: seconds under a minute, then whole minutes (said by locale). */
export function waitAmount(retryAt: Date, now: Date): { unit: 'seconds' | 'minutes'; n: number } {
  const s = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  return s < 60 ? { unit: 'seconds', n: s } : { unit: 'minutes', n: Math.ceil(s / 60) };
}
