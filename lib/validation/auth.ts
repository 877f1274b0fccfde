import { z } from 'zod';
import { isValidCodiceFiscale, normalizeCodiceFiscale } from '@/lib/domain/codice-fiscale';

// Field messages are keys of the PasswordReset catalogue's `errors` (messages/it/PasswordReset.json): the action
// says them in the reader's language (lib/actions/auth/password-reset-errors.ts).
const codiceFiscale = z
  .string()
  .trim()
  .min(1, 'codiceFiscaleMissing')
  .max(32, 'codiceFiscaleLength')
  .transform(normalizeCodiceFiscale)
  .refine(isValidCodiceFiscale, 'codiceFiscaleInvalid');

export const loginSchema = z
  .object({
    codiceFiscale: z.string().trim().min(1).max(32),
    password: z.string().min(1).max(256),
    // Staff second step: the 6-digit code of the authenticator app or a recovery code.
    totp: z.string().trim().max(64).optional(),
  })
  .strict();

export const passwordResetRequestSchema = z
  .object({
    givenName: z.string().trim().min(1, 'givenNameMissing').max(100),
    familyName: z.string().trim().min(1, 'familyNameMissing').max(100),
    codiceFiscale,
  })
  .strict();

export const newPasswordSchema = z
  .object({
    token: z.string().trim().min(20, 'tokenShort').max(200, 'tokenLong'),
    password: z.string().max(512),
    confirm: z.string().max(512),
  })
  .strict()
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'mismatch' });
