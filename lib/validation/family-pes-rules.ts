import { BANDS } from '@/lib/domain/bands';
import { parseEuro } from '@/lib/domain/money';

/**
 * The field rules of the family's two PES forms, without zod: the forms check with these functions in the
 * browser (P5: no zod in the family pages' bundles), and the actions' zod schemas (family-pes-fields.ts) are
 * written with the same patterns, limits and messages. A unit table checks that both give the same verdict
 * and the same first message per field.
 */
export const UUID =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
export const DIGITS_HOURS = /^\d{1,5}$/;
export const MAX_CHILDREN = 10;
export const SUMMER_MAX_PES = 40;
export const MAX_AMOUNT_LENGTH = 32;

export const MSG = {
  id: 'Identificativo non valido.',
  noChild: 'Seleziona almeno un minore.',
  tooManyChildren: `Al massimo ${MAX_CHILDREN} minori.`,
  provider: 'Scegli il soggetto erogatore.',
  babysittingHours: 'Ore complessive: inserisci un numero intero di ore, ad esempio 40.',
  babysittingHoursMin: 'Inserisci almeno 1 ora.',
  amount: 'Inserisci la quota richiesta in euro, ad esempio 500,00.',
  amountTooLong: 'La quota richiesta è troppo lunga: scrivila come 500,00.',
  amountPositive: 'La quota richiesta deve essere maggiore di zero.',
  band: 'Scegli la fascia del servizio.',
  summerHoursMissing: 'Inserisci le ore complessive del servizio, un numero intero.',
  summerHours: 'Inserisci le ore complessive del servizio come numero intero, ad esempio 40.',
  summerHoursMin: 'Le ore complessive devono essere almeno 1.',
  tooManyPes: `Al massimo ${SUMMER_MAX_PES} P.E.S. per pagina.`,
  tooManyRemoved: `Al massimo ${SUMMER_MAX_PES} P.E.S. cancellati per pagina.`,
} as const;

/** Dotted path (`hours`, `pes.0.amount`) → the first message for it. */
export type FieldErrors = Record<string, string>;

const isId = (v: unknown) => typeof v === 'string' && UUID.test(v);

function ids(errors: FieldErrors, path: string, v: unknown, max: number, tooMany: string, min?: [number, string]) {
  if (!Array.isArray(v)) return void (errors[path] = min?.[1] ?? MSG.id);
  v.forEach((x, i) => {
    if (!isId(x)) errors[`${path}.${i}`] ??= MSG.id;
  });
  if (min && v.length < min[0]) errors[path] ??= min[1];
  if (v.length > max) errors[path] ??= tooMany;
}

function hours(errors: FieldErrors, path: string, v: unknown, missing: string, format: string, min: string) {
  if (typeof v !== 'string') return void (errors[path] = missing);
  const t = v.trim();
  if (!DIGITS_HOURS.test(t)) errors[path] = format;
  else if (Number(t) < 1) errors[path] = min;
}

function provider(errors: FieldErrors, path: string, v: unknown) {
  if (v === '') errors[path] = MSG.provider;
  else if (!isId(v)) errors[path] = MSG.id;
}

/** The new babysitting PES form's fields (children, provider, hours). */
export function babysittingFieldErrors(v: { childIds?: unknown; providerId?: unknown; hours?: unknown }): FieldErrors {
  const e: FieldErrors = {};
  ids(e, 'childIds', v.childIds, MAX_CHILDREN, MSG.tooManyChildren, [1, MSG.noChild]);
  provider(e, 'providerId', v.providerId);
  hours(e, 'hours', v.hours, MSG.babysittingHours, MSG.babysittingHours, MSG.babysittingHoursMin);
  return e;
}

/** The summer form's rows and the saved PES cancelled on the page. */
export function summerRowsErrors(v: { pes?: unknown; removed?: unknown }): FieldErrors {
  const e: FieldErrors = {};
  const rows = Array.isArray(v.pes) ? (v.pes as Record<string, unknown>[]) : [];
  rows.forEach((r, i) => {
    const at = (k: string) => `pes.${i}.${k}`;
    if (r.id !== undefined && !isId(r.id)) e[at('id')] = MSG.id;
    if (!isId(r.childId)) e[at('childId')] = MSG.id;
    if (!(BANDS as readonly unknown[]).includes(r.band)) e[at('band')] = MSG.band;
    provider(e, at('providerId'), r.providerId);
    if (typeof r.amount !== 'string') e[at('amount')] = MSG.amount;
    else if (r.amount.length > MAX_AMOUNT_LENGTH) e[at('amount')] = MSG.amountTooLong;
    else {
      const p = parseEuro(r.amount);
      if (!p.ok) e[at('amount')] = p.message;
      else if (p.cents <= 0) e[at('amount')] = MSG.amountPositive;
    }
    hours(e, at('hours'), r.hours, MSG.summerHoursMissing, MSG.summerHours, MSG.summerHoursMin);
  });
  if (!Array.isArray(v.pes)) e.pes = MSG.tooManyPes;
  else if (rows.length > SUMMER_MAX_PES) e.pes ??= MSG.tooManyPes;
  if (v.removed !== undefined) ids(e, 'removed', v.removed, SUMMER_MAX_PES, MSG.tooManyRemoved);
  return e;
}
