import { z } from 'zod';
import { parseLocalFeasts } from '@/lib/domain/local-feasts';
import { MAX_TERM_DAYS, MIN_TERM_DAYS } from '@/lib/domain/terms';
import { isValidCodiceFiscale, normalizeCodiceFiscale } from '@/lib/domain/codice-fiscale';
import { parseIsoDate } from '@/lib/domain/dates';
import { parseEuro } from '@/lib/domain/money';
import { parsePercent } from '@/lib/domain/percent';
import { isValidOrganisationTaxCode, normalizeTaxCode } from '@/lib/domain/tax-code';
import { idSchema } from './ids';

export const MEASURES = ['babysitting_covid', 'summer_covid'] as const;
export const BANDS = ['A', 'B', 'C'] as const;

const isoDate = (label: string) =>
  z
    .string()
    .trim()
    .refine((s) => {
      try {
        parseIsoDate(s);
        return true;
      } catch {
        return false;
      }
    }, `${label}: inserisci una data valida (gg/mm/aaaa).`);
const optionalIsoDate = (label: string) =>
  z
    .union([z.literal(''), isoDate(label)])
    .optional()
    .transform((s) => s || null);
const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.literal('')])
  .optional()
  .transform((v) => v === 'on' || v === 'true');
const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email('Inserisci un indirizzo e-mail valido, ad esempio nome@ente.it.'));

const membershipFields = {
  babysittingJoined: checkbox,
  babysittingFrom: optionalIsoDate('Adesione babysitting dal'),
  babysittingUntil: optionalIsoDate('Babysitting non più offerto dal'),
  summerJoined: checkbox,
  summerFrom: optionalIsoDate('Adesione servizi estivi dal'),
  summerUntil: optionalIsoDate('Servizi estivi non più offerti dal'),
};
const PREFIX = { babysitting_covid: 'babysitting', summer_covid: 'summer' } as const;

export const providerSchema = z
  .object({
    providerId: idSchema.optional(),
    name: z.string().trim().min(2, 'Inserisci la denominazione dell’ente.').max(200),
    taxCode: z
      .string()
      .trim()
      .max(20)
      .transform(normalizeTaxCode)
      .refine(
        isValidOrganisationTaxCode,
        'Codice fiscale o partita IVA non valido: controlla le 11 cifre (o i 16 caratteri), l’ultima è di controllo.',
      ),
    email,
    bands: z.array(z.enum(BANDS, 'Fascia non valida.')).min(1, 'Scegli almeno una fascia di servizio offerta.').max(3),
    ...membershipFields,
  })
  .strict()
  .superRefine((v, ctx) => {
    for (const m of MEASURES) {
      const p = PREFIX[m];
      const from = v[`${p}From`];
      const until = v[`${p}Until`];
      if (v[`${p}Joined`] && !from)
        ctx.addIssue({ code: 'custom', path: [`${p}From`], message: 'Indica da quando l’ente aderisce alla misura.' });
      if (from && until && until < from)
        ctx.addIssue({
          code: 'custom',
          path: [`${p}Until`],
          message: 'La data di uscita non può precedere quella di adesione.',
        });
    }
  })
  .transform(
    ({ babysittingJoined, babysittingFrom, babysittingUntil, summerJoined, summerFrom, summerUntil, ...rest }) => ({
      ...rest,
      bands: [...new Set(rest.bands)].sort(),
      memberships: [
        {
          measure: 'babysitting_covid' as const,
          joined: babysittingJoined,
          joinedOn: babysittingFrom,
          leftOn: babysittingUntil,
        },
        { measure: 'summer_covid' as const, joined: summerJoined, joinedOn: summerFrom, leftOn: summerUntil },
      ],
    }),
  );
export type ProviderInput = z.output<typeof providerSchema>;

export const staffUserSchema = z
  .object({
    role: z.enum(['provider', 'office'], 'Scegli il tipo di utente.'),
    providerId: z
      .union([z.literal(''), idSchema])
      .optional()
      .transform((v) => v || null),
    codiceFiscale: z
      .string()
      .trim()
      .max(32)
      .transform(normalizeCodiceFiscale)
      .refine(
        isValidCodiceFiscale,
        'Il codice fiscale non è valido: controlla i 16 caratteri, l’ultimo è un carattere di controllo.',
      ),
    givenName: z.string().trim().min(1, 'Inserisci il nome.').max(100),
    familyName: z.string().trim().min(1, 'Inserisci il cognome.').max(100),
    email,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.role === 'provider' && !v.providerId)
      ctx.addIssue({ code: 'custom', path: ['providerId'], message: 'Scegli il soggetto erogatore per cui lavora.' });
  })
  .transform((v) => ({ ...v, providerId: v.role === 'provider' ? v.providerId : null }));

export const userIdSchema = z.object({ userId: idSchema }).strict();
export const setUserActiveSchema = z
  .object({ userId: idSchema, active: z.enum(['true', 'false']).transform((v) => v === 'true') })
  .strict();

const euro = (label: string, required: boolean) =>
  z
    .string()
    .trim()
    .max(32)
    .transform((s, ctx) => {
      if (!s) {
        if (required)
          ctx.addIssue({ code: 'custom', message: `${label}: inserisci un importo in euro, ad esempio 20,00.` });
        return null;
      }
      const r = parseEuro(s);
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: `${label}: ${r.message}` });
        return z.NEVER;
      }
      return r.cents as number;
    });

/** A term in whole days, 1 to 365 (issue 19): the field's message names the term. */
const termDays = (label: string) =>
  z
    .string()
    .max(16)
    .transform((s, ctx) => {
      const t = s.trim();
      const n = /^\d{1,3}$/.test(t) ? Number(t) : NaN;
      if (!Number.isInteger(n) || n < MIN_TERM_DAYS || n > MAX_TERM_DAYS) {
        ctx.addIssue({
          code: 'custom',
          message: `${label}: scrivi un numero intero di giorni da ${MIN_TERM_DAYS} a ${MAX_TERM_DAYS}.`,
        });
        return z.NEVER;
      }
      return n;
    });

export const measureParametersSchema = z
  .object({
    measure: z.enum(MEASURES),
    intent: z.enum(['preview', 'save']).default('save'),
    opensOn: isoDate('Apertura'),
    closesOn: isoDate('Chiusura'),
    hourlyCapOneChild: z.string().max(32).default(''),
    hourlyCapMultiChild: z.string().max(32).default(''),
    copayPercent: z
      .string()
      .max(16)
      .transform((s, ctx) => {
        const r = parsePercent(s);
        if (!r.ok) {
          ctx.addIssue({ code: 'custom', message: r.message });
          return z.NEVER;
        }
        return r.basisPoints;
      }),
    closeTermWorkingDays: termDays('Giorni lavorativi per chiudere un PES'),
    validateTermWorkingDays: termDays('Giorni lavorativi per validare un nuovo PES'),
    decisionTermDays: termDays('Giorni per la decisione dell’ufficio'),
    integrationTermDays: termDays('Giorni per rispondere a una richiesta di integrazione'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.opensOn && v.closesOn && v.closesOn < v.opensOn)
      ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'La chiusura non può precedere l’apertura.' });
  })
  .transform((v, ctx) => {
    // Babysitting amounts are hours × covered rate, so its caps are required; summer PES are agreed in euro.
    const required = v.measure === 'babysitting_covid';
    const one = euro('Costo orario massimo, un minore', required).safeParse(v.hourlyCapOneChild);
    const multi = euro('Costo orario massimo, due o più minori', required).safeParse(v.hourlyCapMultiChild);
    if (!one.success)
      ctx.addIssue({ code: 'custom', path: ['hourlyCapOneChild'], message: one.error.issues[0]!.message });
    if (!multi.success)
      ctx.addIssue({ code: 'custom', path: ['hourlyCapMultiChild'], message: multi.error.issues[0]!.message });
    if (!one.success || !multi.success) return z.NEVER;
    return {
      measure: v.measure,
      intent: v.intent,
      opensOn: v.opensOn,
      closesOn: v.closesOn,
      hourlyCapOneChildCents: one.data,
      hourlyCapMultiChildCents: multi.data,
      copayBasisPoints: v.copayPercent,
      closeTermWorkingDays: v.closeTermWorkingDays,
      validateTermWorkingDays: v.validateTermWorkingDays,
      decisionTermDays: v.decisionTermDays,
      integrationTermDays: v.integrationTermDays,
    };
  });
export type MeasureParametersInput = z.output<typeof measureParametersSchema>;

/** The office's local feast days, one "GG/MM nome" a line (issue 19). */
export const localFeastsSchema = z
  .object({
    feasts: z
      .string()
      .max(4000, 'L’elenco è troppo lungo.')
      .default('')
      .transform((s, ctx) => {
        const r = parseLocalFeasts(s);
        if (!r.ok) {
          ctx.addIssue({ code: 'custom', message: r.message });
          return z.NEVER;
        }
        return r.feasts;
      }),
  })
  .strict();
export type LocalFeastsInput = z.output<typeof localFeastsSchema>;
