import { deflateRawSync, deflateSync, constants } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { checkPdf } from '@/lib/storage/check-pdf';
import { pdf } from '../integration/support/pdfs';

const GB = 1024 * 1024 * 1024;

/**
 * A zlib stream that inflates to `size` zeros, built in a few milliseconds: each 1 MB chunk is compressed on
 * its own and ends with a full flush, so the same ~1 KB of deflate data can be repeated without back-references.
 */
function zlibBomb(size: number): Uint8Array {
  const mb = 1024 * 1024;
  const chunk = deflateRawSync(Buffer.alloc(mb), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const end = deflateRawSync(Buffer.alloc(0));
  // Adler-32 of n zero bytes: a stays 1, b adds 1 for each byte.
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE((((size % 65521) << 16) | 1) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0xda]), ...Array.from({ length: size / mb }, () => chunk), end, trailer]);
}

/** A minimal PDF written by hand with a correct xref table; `objects[i]` is object i + 1. */
function rawPdf(objects: (string | Uint8Array)[]): Uint8Array {
  const enc = (s: string) => Buffer.from(s, 'latin1');
  const parts: Buffer[] = [enc('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  const offsets: number[] = [];
  let at = parts[0]!.byteLength;
  objects.forEach((o, i) => {
    offsets.push(at);
    const body = Buffer.concat([
      enc(`${i + 1} 0 obj\n`),
      typeof o === 'string' ? enc(o) : Buffer.from(o),
      enc('\nendobj\n'),
    ]);
    parts.push(body);
    at += body.byteLength;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(enc(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(parts);
}

const stream = (dict: string, data: Uint8Array) =>
  Buffer.concat([
    Buffer.from(`<< ${dict} /Length ${data.byteLength} >>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream', 'latin1'),
  ]);
const page = (contents: string | Uint8Array, extra: (string | Uint8Array)[] = []) =>
  rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    contents,
    ...extra,
  ]);

const objStmBomb = () =>
  page(stream('/Filter /FlateDecode', deflateSync('BT ET')), [
    stream('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', zlibBomb(GB)),
  ]);
const contentBomb = () => page(stream('/Filter /FlateDecode', zlibBomb(GB)));
const escapedObjStmBomb = () =>
  page(stream('/Filter /FlateDecode', deflateSync('BT ET')), [
    stream('/Type /Obj#53tm /N 1 /First 4 /Filter [/Fl#61teDecode]', zlibBomb(GB)),
  ]);

/**
 * Runs the check with CPU time and memory measured around it. CPU time is work done by this process, which a
 * loaded machine barely changes; the wall-clock stall of the event loop is not asserted (it measures the machine's
 * load as much as our code, and failed CI on a busy runner) — the bench is where latency is measured.
 */
async function measured(bytes: Uint8Array) {
  global.gc?.();
  const mem0 = process.memoryUsage();
  const cpu0 = process.cpuUsage();
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss - mem0.rss)), 1);
  const result = await checkPdf(bytes);
  const cpu = process.cpuUsage(cpu0);
  const mem1 = process.memoryUsage();
  await new Promise((r) => setTimeout(r, 10));
  clearInterval(sampler);
  return {
    result,
    cpuMs: (cpu.user + cpu.system) / 1000,
    growthMb: Math.max(peak, mem1.rss - mem0.rss, mem1.arrayBuffers - mem0.arrayBuffers) / 1024 / 1024,
  };
}

describe('a deflate bomb is refused before pdf-lib inflates it (X2)', () => {
  it.each([
    ['in an object stream', objStmBomb],
    ['in a page content stream', contentBomb],
    ['in an object stream whose names are #-escaped', escapedObjStmBomb],
  ])('1 GB %s: refused in < 2 s of CPU and < 200 MB', async (_case, make) => {
    const bytes = make();
    expect(bytes.byteLength).toBeLessThan(2 * 1024 * 1024);
    const m = await measured(bytes);
    expect(m.result).toMatchObject({
      ok: false,
      reason: 'too_complex',
      message: expect.stringMatching(/^Il PDF è troppo complesso.*salvalo di nuovo come PDF/),
    });
    expect(m.cpuMs).toBeLessThan(2000);
    expect(m.growthMb).toBeLessThan(200);
  });

  it.each([
    ['/LZWDecode', '/Filter /LZWDecode'],
    ['/RunLengthDecode', '/Filter /RunLengthDecode'],
    ['#-escaped /LZW#44ecode', '/Filter [/L#5aWDecode]'],
  ])('an object stream with %s (expansion pdf-lib does not bound) is refused', async (_case, filter) => {
    const bytes = page(stream('', Buffer.from('BT ET')), [
      stream(`/Type /ObjStm /N 1 /First 4 ${filter}`, Buffer.from('\x80\x0b\x60\x50\x22\x0c\x0c\x85\x01', 'latin1')),
    ]);
    expect(await checkPdf(bytes)).toMatchObject({ ok: false, reason: 'too_complex' });
  });

  it('a PDF with compressed object streams still passes', async () => {
    const doc = await PDFDocument.load(await pdf());
    const bytes = await doc.save({ useObjectStreams: true });
    expect(new TextDecoder('latin1').decode(bytes)).toContain('/ObjStm');
    expect(await checkPdf(bytes)).toEqual({ ok: true });
  });

  it('a legitimately compressed larger PDF (1.5 MB inflating to 24 MB) still passes', async () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 1000;
    const lines: string[] = [];
    for (let size = 0; size < 24 * 1024 * 1024;) {
      const l = `BT /F1 9 Tf ${rnd()} ${rnd()} Td (Riga ${rnd() % 40} del PES concordato, ore ${rnd() % 8}) Tj ET\n`;
      lines.push(l);
      size += l.length;
    }
    const content = deflateSync(lines.join(''), { level: 9 });
    const bytes = page(stream('/Filter /FlateDecode', content), [
      stream('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', deflateSync('6 0 << /Producer (LibreOffice) >>')),
    ]);
    expect(bytes.byteLength).toBeGreaterThan(1024 * 1024);
    expect(bytes.byteLength).toBeLessThan(2 * 1024 * 1024);
    expect(await checkPdf(bytes)).toEqual({ ok: true });
  });
});
