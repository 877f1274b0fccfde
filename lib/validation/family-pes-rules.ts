import { BANDS } from '@/lib/domain/bands';
import rules from '@/messages/it/FamilyPesRules.json';
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

export type RuleKey = keyof typeof rules;
export type RuleMessages = Record<RuleKey, string>;
const LIMITS: Partial<Record<RuleKey, number>> = {
  tooManyChildren: MAX_CHILDREN,
  tooManyPes: SUMMER_MAX_PES,
  tooManyRemoved: SUMMER_MAX_PES,
};

/**
 * The messages with their limits filled in, in the words `say` gives (namespace FamilyPesRules of a
 * catalogue). The forms pass their reader's catalogue; the actions' zod schemas carry the Italian ones (MSG),
 * which lib/i18n/localize-failure.ts turns into the family's language.
 */
export function ruleMessages(say: (key: RuleKey, values: { max: number }) => string): RuleMessages {
  const out = {} as RuleMessages;
  for (const k of Object.keys(rules) as RuleKey[]) out[k] = say(k, { max: LIMITS[k] ?? 0 });
  return out;
}

export const MSG = ruleMessages((k, v) => rules[k].replace('{max}', String(v.max)));

/** Dotted path (`hours`, `pes.0.amount`) → the first message for it. */
export type FieldErrors = Record<string, string>;

const isId = (v: unknown) => typeof v === 'string' && UUID.test(v);

function ids(
  errors: FieldErrors,
  path: string,
  v: unknown,
  max: number,
  [tooMany, invalid]: [string, string],
  min?: [number, string],
) {
  if (!Array.isArray(v)) return void (errors[path] = min?.[1] ?? invalid);
  v.forEach((x, i) => {
    if (!isId(x)) errors[`${path}.${i}`] ??= invalid;
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

function provider(errors: FieldErrors, path: string, v: unknown, msg: RuleMessages) {
  if (v === '') errors[path] = msg.provider;
  else if (!isId(v)) errors[path] = msg.id;
}

/** The new babysitting PES form's fields (children, provider, hours), in the words of `msg`. */
export function babysittingFieldErrors(
  v: { childIds?: unknown; providerId?: unknown; hours?: unknown },
  msg: RuleMessages = MSG,
): FieldErrors {
  const e: FieldErrors = {};
  ids(e, 'childIds', v.childIds, MAX_CHILDREN, [msg.tooManyChildren, msg.id], [1, msg.noChild]);
  provider(e, 'providerId', v.providerId, msg);
  hours(e, 'hours', v.hours, msg.babysittingHours, msg.babysittingHours, msg.babysittingHoursMin);
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
    provider(e, at('providerId'), r.providerId, MSG);
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
  if (v.removed !== undefined) ids(e, 'removed', v.removed, SUMMER_MAX_PES, [MSG.tooManyRemoved, MSG.id]);
  return e;
}
