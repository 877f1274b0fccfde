import * as z from 'zod/mini';
import { BANDS, type Band } from '@/lib/domain/bands';
import { parseEuro } from '@/lib/domain/money';

/**
 * The field rules of the family's two PES forms, in `zod/mini`: the forms check with them in the browser
 * (without shipping zod's full build, P5) and the actions' `.strict()` schemas are built from the same
 * objects (babysitting.ts, summer.ts), so a value the form accepts is a value the action accepts.
 */
const uuid = z.uuid({ message: 'Identificativo non valido.' });

const digitsHours = (message: string) =>
  z.pipe(z.string({ message }).check(z.trim(), z.regex(/^\d{1,5}$/, message)), z.transform(Number));

// Digits only (a string, as the form sends it): `true`, `["5"]`, `1e3` or `5.0` are refused, not coerced.
export const babysittingPesFields = {
  childIds: z.array(uuid).check(z.minLength(1, 'Seleziona almeno un minore.'), z.maxLength(10)),
  providerId: z.union([uuid, z.literal('')]).check(z.refine((v) => v !== '', 'Scegli il soggetto erogatore.')),
  hours: digitsHours('Ore complessive: inserisci un numero intero di ore, ad esempio 40.').check(
    z.refine((n) => n >= 1, 'Inserisci almeno 1 ora.'),
  ),
};

/** The new-PES form's own fields: the family's form checks them with the same rules as the action. */
export const babysittingPesFieldsSchema = z.object(babysittingPesFields);

const amountField = z.pipe(
  z.string({ message: 'Inserisci la quota richiesta in euro, ad esempio 500,00.' }).check(z.maxLength(32)),
  z.transform((s: string, ctx) => {
    const r = parseEuro(s);
    if (r.ok && r.cents > 0) return r.cents as number;
    ctx.issues.push({
      code: 'custom',
      message: r.ok ? 'La quota richiesta deve essere maggiore di zero.' : r.message,
      input: s,
    });
    return z.NEVER;
  }),
);

export const summerRowShape = {
  /** Set for a summer PES already saved; absent for one added on the page. */
  id: z.optional(uuid),
  childId: uuid,
  band: z.enum(BANDS as [Band, ...Band[]], { message: 'Scegli la fascia del servizio.' }),
  providerId: z.pipe(z.string().check(z.refine((v) => v !== '', 'Scegli il soggetto erogatore.')), uuid),
  amount: amountField,
  hours: z
    .pipe(
      z
        .string({ message: 'Inserisci le ore complessive del servizio, un numero intero.' })
        .check(
          z.trim(),
          z.regex(/^\d{1,5}$/, 'Inserisci le ore complessive del servizio come numero intero, ad esempio 40.'),
        ),
      z.transform(Number),
    )
    .check(z.refine((n) => n >= 1, 'Le ore complessive devono essere almeno 1.')),
};

export const SUMMER_MAX_PES = 40;
const tooMany = `Al massimo ${SUMMER_MAX_PES} P.E.S. per pagina.`;

export const summerPageShape = {
  voucherId: uuid,
  /** "refresh" is Aggiorna (recompute only); "save" is conferma i dati e prosegui. */
  intent: z.enum(['save', 'refresh']),
  /** Saved PES the family cancelled on the page (Cancella questo P.E.S.). PES not named stay as they are. */
  removed: z.optional(z.array(uuid).check(z.maxLength(40))),
};

/** What the summer form checks in the browser: its rows and the PES cancelled on the page. */
export const summerRowsSchema = z.object({
  pes: z.array(z.object(summerRowShape)).check(z.maxLength(SUMMER_MAX_PES, tooMany)),
  removed: summerPageShape.removed,
});

export const summerRowsStrict = z.array(z.strictObject(summerRowShape)).check(z.maxLength(SUMMER_MAX_PES, tooMany));
