import * as z from 'zod/mini';
import { BANDS, type Band } from '@/lib/domain/bands';
import { parseEuro } from '@/lib/domain/money';
import { DIGITS_HOURS, MAX_AMOUNT_LENGTH, MAX_CHILDREN, MSG, SUMMER_MAX_PES, UUID } from './family-pes-rules';

/**
 * The actions' field rules for the family's two PES forms, written with the patterns, limits and messages of
 * family-pes-rules.ts, which the forms check with in the browser (no zod there). The `.strict()` action
 * schemas (babysitting.ts, summer.ts) are built from these objects.
 */
const uuid = z.string({ message: MSG.id }).check(z.regex(UUID, MSG.id));

const providerField = z.string({ message: MSG.id }).check(
  z.refine((v) => v !== '', { message: MSG.provider, abort: true }),
  z.regex(UUID, MSG.id),
);

const hoursField = (missing: string, format: string, min: string) =>
  z
    .pipe(z.string({ message: missing }).check(z.trim(), z.regex(DIGITS_HOURS, format)), z.transform(Number))
    .check(z.refine((n) => n >= 1, min));

// Digits only (a string, as the form sends it): `true`, `["5"]`, `1e3` or `5.0` are refused, not coerced.
export const babysittingPesFields = {
  childIds: z
    .array(uuid, { message: MSG.noChild })
    .check(z.minLength(1, MSG.noChild), z.maxLength(MAX_CHILDREN, MSG.tooManyChildren)),
  providerId: providerField,
  hours: hoursField(MSG.babysittingHours, MSG.babysittingHours, MSG.babysittingHoursMin),
};

export const babysittingPesFieldsSchema = z.object(babysittingPesFields);

const amountField = z.pipe(
  z.string({ message: MSG.amount }).check(z.maxLength(MAX_AMOUNT_LENGTH, MSG.amountTooLong)),
  z.transform((s: string, ctx) => {
    const r = parseEuro(s);
    if (r.ok && r.cents > 0) return r.cents as number;
    ctx.issues.push({ code: 'custom', message: r.ok ? MSG.amountPositive : r.message, input: s });
    return z.NEVER;
  }),
);

export const summerRowShape = {
  /** Set for a summer PES already saved; absent for one added on the page. */
  id: z.optional(uuid),
  childId: uuid,
  band: z.enum(BANDS as [Band, ...Band[]], { message: MSG.band }),
  providerId: providerField,
  amount: amountField,
  hours: hoursField(MSG.summerHoursMissing, MSG.summerHours, MSG.summerHoursMin),
};

export const summerPageShape = {
  voucherId: uuid,
  /** "refresh" is Aggiorna (recompute only); "save" is conferma i dati e prosegui. */
  intent: z.enum(['save', 'refresh']),
  /** Saved PES the family cancelled on the page (Cancella questo P.E.S.). PES not named stay as they are. */
  removed: z.optional(z.array(uuid, { message: MSG.id }).check(z.maxLength(SUMMER_MAX_PES, MSG.tooManyRemoved))),
};

export const summerRowsStrict = z
  .array(z.strictObject(summerRowShape))
  .check(z.maxLength(SUMMER_MAX_PES, MSG.tooManyPes));
