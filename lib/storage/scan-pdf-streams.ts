import { constants, inflateSync } from 'node:zlib';

/**
 * Everything a file may inflate to, all streams together (X2). Generous for a real PES (text, a logo, a scan
 * saved as JPEG); a deflate bomb passes it within its first few hundred kilobytes.
 */
export const MAX_INFLATED_BYTES = 32 * 1024 * 1024;
/** Compressed input zlib may walk through, all streams together: bounds the work on streams that overlap on purpose. */
const MAX_INFLATE_INPUT = 32 * 2_097_152;
/** Each zlib call costs tens of microseconds even on garbage: a file made of thousands of tiny streams is refused. */
const MAX_FLATE_STREAMS = 4_000;
/** The event loop gets a turn at least this often (milliseconds), so other requests are served meanwhile. */
const YIELD_EVERY_MS = 20;

// Filters pdf-lib would expand without a bound we can check cheaply (LZW up to ~2700:1, RunLength 64:1):
// real PDFs of this decade do not use them, so they are refused rather than decoded.
const UNBOUNDED_FILTER = /\/(?:LZWDecode|RunLengthDecode)(?![A-Za-z0-9])/;

export type StreamScan = 'ok' | 'too_complex';

const decodeNames = (s: string) =>
  s.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
const isZlibHeader = (a: number | undefined, b: number | undefined) =>
  a !== undefined && b !== undefined && (a & 0x0f) === 8 && a >> 4 <= 7 && ((a << 8) | b) % 31 === 0;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Bounds what pdf-lib will inflate, BEFORE it sees the file: pdf-lib inflates object streams whole while
 * loading, so a 1.5 MB file could hold the server for 25 s and 2.7 GB. Every `stream` keyword of the raw
 * bytes whose data starts with a zlib header is inflated from there with node:zlib under the remaining
 * budget, whatever its dictionary says (the /Filter may be indirect, escaped or in an array; the /Length
 * may lie): zlib stops at the end of the deflate data, so no slice pdf-lib could pick inflates to more.
 * Inflated object streams are searched again for the unbounded filters, which could hide there.
 */
export async function scanPdfStreams(bytes: Uint8Array, raw: string): Promise<StreamScan> {
  if (UNBOUNDED_FILTER.test(decodeNames(raw))) return 'too_complex';
  let inflated = 0;
  let input = 0;
  let streams = 0;
  let lastTurn = performance.now();
  const keyword = /stream(?:\r\n|\r|\n)/g;
  for (let m = keyword.exec(raw); m; m = keyword.exec(raw)) {
    const start = m.index + m[0].length;
    if (!isZlibHeader(bytes[start], bytes[start + 1])) continue;
    if (++streams > MAX_FLATE_STREAMS) return 'too_complex';
    const data = bytes.subarray(start);
    try {
      const out = inflateSync(data, {
        maxOutputLength: MAX_INFLATED_BYTES - inflated + 1,
        finishFlush: constants.Z_SYNC_FLUSH,
        info: true,
      } as object) as unknown as {
        buffer: Buffer;
        engine: { bytesWritten: number };
      };
      inflated += out.buffer.byteLength;
      input += out.engine.bytesWritten;
      if (out.buffer.byteLength <= 4 * 1024 * 1024 && UNBOUNDED_FILTER.test(decodeNames(out.buffer.toString('latin1'))))
        return 'too_complex';
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return 'too_complex';
      // Damaged deflate data: how far zlib read is unknown, so count all of it.
      input += data.byteLength;
    }
    if (inflated > MAX_INFLATED_BYTES || input > MAX_INFLATE_INPUT) return 'too_complex';
    if (performance.now() - lastTurn > YIELD_EVERY_MS) {
      await nextTurn();
      lastTurn = performance.now();
    }
  }
  return 'ok';
}
