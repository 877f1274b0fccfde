import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';

/**
 * The text drawn on a PDF's pages, read back by parsing it: pdf-lib loads the file, every
 * Flate content stream is inflated and the strings shown with Tj are decoded (WinAnsi, so
 * one byte per character for what our receipts contain).
 */
export async function pdfText(bytes: Uint8Array): Promise<{ text: string; title: string | undefined; pages: number }> {
  const doc = await PDFDocument.load(bytes);
  const parts: string[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue;
    const filter = obj.dict.get(PDFName.of('Filter'));
    let content: string;
    try {
      content = Buffer.from(filter === PDFName.of('FlateDecode') ? inflateSync(obj.contents) : obj.contents).toString(
        'latin1',
      );
    } catch {
      continue;
    }
    for (const m of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g))
      parts.push(Buffer.from(m[1]!, 'hex').toString('latin1'));
    for (const m of content.matchAll(/\(((?:\\.|[^\\)])*)\)\s*Tj/g)) parts.push(m[1]!);
  }
  return { text: parts.join('\n'), title: doc.getTitle(), pages: doc.getPageCount() };
}
