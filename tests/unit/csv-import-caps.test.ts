import { describe, expect, it } from 'vitest';
import { parseVoucherCsv } from '@/lib/import/parse-csv';
import { readVoucherFile } from '@/lib/import/read-voucher-file';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, VOUCHER_COLUMNS } from '@/lib/import/voucher-columns';

const TODAY = '2026-11-26';
const HEADER = VOUCHER_COLUMNS.map((c) => c.key).join(';');
const enc = (s: string) => new TextEncoder().encode(s);

/** Runs `fn` and measures the CPU it took and how much the heap grew meanwhile (sampled, so a peak is seen). */
function measured<T>(fn: () => T) {
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const cpu0 = process.cpuUsage();
  const result = fn();
  const cpu = process.cpuUsage(cpu0);
  return {
    result,
    cpuMs: (cpu.user + cpu.system) / 1000,
    heapMb: (process.memoryUsage().heapUsed - heap0) / 1024 / 1024,
  };
}

// Parsing 20 000 rows takes seconds of wall time on a loaded 2-core machine: the bounds asserted are CPU and heap, not time.
describe('the CSV import is capped while it parses, not after (X2)', { timeout: 60_000 }, () => {
  it('a 7.9 MB file of 2.63 million rows "x;" is refused naming the row cap, in < 5 s of CPU and < 300 MB of heap', () => {
    const bytes = enc(`${HEADER}\n${'x;\n'.repeat(2_630_000)}`);
    expect(bytes.byteLength).toBeGreaterThan(7_880_000);
    expect(bytes.byteLength).toBeLessThanOrEqual(MAX_IMPORT_BYTES);
    const m = measured(() => readVoucherFile(bytes, TODAY));
    expect(m.result).toMatchObject({
      ok: false,
      fileError: expect.stringContaining(`al massimo ${MAX_IMPORT_ROWS} righe`),
    });
    expect(m.result).toMatchObject({ fileError: expect.stringMatching(/Dividilo in più file/) });
    expect(m.cpuMs).toBeLessThan(5000);
    expect(m.heapMb).toBeLessThan(300);
  });

  it('a file of exactly the row cap still parses; one row more is refused', () => {
    const rows = (n: number) => enc(`${HEADER}\n${'x;\n'.repeat(n)}`);
    const atCap = parseVoucherCsv(rows(MAX_IMPORT_ROWS));
    expect(atCap).toMatchObject({ ok: true });
    if (atCap.ok) expect(atCap.rows).toHaveLength(MAX_IMPORT_ROWS);
    expect(parseVoucherCsv(rows(MAX_IMPORT_ROWS + 1))).toMatchObject({
      ok: false,
      message: expect.stringContaining(`al massimo ${MAX_IMPORT_ROWS} righe`),
    });
  });

  it('empty lines (spreadsheets export many) do not count towards the cap', () => {
    const r = parseVoucherCsv(enc(`${HEADER}\n${'x;\n'.repeat(10)}${';;;\n'.repeat(MAX_IMPORT_ROWS)}`));
    expect(r).toMatchObject({ ok: true });
    if (r.ok) expect(r.rows).toHaveLength(10);
  });

  it('a file larger than the upload cap is refused before it is decoded, naming the cap', () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x78);
    expect(readVoucherFile(bytes, TODAY)).toMatchObject({
      ok: false,
      fileError: expect.stringMatching(/8 MB.*al massimo 20000 righe/),
    });
  });

  it('one huge quoted field is refused with its line, not buffered whole', () => {
    const r = parseVoucherCsv(enc(`${HEADER}\nBS-1;"${'a'.repeat(2_000_000)}"\n`));
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/riga 2 è troppo lunga/) });
  });
});
