/**
 * The rules App IO's API puts on a message (IO API for Public Administration Services, `POST /messages`):
 * checked by our sender before it calls IO, by the development sink and by the test stub of the API, so a
 * message the real API would refuse is caught the same way everywhere.
 */
export const IO_SUBJECT_MIN = 10;
export const IO_SUBJECT_MAX = 120;
export const IO_MARKDOWN_MIN = 80;
export const IO_MARKDOWN_MAX = 10_000;

/** IO's `FiscalCode` pattern: 16 characters, omocodic letters allowed in the digit places. */
export const IO_FISCAL_CODE =
  /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

export type IoContent = { subject: string; markdown: string };

/** What is wrong with a message, in words fit for the outbox's last error (never the fiscal code or the text). */
export function ioMessageProblems(m: { fiscalCode: string } & IoContent): string[] {
  const problems: string[] = [];
  if (!IO_FISCAL_CODE.test(m.fiscalCode)) problems.push('codice fiscale non nel formato di App IO');
  const s = m.subject.length;
  if (s < IO_SUBJECT_MIN || s > IO_SUBJECT_MAX)
    problems.push(`oggetto di ${s} caratteri (ammessi ${IO_SUBJECT_MIN}–${IO_SUBJECT_MAX})`);
  const b = m.markdown.length;
  if (b < IO_MARKDOWN_MIN || b > IO_MARKDOWN_MAX)
    problems.push(`testo di ${b} caratteri (ammessi ${IO_MARKDOWN_MIN}–${IO_MARKDOWN_MAX})`);
  return problems;
}

/** Text written by people (a reason, a name) shown as itself in Markdown: no emphasis, link, heading or HTML. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/^(\s*)([#>+=-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

/** A subject cut at a word boundary to IO's limit, with an ellipsis. */
export function fitIoSubject(subject: string): string {
  const s = subject.replace(/\s+/g, ' ').trim();
  if (s.length <= IO_SUBJECT_MAX) return s;
  const cut = s.slice(0, IO_SUBJECT_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > IO_SUBJECT_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const PARAGRAPH_MAX = 2_000;
const CUT_NOTE = 'Il testo completo è nell’e-mail che ti abbiamo inviato e nella pagina del buono.';

const clip = (p: string) => (p.length <= PARAGRAPH_MAX ? p : `${p.slice(0, PARAGRAPH_MAX - 1)}…`);

/**
 * An e-mail's content as an IO message: the same subject and paragraphs (escaped: they carry names and the
 * office's reasons), the link as a Markdown link. IO is a notice that points to the service: a paragraph
 * or a list too long for IO is cut, and the message says where the whole text is.
 */
export function ioContentFromEmail(
  m: { subject: string; paragraphs: readonly string[]; link?: { href: string; label: string } },
  /** In the reader's language (the catalogue's FamilyEmails.ioCutNote); Italian by default. */
  cutNote: string = CUT_NOTE,
): IoContent {
  const link = m.link
    ? `[${escapeMarkdown(m.link.label)}](<${m.link.href.replace(/[<>\s]/g, encodeURIComponent)}>)`
    : '';
  const tail = [link].filter(Boolean);
  const body: string[] = [];
  let used = tail.reduce((n, p) => n + p.length + 2, 0);
  for (const [i, p] of m.paragraphs.entries()) {
    const escaped = escapeMarkdown(clip(p));
    const rest = m.paragraphs.length - i - 1;
    // Keep room for the note as long as something may still have to be cut.
    const reserve = rest > 0 ? cutNote.length + 2 : 0;
    if (used + escaped.length + 2 + reserve > IO_MARKDOWN_MAX) {
      body.push(cutNote);
      break;
    }
    body.push(escaped);
    used += escaped.length + 2;
  }
  return { subject: fitIoSubject(m.subject), markdown: [...body, ...tail].join('\n\n') };
}
