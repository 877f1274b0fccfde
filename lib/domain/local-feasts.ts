import { daysInMonth } from './dates';

/** A local feast day the office adds to the national holidays, every year on the same day. */
export type LocalFeast = { monthDay: string; label: string };

export const MAX_LOCAL_FEASTS = 20;
const MAX_LABEL = 80;
const LINE = /^(\d{1,2})\/(\d{1,2})(?:\s+(.*))?$/;

/**
 * The office types one feast a line, "GG/MM descrizione" ("26/06 San Vigilio"). Lines are checked one by
 * one so the message names the wrong line; 29/02 is allowed (it counts in leap years).
 */
export function parseLocalFeasts(text: string): { ok: true; feasts: LocalFeast[] } | { ok: false; message: string } {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > MAX_LOCAL_FEASTS)
    return { ok: false, message: `Puoi indicare al massimo ${MAX_LOCAL_FEASTS} festività locali.` };
  const byDay = new Map<string, LocalFeast>();
  for (const [i, line] of lines.entries()) {
    const m = LINE.exec(line);
    const day = Number(m?.[1]);
    const month = Number(m?.[2]);
    if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(2024, month))
      return {
        ok: false,
        message: `Riga ${i + 1} («${line.slice(0, 40)}»): scrivi la data come GG/MM seguita dal nome, ad esempio «26/06 San Vigilio».`,
      };
    const label = (m[3] ?? '').trim();
    if (label.length > MAX_LABEL)
      return {
        ok: false,
        message: `Riga ${i + 1}: il nome della festività può avere al massimo ${MAX_LABEL} caratteri.`,
      };
    const monthDay = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (byDay.has(monthDay)) return { ok: false, message: `Riga ${i + 1}: la data ${line.slice(0, 5)} è ripetuta.` };
    byDay.set(monthDay, { monthDay, label: label || 'Festività locale' });
  }
  return { ok: true, feasts: [...byDay.values()].sort((a, b) => a.monthDay.localeCompare(b.monthDay)) };
}

/** The same list as the office typed it: "26/06 San Vigilio", one a line. */
export function formatLocalFeasts(feasts: readonly LocalFeast[]): string {
  return feasts.map((f) => `${f.monthDay.slice(3)}/${f.monthDay.slice(0, 2)} ${f.label}`).join('\n');
}
