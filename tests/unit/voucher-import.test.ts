import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseVoucherCsv } from '@/lib/import/parse-csv';
import { readVoucherFile } from '@/lib/import/read-voucher-file';
import { templateExamples, voucherTemplateCsv } from '@/lib/import/voucher-template';
import { VOUCHER_COLUMNS, type VoucherColumn } from '@/lib/import/voucher-columns';
import { parseImportDate, parseMobile, parseYesNo } from '@/lib/import/field-parsers';

const TODAY = '2026-11-26';
const keys = VOUCHER_COLUMNS.map((c) => c.key);
type Row = Record<VoucherColumn, string>;

function csv(rows: Row[], delimiter = ';', bom = false): Uint8Array {
  const q = (s: string) => (s.includes(delimiter) || s.includes('"') ? `"${s.replaceAll('"', '""')}"` : s);
  const text = [keys.join(delimiter), ...rows.map((r) => keys.map((k) => q(r[k])).join(delimiter))].join('\n');
  return new TextEncoder().encode((bom ? '\uFEFF' : '') + text);
}
const examples = () => templateExamples(TODAY);
const enc = (s: string) => new TextEncoder().encode(s);

describe('the template', () => {
  it('reads back with no errors, one voucher per number, PES under their children', () => {
    const r = readVoucherFile(enc(voucherTemplateCsv(TODAY)), TODAY);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rowCount).toBe(examples().length);
    expect(r.plan.vouchers.map((v) => v.number)).toEqual([...new Set(examples().map((e) => e.numero_buono))]);
    const first = r.plan.vouchers[0]!;
    expect(first.children.map((c) => c.position)).toEqual([1, 2]);
    expect(first.pes.map((p) => p.childCodiceFiscale)).toEqual(
      examples()
        .filter((e) => e.numero_buono === first.number)
        .map((e) => e.cf_minore),
    );
  });
});

describe('separators and BOM', () => {
  it.each([
    [';', false],
    [';', true],
    [',', false],
    [',', true],
  ])('delimiter %s, BOM %s', (delimiter, bom) => {
    const r = readVoucherFile(csv(examples(), delimiter, bom), TODAY);
    expect(r).toMatchObject({ ok: true, delimiter });
    if (r.ok) expect(r.plan.holders.has('FRNGPP85A41L378R')).toBe(true);
  });
  it('detects the delimiter from the header only', () => {
    expect(detectDelimiter('a;b;c\n"1,5";2;3')).toBe(';');
    expect(detectDelimiter('a,b,c\n1;2,3')).toBe(',');
    expect(detectDelimiter('abc\n1')).toBeNull();
  });
  it('refuses a file that is not UTF-8', () => {
    const latin1 = Uint8Array.from([...enc(keys.join(';') + '\n'), 0xe0, 0x3b]);
    expect(parseVoucherCsv(latin1)).toMatchObject({ ok: false, message: expect.stringContaining('UTF-8') });
  });
  it('names the missing columns', () => {
    expect(parseVoucherCsv(enc('numero_buono;ore\nX;1'))).toMatchObject({
      ok: false,
      message: expect.stringContaining('cf_richiedente'),
    });
  });
});

const bad: [string, Partial<Row>, VoucherColumn, RegExp][] = [
  [
    'holder codice fiscale check character',
    { cf_richiedente: 'FRNGPP85A41L378A' },
    'cf_richiedente',
    /codice fiscale valido/,
  ],
  ['child codice fiscale', { cf_minore: 'NOTACF' }, 'cf_minore', /codice fiscale valido/],
  ['impossible date', { data_nascita_minore: '31/02/2020' }, 'data_nascita_minore', /non è una data valida/],
  ['future assignment', { data_assegnazione: '01/01/2099' }, 'data_assegnazione', /futuro/],
  ['money with too many decimals', { importo_pes: '10,555' }, 'importo_pes', /due cifre decimali/],
  ['money in words', { importo_buono: 'mille' }, 'importo_buono', /importo in euro/],
  ['zero amount', { importo_pes: '0,00' }, 'importo_pes', /maggiore di zero/],
  ['band not A/B/C', { fascia: 'D' }, 'fascia', /A, B o C/],
  ['band not fitting the age', { fascia: 'A' }, 'fascia', /non corrisponde all’età/],
  ['hours not whole', { ore: '1,5' }, 'ore', /numero intero/],
  ['e-mail', { email_richiedente: 'anna@' }, 'email_richiedente', /e-mail valido/],
  ['mobile', { cellulare_richiedente: '0461 123456' }, 'cellulare_richiedente', /cellulare italiano/],
  ['yes/no', { nucleo_biparentale: 'forse' }, 'nucleo_biparentale', /«sì» oppure «no»/],
  ['missing name', { nome_minore: '' }, 'nome_minore', /Manca/],
  ['half-filled PES', { codice_erogatore: '' }, 'codice_erogatore', /Manca/],
  ['employer tax code', { datore_codice_fiscale: '123' }, 'datore_codice_fiscale', /partita IVA/],
];

describe('each validation rule rejects the row with its line and column', () => {
  it.each(bad)('%s', (_name, change, column, message) => {
    const rows = examples();
    rows[1] = { ...rows[1]!, ...change } as Row;
    const r = readVoucherFile(csv(rows), TODAY);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toContainEqual({ line: 3, column, message: expect.stringMatching(message) });
    expect(r.errors.every((e) => e.line === 3)).toBe(true);
  });

  it.each([
    ['voucher total differs', { importo_buono: '3.100,00' }, 'importo_buono'],
    ['household differs', { nucleo_biparentale: 'no' }, 'nucleo_biparentale'],
    ['holder e-mail differs', { email_richiedente: 'altro@example.it' }, 'email_richiedente'],
    ['child birth date differs', { data_nascita_minore: '01/01/2022' }, 'data_nascita_minore'],
  ] as const)('repeated data must match: %s', (_n, change, column) => {
    const rows = examples();
    rows[2] = { ...rows[2]!, ...change } as Row;
    const r = readVoucherFile(csv(rows), TODAY);
    expect(r.ok ? [] : r.errors.map((e) => [e.line, e.column])).toContainEqual([4, column]);
  });

  it('refuses a PES code used twice', () => {
    const rows = examples();
    rows[2] = { ...rows[2]!, codice_pes: rows[1]!.codice_pes };
    const r = readVoucherFile(csv(rows), TODAY);
    expect(r.ok ? null : r.errors[0]).toMatchObject({
      line: 4,
      column: 'codice_pes',
      message: expect.stringContaining('riga 3'),
    });
  });

  it('refuses PES adding up to more than the voucher', () => {
    const rows = examples();
    rows[2] = { ...rows[2]!, importo_pes: '2.000,00' };
    const r = readVoucherFile(csv(rows), TODAY);
    expect(r.ok ? null : r.errors).toEqual([
      { line: 4, column: 'importo_pes', message: expect.stringMatching(/sommano 4\.100,00.*3\.000,00/) },
    ]);
  });

  it('accepts PES adding up to exactly the voucher, and a child row without PES', () => {
    const rows = examples();
    rows[2] = { ...rows[2]!, importo_pes: '900,00' };
    const noPes = { ...rows[3]!, codice_pes: '', codice_erogatore: '', fascia: '', ore: '', importo_pes: '' };
    const r = readVoucherFile(csv([rows[0]!, rows[1]!, rows[2]!, noPes]), TODAY);
    expect(r).toMatchObject({ ok: true });
  });
});

describe('field parsers', () => {
  it.each([
    ['15/01/2020', '2020-01-15'],
    ['5/3/2020', '2020-03-05'],
    ['2020-03-05', '2020-03-05'],
    ['29/02/2021', null],
    ['2020/03/05', null],
  ])('date %s', (input, expected) => {
    const r = parseImportDate(input);
    expect(r.ok ? r.value : null).toBe(expected);
  });
  it.each([
    ['+39 347 000 0001', '+393470000001'],
    ['347-0000001', '+393470000001'],
    ['0039 3470000001', '+393470000001'],
    ['0461 123456', null],
  ])('mobile %s', (input, expected) => {
    const r = parseMobile(input);
    expect(r.ok ? r.value : null).toBe(expected);
  });
  it.each([
    ['sì', true],
    ['SI', true],
    ['no', false],
    ['', false],
    ['boh', null],
  ])('yes/no %s', (input, expected) => {
    const r = parseYesNo(input);
    expect(r.ok ? r.value : null).toBe(expected);
  });
});
