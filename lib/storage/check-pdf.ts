import { PDFDocument } from 'pdf-lib';
import { hasActiveContent, rawActiveContent } from './pdf-active-content';
import { scanPdfStreams } from './scan-pdf-streams';

export const MAX_PDF_BYTES = 2_097_152;

export type PdfRefusal = 'empty' | 'too_large' | 'not_pdf' | 'damaged' | 'active_content' | 'too_complex';

/** What the family reads next to the refused file: what is wrong and what to do. */
export const PDF_REFUSAL_MESSAGES: Record<PdfRefusal, string> = {
  empty: 'Il file è vuoto: scegli il PDF del PES concordato con il soggetto erogatore.',
  too_large: 'Il file deve essere più piccolo di 2 MB: riduci la qualità delle immagini o salvalo di nuovo come PDF.',
  not_pdf: 'Il file deve essere un PDF: scegli il PES concordato in formato .pdf.',
  damaged: 'Il PDF è danneggiato o incompleto: salvalo di nuovo come PDF e riprova.',
  active_content:
    'Il PDF contiene contenuti attivi: salvalo di nuovo come PDF semplice (ad esempio con «Stampa → Salva come PDF») e riprova.',
  too_complex:
    'Il PDF è troppo complesso da controllare (contiene dati compressi troppo grandi): salvalo di nuovo come PDF (ad esempio con «Stampa → Salva come PDF») e riprova.',
};

export type PdfCheck = { ok: true } | { ok: false; reason: PdfRefusal; message: string };

const refuse = (reason: PdfRefusal): PdfCheck => ({ ok: false, reason, message: PDF_REFUSAL_MESSAGES[reason] });

/**
 * Server-side checks of an uploaded agreed-PES document (F1). The browser's type and name are never
 * trusted: the bytes must start with `%PDF-`, end with `%%EOF`, parse with pdf-lib, have a page, and
 * carry no active content (JavaScript, launch actions, embedded files, an OpenAction that is an action,
 * event actions, XFA, RichMedia, form submission or import, jumps to other files, script/file/data links).
 */
export async function checkPdf(bytes: Uint8Array): Promise<PdfCheck> {
  if (bytes.byteLength === 0) return refuse('empty');
  if (bytes.byteLength > MAX_PDF_BYTES) return refuse('too_large');
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 5));
  if (head !== '%PDF-') return refuse('not_pdf');
  const raw = new TextDecoder('latin1').decode(bytes);
  if (!raw.slice(-1024).includes('%%EOF')) return refuse('damaged');
  if (rawActiveContent(raw)) return refuse('active_content');
  // Before pdf-lib: it inflates object streams whole while loading (X2).
  if ((await scanPdfStreams(bytes, raw)) !== 'ok') return refuse('too_complex');

  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true, ignoreEncryption: false });
    if (doc.getPageCount() < 1) return refuse('damaged');
  } catch {
    return refuse('damaged');
  }
  if (hasActiveContent(doc)) return refuse('active_content');
  return { ok: true };
}

/**
 * A file name safe to store and to send back in Content-Disposition: no path, no control characters,
 * no quotes or separators, at most 120 characters, always ending in .pdf.
 */
export function safePdfName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this matches
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/["'`<>:|?*;%\\]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim();
  const stem = base
    .replace(/\.pdf$/i, '')
    .slice(0, 116)
    .trim();
  return `${stem || 'documento'}.pdf`;
}
