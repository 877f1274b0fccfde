import { z } from 'zod';
import * as zm from 'zod/mini';
import type { Locale } from '@/lib/domain/locale';
import { parseMoneyInput } from '@/lib/domain/money';
import { summerPageShape, summerRowShape } from './family-pes-fields';
import { SUMMER_MAX_PES, MSG } from './family-pes-rules';
import { idSchema } from './ids';
import { summerAmountCode } from './summer-messages';

/**
 * The amount as the family typed it, read the way its language writes money ("1.032,45" / "1,032.45"; an
 * ambiguous "1.032" refused). The issue's message is a code (summer-messages.ts) the action says in the
 * family's language.
 */
const amountFieldIn = (locale: Locale) =>
  zm.pipe(
    zm.string({ message: MSG.amount }),
    zm.transform((s: string, ctx) => {
      const r = parseMoneyInput(s, locale);
      const code = summerAmountCode(s, locale);
      if (r.ok && code === null) return r.cents as number;
      ctx.issues.push({ code: 'custom', message: code ?? MSG.amount, input: s });
      return zm.NEVER;
    }),
  );

const schemas = new Map<Locale, ReturnType<typeof build>>();
const build = (locale: Locale) =>
  z
    .object({
      ...summerPageShape,
      pes: zm
        .array(zm.strictObject({ ...summerRowShape, amount: amountFieldIn(locale) }))
        .check(zm.maxLength(SUMMER_MAX_PES, MSG.tooManyPes)),
    })
    .strict();

/**
 * RICHIESTA P.E.S. SERVIZI ESTIVI: the form checks its rows with `summerRowsCodes` (summer-messages.ts, no
 * zod); the action parses with the same rules, `.strict()` at every level, for the family's locale.
 */
export function saveSummerPesSchemaFor(locale: Locale) {
  let s = schemas.get(locale);
  if (!s) schemas.set(locale, (s = build(locale)));
  return s;
}

/** The Italian reading, as before issue 21 (tests and callers without a family's locale). */
export const saveSummerPesSchema = saveSummerPesSchemaFor('it');

export type SummerPesFormInput = z.input<ReturnType<typeof build>>;
export type SummerPesRowInput = SummerPesFormInput['pes'][number];
export type SaveSummerPes = z.output<ReturnType<typeof build>>;

export const summerValidationSchema = z.object({ voucherId: idSchema }).strict();
export const summerDocumentSchema = z.object({ voucherId: idSchema, pesId: idSchema }).strict();
