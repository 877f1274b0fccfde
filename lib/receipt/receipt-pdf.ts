import 'server-only';
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Locale } from '@/lib/domain/locale';
import type { ReceiptView } from '@/lib/domain/receipt';
import { translatorFor } from '@/lib/i18n/translator';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const BLUE = rgb(0, 0.3, 0.6);

// The standard fonts use WinAnsi: map what Intl and Italian typography produce, drop the rest.
function winAnsi(s: string): string {
  return s
    .replace(/[\u00a0\u202f\u2007]/g, ' ')
    .replace(/[\u2010-\u2012]/g, '-')
    .replace(/[^\x20-\x7e\u00a1-\u00ff€‘’“”–—•…]/gu, '?');
}

/** The receipt as a PDF made on the server with pdf-lib: same content as the receipt page, in `locale`. */
export async function renderReceiptPdf(v: ReceiptView, locale: Locale): Promise<Uint8Array> {
  const t = translatorFor(locale, 'Receipt');
  const doc = await PDFDocument.create();
  doc.setTitle(t('pdfDocTitle', { protocol: v.protocolNumber }));
  doc.setAuthor(t('pdfOrganisation'));
  doc.setSubject(t('pdfTitle'));
  doc.setLanguage(locale === 'en' ? 'en-GB' : 'it-IT');
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;

  const write = (
    text: string,
    o: { font?: PDFFont; size?: number; color?: ReturnType<typeof rgb>; gap?: number } = {},
  ) => {
    const font = o.font ?? regular;
    const size = o.size ?? 10;
    for (const line of wrap(winAnsi(text), font, size, A4[0] - 2 * MARGIN)) {
      if (y < MARGIN + size) {
        page = doc.addPage(A4);
        y = A4[1] - MARGIN;
      }
      page.drawText(line, { x: MARGIN, y, size, font, color: o.color ?? rgb(0.1, 0.1, 0.1) });
      y -= size * 1.35;
    }
    y -= o.gap ?? 2;
  };
  const heading = (t: string) => write(t, { font: bold, size: 12, color: BLUE, gap: 4 });

  write(t('pdfOrganisation'), { font: bold, size: 10, color: BLUE });
  write(t('pdfTitle'), { font: bold, size: 16, gap: 8 });
  write(t('pdfProtocol', { protocol: v.protocolNumber }), { font: bold, size: 12 });
  write(t('pdfSubmittedAt', { at: v.submittedAt }));
  write(t('pdfHolder', { holder: v.holder }));
  write(t('pdfVoucher', { voucher: v.voucher }), { gap: 10 });
  heading(t('closedHeading'));
  for (const p of v.closedPes) write(`${p.title}: ${p.text}`);
  write(t('freedTotal', { amount: v.freed }), { font: bold, gap: 10 });
  heading(t('newHeading'));
  for (const p of v.newPes) {
    write(p.title, { font: bold });
    for (const l of p.lines) write(l);
    y -= 4;
  }
  write(t('committedTotal', { committed: v.committed, residual: v.residual }), { font: bold, gap: 10 });
  heading(t('declarationsOnly'));
  for (const l of v.declarations) write(l);
  y -= 8;
  heading(t('signatureHeading'));
  write(v.signature);
  write(t('signedSha', { sha: v.dossierSha256 }), { gap: 10 });
  heading(t('nextHeading'));
  write(v.next);
  return doc.save();
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width) {
      line = next;
      continue;
    }
    if (line) out.push(line);
    // A word wider than the line (a SHA-256) is cut where it must be.
    let w = word;
    while (font.widthOfTextAtSize(w, size) > width) {
      let i = w.length;
      while (i > 1 && font.widthOfTextAtSize(w.slice(0, i), size) > width) i--;
      out.push(w.slice(0, i));
      w = w.slice(i);
    }
    line = w;
  }
  if (line) out.push(line);
  return out;
}
