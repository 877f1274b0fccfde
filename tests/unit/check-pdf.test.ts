import { describe, expect, it } from 'vitest';
import { checkPdf, MAX_PDF_BYTES, safePdfName } from '@/lib/storage/check-pdf';
import {
  HTML,
  PNG,
  ZIP,
  pdf,
  pdfOfSize,
  pdfWithEmbeddedFile,
  pdfWithHexEscapedJs,
  pdfWithJavaScript,
  pdfWithLaunch,
} from '../integration/support/pdfs';

const withPrefix = async (n: number) => {
  const body = await pdf();
  const out = new Uint8Array(n + body.byteLength);
  out.set(body, n);
  return out;
};

describe('checkPdf: the bytes decide, never the name or the browser type (F1)', () => {
  it.each<[string, () => Promise<Uint8Array> | Uint8Array, string | null]>([
    ['a PDF made by pdf-lib', () => pdf(), null],
    ['exactly 2 097 152 bytes', () => pdfOfSize(MAX_PDF_BYTES), null],
    ['2 097 153 bytes', () => pdfOfSize(MAX_PDF_BYTES + 1), 'too_large'],
    ['empty', () => new Uint8Array(), 'empty'],
    ['a PNG renamed .pdf', () => PNG, 'not_pdf'],
    ['an HTML page renamed .pdf', () => HTML, 'not_pdf'],
    ['a ZIP renamed .pdf', () => ZIP, 'not_pdf'],
    ['%PDF- at offset 512', () => withPrefix(512), 'not_pdf'],
    ['a truncated PDF', async () => (await pdf()).slice(0, 600), 'damaged'],
    ['a PDF whose body is garbage', () => new TextEncoder().encode('%PDF-1.7\ngarbage garbage\n%%EOF\n'), 'damaged'],
    ['a PDF with /JavaScript', () => pdfWithJavaScript(), 'active_content'],
    ['a PDF with /OpenAction … /Launch', () => pdfWithLaunch(), 'active_content'],
    ['a PDF with an /EmbeddedFile', () => pdfWithEmbeddedFile(), 'active_content'],
    ['a PDF with hex-escaped /J#61vaScript', () => pdfWithHexEscapedJs(), 'active_content'],
  ])('%s', async (_case, make, reason) => {
    const r = await checkPdf(await make());
    if (reason === null) expect(r).toEqual({ ok: true });
    else expect(r).toMatchObject({ ok: false, reason, message: expect.any(String) });
  });

  it('says what to do in the guide’s words', async () => {
    expect(await checkPdf(PNG)).toMatchObject({ message: expect.stringMatching(/^Il file deve essere un PDF/) });
    expect(await checkPdf(await pdfOfSize(MAX_PDF_BYTES + 1))).toMatchObject({
      message: expect.stringMatching(/^Il file deve essere più piccolo di 2 MB/),
    });
    expect(await checkPdf(new Uint8Array())).toMatchObject({ message: expect.stringMatching(/^Il file è vuoto/) });
    expect(await checkPdf(await pdfWithJavaScript())).toMatchObject({
      message: expect.stringMatching(/^Il PDF contiene contenuti attivi: salvalo di nuovo come PDF semplice/),
    });
  });
});

describe('safePdfName', () => {
  it.each([
    ['PES Sofia.pdf', 'PES Sofia.pdf'],
    ['../../etc/passwd', 'passwd.pdf'],
    ['..\\..\\windows\\system.ini', 'system.ini.pdf'],
    ['a\r\nContent-Type: text/html.pdf', 'html.pdf'],
    ['a\r\nb "c".pdf', 'a b c.pdf'],
    ['"quoted" name.PDF', 'quoted name.pdf'],
    ['Città estate ragazzi 🌞.pdf', 'Città estate ragazzi 🌞.pdf'],
    ['.hidden.pdf', 'hidden.pdf'],
    ['', 'documento.pdf'],
    [`${'a'.repeat(300)}.pdf`, `${'a'.repeat(116)}.pdf`],
  ])('%j → %j', (input, expected) => {
    const out = safePdfName(input);
    expect(out).toBe(expected);
    expect(out).not.toMatch(/[\r\n"\\/]/);
  });
});
