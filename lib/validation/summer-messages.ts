import type { Locale } from '@/lib/domain/locale';
import { parseMoneyInput, type MoneyInputError } from '@/lib/domain/money';
import { MAX_AMOUNT_LENGTH, MSG, SUMMER_MAX_PES, summerRowsErrors } from './family-pes-rules';

/**
 * The summer page's field messages as catalogue references, so the form and the action say them in the
 * family's language: `money:<error>` for an amount parseMoneyInput refused (catalogue Money.*), and the
 * shared rules' Italian messages (family-pes-rules.ts MSG) by their key (SummerPes.rules.*). No zod here:
 * the form imports it (quality P5).
 */
export type SummerFieldMessage =
  | { ns: 'Money'; key: MoneyInputError; value: string }
  | { ns: 'SummerPes'; key: `rules.${SummerRuleKey}`; values?: { max: number } }
  | { ns: null; text: string };

export type SummerRuleKey =
  | 'id'
  | 'provider'
  | 'amount'
  | 'amountTooLong'
  | 'amountPositive'
  | 'band'
  | 'summerHoursMissing'
  | 'summerHours'
  | 'summerHoursMin'
  | 'tooManyPes'
  | 'tooManyRemoved';

const RULE_OF_MESSAGE = new Map<string, SummerRuleKey>(
  (
    [
      'id',
      'provider',
      'amount',
      'amountTooLong',
      'amountPositive',
      'band',
      'summerHoursMissing',
      'summerHours',
      'summerHoursMin',
      'tooManyPes',
      'tooManyRemoved',
    ] as const
  ).map((k) => [MSG[k], k]),
);
const MONEY_ERRORS = new Set<string>(['empty', 'negative', 'format', 'decimals', 'too_large', 'ambiguous']);

/** The message code an amount gets on the summer page, read the way `locale` writes money; null when fine. */
export function summerAmountCode(value: unknown, locale: Locale): string | null {
  if (typeof value !== 'string') return MSG.amount;
  if (value.length > MAX_AMOUNT_LENGTH) return MSG.amountTooLong;
  const r = parseMoneyInput(value, locale);
  if (!r.ok) return `money:${r.error}`;
  return r.cents > 0 ? null : MSG.amountPositive;
}

/** The browser's check of the summer rows: the shared rules, with each amount read the family's way. */
export function summerRowsCodes(v: { pes?: unknown; removed?: unknown }, locale: Locale): Record<string, string> {
  const errors = summerRowsErrors(v);
  const rows = Array.isArray(v.pes) ? (v.pes as Record<string, unknown>[]) : [];
  rows.forEach((r, i) => {
    const code = summerAmountCode(r.amount, locale);
    if (code) errors[`pes.${i}.amount`] = code;
    else delete errors[`pes.${i}.amount`];
  });
  return errors;
}

/** What a field message refers to; `value` is what the family typed in that field (for the money messages). */
export function summerFieldMessage(message: string, value: unknown): SummerFieldMessage {
  const money = /^money:(.+)$/.exec(message)?.[1];
  if (money && MONEY_ERRORS.has(money))
    return { ns: 'Money', key: money as MoneyInputError, value: typeof value === 'string' ? value : '' };
  const rule = RULE_OF_MESSAGE.get(message);
  if (rule === 'tooManyPes' || rule === 'tooManyRemoved')
    return { ns: 'SummerPes', key: `rules.${rule}`, values: { max: SUMMER_MAX_PES } };
  if (rule) return { ns: 'SummerPes', key: `rules.${rule}` };
  return { ns: null, text: message };
}

/** The value typed at a dotted path of the posted page (`pes.2.amount`). */
export function valueAt(values: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], values);
}
