import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';

/** A real one-page PDF made with pdf-lib; `padding` adds a literal string to the catalog to reach a given size. */
export async function pdf(
  opts: { text?: string; padding?: string; mutate?: (doc: PDFDocument) => void } = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(opts.text ?? 'PES concordato - Servizi estivi EMERGENZA COVID-19', {
    x: 50,
    y: 780,
    size: 14,
    font: await doc.embedFont(StandardFonts.Helvetica),
  });
  if (opts.padding) doc.catalog.set(PDFName.of('Padding'), PDFString.of(opts.padding));
  opts.mutate?.(doc);
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}

/** A valid PDF of exactly `size` bytes (the padding is a string object, so xref offsets stay right). */
export async function pdfOfSize(size: number): Promise<Uint8Array> {
  let n = size - (await pdf({ padding: 'x' })).byteLength + 1;
  let bytes = await pdf({ padding: 'x'.repeat(n) });
  // Offsets in the xref table may gain digits: converge on the exact size.
  for (let i = 0; i < 5 && bytes.byteLength !== size; i++) {
    n += size - bytes.byteLength;
    bytes = await pdf({ padding: 'x'.repeat(n) });
  }
  if (bytes.byteLength !== size) throw new Error(`pdfOfSize: got ${bytes.byteLength}, wanted ${size}`);
  return bytes;
}

export async function pdfWithJavaScript(): Promise<Uint8Array> {
  return pdf({
    mutate: (doc) => {
      const action = doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert(1)') });
      doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(action));
    },
  });
}

export async function pdfWithLaunch(): Promise<Uint8Array> {
  return pdf({
    mutate: (doc) => {
      const action = doc.context.obj({ S: 'Launch', F: PDFString.of('calc.exe') });
      doc.catalog.set(PDFName.of('OpenAction'), action);
    },
  });
}

export async function pdfWithEmbeddedFile(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  await doc.attach(new TextEncoder().encode('MZ not a program'), 'readme.exe', {
    mimeType: 'application/octet-stream',
  });
  return doc.save({ useObjectStreams: false });
}

/** Hex-escaped name (/J#61vaScript): the same action, spelled to slip past a naive byte search. */
export async function pdfWithHexEscapedJs(): Promise<Uint8Array> {
  const bytes = await pdfWithJavaScript();
  const text = new TextDecoder('latin1')
    .decode(bytes)
    .replace('/S /JavaScript', '/S /J#61vaScript')
    .replace('/JS ', '/J#53 ');
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

export const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0,
]);
export const HTML = new TextEncoder().encode('<!doctype html><script>alert(1)</script>%PDF-1.4');
export const ZIP = Uint8Array.from([
  0x50,
  0x4b,
  0x03,
  0x04,
  20,
  0,
  0,
  0,
  8,
  0,
  ...new TextEncoder().encode('%PDF-1.7 inside a zip'),
]);
