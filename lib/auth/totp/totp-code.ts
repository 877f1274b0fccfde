import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

/** RFC 6238 defaults every authenticator app understands: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD = 30;
/** One step either side absorbs a phone clock a little off and the time spent typing. */
const TOLERANCE_SECONDS = TOTP_PERIOD;
export const TOTP_ISSUER = 'Buoni di servizio PAT';

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: account, secret });
}

export function totpStep(epochSeconds: number): number {
  return Math.floor(epochSeconds / TOTP_PERIOD);
}

/** For tests and the enrolment check: the code an authenticator shows at that instant. */
export function totpCodeAt(secret: string, epochSeconds: number): string {
  return generateSync({ secret, epoch: epochSeconds });
}

export function normalizeTotpInput(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'malformed' | 'wrong' | 'replayed' };

/**
 * Accepts the code of the current step or of the one before or after. A step at or before the last one
 * used is refused even when the code is right: a code works once (ASVS 6.5.1).
 */
export function checkTotp(secret: string, input: string, epochSeconds: number, lastUsedStep: number | null): TotpCheck {
  const token = normalizeTotpInput(input);
  if (!/^\d{6}$/.test(token)) return { ok: false, reason: 'malformed' };
  const r = verifySync({ secret, token, epoch: epochSeconds, epochTolerance: TOLERANCE_SECONDS });
  if (!r.valid) return { ok: false, reason: 'wrong' };
  const step = totpStep(epochSeconds) + r.delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return { ok: false, reason: 'replayed' };
  return { ok: true, step };
}
