import { parseIsoDate } from '@/lib/domain/dates';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const IT_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** "05/03/2020" or "2020-03-05" → "2020-03-05"; an impossible day (31/02) is refused, not rolled over. */
export function parseImportDate(input: string): Parsed<string> {
  const s = input.trim();
  const m = IT_DATE.exec(s);
  const iso = m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : s;
  try {
    parseIsoDate(iso);
    return { ok: true, value: iso };
  } catch {
    return { ok: false, message: `«${s}» non è una data valida: scrivila come GG/MM/AAAA, ad esempio 15/01/2020.` };
  }
}

const YES = new Set(['si', 'sì', 's', 'yes', 'y', 'true', '1', 'x']);
const NO = new Set(['no', 'n', 'false', '0', '']);

export function parseYesNo(input: string): Parsed<boolean> {
  const s = input.trim().toLowerCase();
  if (YES.has(s)) return { ok: true, value: true };
  if (NO.has(s)) return { ok: true, value: false };
  return { ok: false, message: `«${input.trim()}» non è valido: scrivi «sì» oppure «no».` };
}

/** Italian mobile numbers, stored as +39 followed by the digits (the form the OTP sender uses). */
export function parseMobile(input: string): Parsed<string> {
  const compact = input.replace(/[\s./-]/g, '');
  const national = compact.replace(/^(\+39|0039)/, '');
  if (/^3\d{8,9}$/.test(national)) return { ok: true, value: `+39${national}` };
  return {
    ok: false,
    message: `«${input.trim()}» non è un numero di cellulare italiano: ad esempio +39 347 123 4567.`,
  };
}

// Deliberately simple: one @, a dot in the domain, no spaces. Delivery is the real test.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function parseEmail(input: string): Parsed<string> {
  const s = input.trim();
  if (EMAIL.test(s) && s.length <= 254) return { ok: true, value: s.toLowerCase() };
  return { ok: false, message: `«${s}» non è un indirizzo e-mail valido.` };
}

export function parseHours(input: string): Parsed<number> {
  const s = input.trim();
  if (/^\d{1,5}$/.test(s) && Number(s) > 0) return { ok: true, value: Number(s) };
  return { ok: false, message: `«${s}» non è un numero di ore valido: scrivi un numero intero maggiore di zero.` };
}

/** Partita IVA (11 digits) or a 16-character codice fiscale. */
export function parseTaxCode(input: string): Parsed<string> {
  const s = input.replace(/\s+/g, '').toUpperCase();
  if (/^\d{11}$/.test(s) || /^[A-Z0-9]{16}$/.test(s)) return { ok: true, value: s };
  return {
    ok: false,
    message: `«${input.trim()}» non è un codice fiscale o una partita IVA: 11 cifre oppure 16 caratteri.`,
  };
}
