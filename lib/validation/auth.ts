import { z } from 'zod';
import { isValidCodiceFiscale, normalizeCodiceFiscale } from '@/lib/domain/codice-fiscale';

const codiceFiscale = z
  .string()
  .trim()
  .min(1, 'Inserisci il codice fiscale.')
  .max(32, 'Il codice fiscale ha 16 caratteri.')
  .transform(normalizeCodiceFiscale)
  .refine(
    isValidCodiceFiscale,
    'Il codice fiscale non è valido: controlla i 16 caratteri, l’ultimo è un carattere di controllo.',
  );

export const loginSchema = z
  .object({
    codiceFiscale: z.string().trim().min(1, 'Inserisci il codice fiscale.').max(32),
    password: z.string().min(1, 'Inserisci la password.').max(256),
    // Staff second step: the 6-digit code of the authenticator app or a recovery code.
    totp: z.string().trim().max(64).optional(),
  })
  .strict();

export const passwordResetRequestSchema = z
  .object({
    givenName: z.string().trim().min(1, 'Inserisci il nome.').max(100),
    familyName: z.string().trim().min(1, 'Inserisci il cognome.').max(100),
    codiceFiscale,
  })
  .strict();

export const newPasswordSchema = z
  .object({
    token: z
      .string()
      .trim()
      .min(20, 'Il codice del collegamento è incompleto: incolla tutta la parte dell’indirizzo dopo «#token=».')
      .max(200, 'Il codice del collegamento è troppo lungo: incolla solo la parte dell’indirizzo dopo «#token=».'),
    password: z.string().max(512),
    confirm: z.string().max(512),
  })
  .strict()
  .refine((v) => v.password === v.confirm, {
    path: ['confirm'],
    message: 'Le due password non coincidono: riscrivile uguali.',
  });
