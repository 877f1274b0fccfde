import { createHash, randomBytes } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
// Crockford-like alphabet without 0/O and 1/I/L, so a code copied on paper reads back unambiguously.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 24;

/** 24 characters from 31 symbols ≈ 119 bits: enough to store a plain SHA-256 of it (ASVS 6.5.2: ≥ 112 bits). */
export function newRecoveryCode(): string {
  const out: string[] = [];
  while (out.length < LENGTH) {
    for (const b of randomBytes(32)) {
      // Rejection sampling keeps every symbol equally likely.
      if (b < 248 && out.length < LENGTH) out.push(ALPHABET[b % 31]!);
    }
  }
  return out.join('').replace(/(.{4})(?=.)/g, '$1-');
}

export function normalizeRecoveryCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

export function looksLikeRecoveryCode(input: string): boolean {
  return normalizeRecoveryCode(input).length === LENGTH;
}

export function hashRecoveryCode(input: string): string {
  return createHash('sha256').update(normalizeRecoveryCode(input), 'utf8').digest('hex');
}
