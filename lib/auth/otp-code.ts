import 'server-only';
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { OTP_LENGTH } from '@/lib/domain/otp';

/** 6 digits from the CSPRNG; leading zeros kept. */
export function generateOtp(): string {
  return String(randomInt(0, 10 ** OTP_LENGTH)).padStart(OTP_LENGTH, '0');
}

/**
 * Stored form "v1$<salt>$<hmac>": HMAC-SHA-256 keyed with a per-code random salt over the code id
 * and the code, so the same digits never hash alike twice and a leaked table row cannot be
 * replayed against another code. (A 6-digit code can be brute-forced offline from any hash;
 * what protects it is the 180 s life and the attempt limits.)
 */
export function hashOtp(otpId: string, code: string): string {
  const salt = randomBytes(16).toString('hex');
  return `v1$${salt}$${mac(salt, otpId, code)}`;
}

export function verifyOtp(stored: string, otpId: string, code: string): boolean {
  const [v, salt, expected] = stored.split('$');
  if (v !== 'v1' || !salt || !expected) return false;
  const a = Buffer.from(mac(salt, otpId, code), 'hex');
  const b = Buffer.from(expected, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

function mac(salt: string, otpId: string, code: string): string {
  return createHmac('sha256', Buffer.from(salt, 'hex')).update(`${otpId}:${code}`).digest('hex');
}
