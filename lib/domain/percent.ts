export type ParsePercentResult = { ok: true; basisPoints: number } | { ok: false; message: string };

/** "10", "10,5" or "12.25" per cent → basis points (1000 = 10 %), at most two decimals, 0–100 %. */
export function parsePercent(input: string): ParsePercentResult {
  const s = input.trim().replace(/\s*%$/, '');
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return { ok: false, message: 'Scrivi una percentuale tra 0 e 100, ad esempio 10 oppure 12,5.' };
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (bp > 10_000) return { ok: false, message: 'La quota non può superare il 100 %.' };
  return { ok: true, basisPoints: bp };
}

const PERCENT = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 2 });
export function formatPercent(basisPoints: number): string {
  return `${PERCENT.format(basisPoints / 100)} %`;
}
