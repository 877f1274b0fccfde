import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFRef,
  PDFStream,
  PDFString,
  type PDFDocument,
  type PDFObject,
} from 'pdf-lib';

// Names that make a PDF do something when opened or clicked: scripts, launching programs, carrying other
// files, actions on events (AA), XML forms (XFA), embedded players (RichMedia), sending or loading form
// data, and jumps to other files (GoToR, GoToE) that can reach a network share.
const ACTIVE_KEYS = new Set([
  'JS',
  'JavaScript',
  'Launch',
  'EmbeddedFile',
  'EmbeddedFiles',
  'AA',
  'XFA',
  'RichMedia',
  'RichMediaContent',
]);
const ACTIVE_VALUES = new Set([
  'JavaScript',
  'Launch',
  'EmbeddedFile',
  'RichMedia',
  'SubmitForm',
  'ImportData',
  'GoToR',
  'GoToE',
]);
const RAW_ACTIVE =
  /\/(?:JavaScript|JS|Launch|EmbeddedFiles?|AA|XFA|RichMedia|SubmitForm|ImportData|GoToR|GoToE)(?![A-Za-z0-9])/;

/**
 * Backstop on the raw bytes, for names the parser might not reach (e.g. in a damaged object). Stream bodies
 * are left out: image data would match a three-letter name like /JS or /AA by chance in about one 2 MB JPEG
 * in ten, and what pdf-lib parses out of object streams is checked by hasActiveContent.
 */
export function rawActiveContent(raw: string): boolean {
  let outside = '';
  let from = 0;
  const keyword = /stream(?:\r\n|\r|\n)/g;
  for (let m = keyword.exec(raw); m; m = keyword.exec(raw)) {
    if (raw.startsWith('end', m.index - 3)) continue;
    const end = raw.indexOf('endstream', m.index + m[0].length);
    if (end < 0) break;
    outside += raw.slice(from, m.index);
    from = keyword.lastIndex = end;
  }
  outside += raw.slice(from);
  return RAW_ACTIVE.test(outside.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
}
// Browsers drop blanks and control characters inside a scheme ("java\tscript:" runs), so they are removed first.
const DANGEROUS_URI = /^(?:javascript|file|data|vbscript):/i;

/** `/J#61vaScript` is `/JavaScript`: compare names decoded, whatever the hex case. */
const nameOf = (n: PDFName) =>
  n
    .asString()
    .slice(1)
    .replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/** The text of a URI however it is written: literal with escapes, hex string, even a name. */
function uriText(o: PDFObject | undefined): string | null {
  if (o instanceof PDFString || o instanceof PDFHexString) {
    try {
      return o.decodeText();
    } catch {
      return Buffer.from(o.asBytes()).toString('latin1');
    }
  }
  if (o instanceof PDFName) return nameOf(o);
  return null;
}
const dangerousUri = (o: PDFObject | undefined) => {
  const text = uriText(o);
  // eslint-disable-next-line no-control-regex -- a reader ignores control characters inside a URI scheme, so they are removed before the check
  return text !== null && DANGEROUS_URI.test(text.replace(/[\u0000-\u0020\u007f]/g, ''));
};

/** True when any object pdf-lib parsed (object streams included) carries active content. */
export function hasActiveContent(doc: PDFDocument): boolean {
  const seen = new Set<PDFObject>();
  const look = (o: PDFObject | undefined) => (o instanceof PDFRef ? doc.context.lookup(o) : o);
  const activeIn = (o: PDFObject | undefined, depth = 0): boolean => {
    if (!o || depth > 64 || seen.has(o)) return false;
    seen.add(o);
    if (o instanceof PDFRef) return activeIn(doc.context.lookup(o), depth + 1);
    if (o instanceof PDFName) return ACTIVE_VALUES.has(nameOf(o));
    if (o instanceof PDFArray) return o.asArray().some((x) => activeIn(x, depth + 1));
    const dict = o instanceof PDFStream ? o.dict : o instanceof PDFDict ? o : null;
    if (!dict) return false;
    for (const [k, v] of dict.entries()) {
      const key = nameOf(k);
      if (ACTIVE_KEYS.has(key)) return true;
      // An OpenAction may be a destination (an array: "open at page 1") or an action (a dictionary): only the latter is refused.
      if (key === 'OpenAction' && look(v) instanceof PDFDict) return true;
      if (key === 'URI' && dangerousUri(look(v))) return true;
      if (activeIn(v, depth + 1)) return true;
    }
    return false;
  };
  for (const [, obj] of doc.context.enumerateIndirectObjects()) if (activeIn(obj)) return true;
  return activeIn(doc.catalog);
}
