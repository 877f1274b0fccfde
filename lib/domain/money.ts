import type { Locale } from './locale';

/**
 * Money is integer euro cents everywhere; strings exist only at the edges
 * (form input, display). Floats would drift when many small sums are added.
 */
export type Cents = number & { readonly __brand: 'Cents' };

/** 10 000 000,00 €: far above any voucher, so a larger value is a typing mistake. */
export const MAX_INPUT_CENTS = 1_000_000_000;

export function toCents(n: number): Cents {
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`Not an integer amount of cents: ${n}`);
  }
  return n as Cents;
}

export function sumCents(values: readonly number[]): Cents {
  let total = 0;
  for (const v of values) total += toCents(v);
  return toCents(total);
}

export type ParseEuroResult = { ok: true; cents: Cents } | { ok: false; message: string };

const EXAMPLE = 'ad esempio 1.234,56';
const MSG_FORMAT = `Inserisci un importo in euro, ${EXAMPLE}: usa la virgola per i centesimi e il punto solo per le migliaia.`;
const MSG_EMPTY = `Inserisci un importo in euro, ${EXAMPLE}.`;
const MSG_NEGATIVE = `L'importo non può essere negativo: inserisci un valore in euro, ${EXAMPLE}.`;
const MSG_DECIMALS = `Indica al massimo due cifre decimali (i centesimi), ${EXAMPLE}.`;
const MSG_TOO_LARGE = "L'importo non può superare 10.000.000,00 €: controlla di averlo scritto correttamente.";

// Italian form: optional dot thousands groups, comma before the cents.
const ITALIAN = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;
// Plain form as typed on many keyboards: a single dot before the cents, no grouping.
const PLAIN = /^(\d+)\.(\d{1,2})$/;
// Plain form with too many decimals, recognised only to give the right message.
const PLAIN_TOO_PRECISE = /^\d+\.\d{4,}$/;

export function parseEuro(input: string): ParseEuroResult {
  // trim() also strips the no-break spaces Intl puts before "€", so pasted values work.
  const trimmed = input.trim();
  // One euro sign, before or after the number; "€ 5 €" is a typing mistake.
  const s = (trimmed.startsWith('€') ? trimmed.slice(1) : trimmed.replace(/\s*€$/, '')).trim();
  if (s === '') return { ok: false, message: MSG_EMPTY };
  if (/^[-−]/.test(s)) return { ok: false, message: MSG_NEGATIVE };

  let intPart: string;
  let fracPart: string;
  const plain = PLAIN.exec(s);
  const italian = plain ? null : ITALIAN.exec(s);
  if (plain) {
    intPart = plain[1] ?? '';
    fracPart = plain[2] ?? '';
  } else if (italian) {
    // "1.234" matches here on purpose: in Italian the dot groups thousands.
    intPart = (italian[1] ?? '').replaceAll('.', '');
    fracPart = italian[2] ?? '';
    if (fracPart.length > 2) return { ok: false, message: MSG_DECIMALS };
  } else {
    return { ok: false, message: PLAIN_TOO_PRECISE.test(s) ? MSG_DECIMALS : MSG_FORMAT };
  }

  // Checked on the digit string so huge inputs never reach floating point.
  const significant = intPart.replace(/^0+(?=\d)/, '');
  if (significant.length > 8) return { ok: false, message: MSG_TOO_LARGE };
  const cents = Number(significant) * 100 + Number(fracPart.padEnd(2, '0'));
  if (cents > MAX_INPUT_CENTS) return { ok: false, message: MSG_TOO_LARGE };
  return { ok: true, cents: toCents(cents) };
}

// useGrouping 'always': the it-IT default omits the dot below 10 000 ("3282,45 €").
const CURRENCY = new Intl.NumberFormat('it-IT', {
  style: 'currency',
  currency: 'EUR',
  useGrouping: 'always',
});
const PLAIN_FORMAT = new Intl.NumberFormat('it-IT', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  useGrouping: 'always',
});

/** 328245 → "3.282,45 €" (with the no-break space Intl uses before the symbol). */
export function formatEuro(c: number): string {
  return CURRENCY.format(toCents(c) / 100);
}

/** 328245 → "3.282,45": the form parseEuro reads back, for prefilled input fields. */
export function formatEuroPlain(c: number): string {
  return PLAIN_FORMAT.format(toCents(c) / 100);
}

const CURRENCY_BY_LOCALE: Record<Locale, Intl.NumberFormat> = {
  it: CURRENCY,
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR', useGrouping: 'always' }),
};
const PLAIN_BY_LOCALE: Record<Locale, Intl.NumberFormat> = {
  it: PLAIN_FORMAT,
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: 'always' }),
};

/** 328245 → "3.282,45 €" (it, as formatEuro) or "€3,282.45" (en). */
export function formatMoney(c: number, locale: Locale): string {
  return CURRENCY_BY_LOCALE[locale].format(toCents(c) / 100);
}

/** 328245 → "3.282,45" (it) or "3,282.45" (en): what parseMoneyInput reads back in that locale. */
export function formatMoneyPlain(c: number, locale: Locale): string {
  return PLAIN_BY_LOCALE[locale].format(toCents(c) / 100);
}

/** Why an amount was refused; the words live in the message catalogue (Money.*), in the family's language. */
export type MoneyInputError = 'empty' | 'negative' | 'format' | 'decimals' | 'too_large' | 'ambiguous';
export type ParseMoneyResult = { ok: true; cents: Cents } | { ok: false; error: MoneyInputError };

const SEPARATORS: Record<Locale, { group: string; decimal: string }> = {
  it: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

function escape(c: string): string {
  return c === '.' ? '\\.' : c;
}

/**
 * What a person of `locale` types: "1.032,45" (it) or "1,032.45" (en), with or without grouping, and the
 * plain "1032.45" / "1032,45" in either language, since a lone separator before one or two digits can only
 * be the decimal one. A value two readers would read differently is refused, never guessed: "1.032" and
 * "1,032" are a thousand and thirty-two euro to one and one euro and three cents to the other.
 */
export function parseMoneyInput(input: string, locale: Locale): ParseMoneyResult {
  if (input.length > 64) return { ok: false, error: 'format' };
  const trimmed = input.trim();
  const s = (trimmed.startsWith('€') ? trimmed.slice(1) : trimmed.replace(/\s*€$/, '')).trim();
  if (s === '') return { ok: false, error: 'empty' };
  if (/^[-−]/.test(s)) return { ok: false, error: 'negative' };

  const { group, decimal } = SEPARATORS[locale];
  const g = escape(group);
  const d = escape(decimal);
  // One separator followed by exactly three digits after at most three: grouping to one, decimals to the other.
  if (/^\d{1,3}[.,]\d{3}$/.test(s)) return { ok: false, error: 'ambiguous' };

  let intPart: string;
  let fracPart = '';
  const local = new RegExp(`^(\\d{1,3}(?:${g}\\d{3})+|\\d+)(?:${d}(\\d+))?$`).exec(s);
  const plain = local ? null : /^(\d+)[.,](\d+)$/.exec(s);
  if (local) {
    intPart = (local[1] ?? '').replaceAll(group, '');
    fracPart = local[2] ?? '';
  } else if (plain) {
    intPart = plain[1] ?? '';
    fracPart = plain[2] ?? '';
  } else {
    return { ok: false, error: 'format' };
  }
  if (fracPart.length > 2) return { ok: false, error: 'decimals' };

  const significant = intPart.replace(/^0+(?=\d)/, '');
  if (significant.length > 8) return { ok: false, error: 'too_large' };
  const cents = Number(significant) * 100 + Number(fracPart.padEnd(2, '0'));
  if (cents > MAX_INPUT_CENTS) return { ok: false, error: 'too_large' };
  return { ok: true, cents: toCents(cents) };
}
