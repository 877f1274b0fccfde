import { describe, expect, it } from 'vitest';
import {
  escapeMarkdown,
  fitIoSubject,
  IO_MARKDOWN_MAX,
  IO_SUBJECT_MAX,
  ioContentFromEmail,
  ioMessageProblems,
} from '@/lib/domain/io-message';
import {
  FAMILY_MESSAGES,
  familyIoContent,
  type FamilyMessageData,
  type FamilyMessageKind,
} from '@/lib/notifications/family-messages';

const CF = 'VRDMRT82S60L378B';
const long = (n: number, unit = 'parola ') => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

const shortest = { givenName: 'A', familyName: 'B', voucherNumber: '1', protocolNumber: null };
const longest = {
  givenName: long(100, 'Maria '),
  familyName: long(100, 'De '),
  voucherNumber: long(200, 'BS-2020-'),
  protocolNumber: 'MPES-2026-000001',
  href: `https://buoni.example.it/famiglia/buoni/${'f'.repeat(36)}#integrazione`,
};
// The office's reason: up to 1000 characters (lib/validation/office-decisions.ts), every one a Markdown sign.
const hostileReason = long(1000, '*_[x](y)<b>#|`\\ ');
const pesLine = (i: number) => ({
  code: `${'BS-2020-0003'.repeat(5)}/${i}`,
  providerName: long(200, 'Cooperativa '),
  hours: 999,
  amountCents: 99_999_999,
});

/**
 * Every kind with the smallest and the largest data it can be given. A kind added to FAMILY_MESSAGES without
 * samples here does not compile, so no IO message goes out untested.
 */
const SAMPLES: { [K in FamilyMessageKind]: FamilyMessageData<K>[] } = {
  conversion_approved: [
    { ...shortest, pes: [] },
    { ...longest, pes: Array.from({ length: 200 }, (_, i) => pesLine(i)) },
  ],
  conversion_rejected: [
    { ...shortest, reason: 'breve' },
    { ...longest, reason: hostileReason },
  ],
  conversion_returned: [
    { ...shortest, reason: 'breve' },
    { ...longest, reason: hostileReason },
  ],
  family_integration_reminder: [
    { ...shortest, dueAt: new Date('2026-12-31T22:59:59Z') },
    { ...longest, dueAt: new Date('2026-06-30T21:59:59Z') },
  ],
  family_office_term_passed: [
    { ...shortest, dueAt: new Date('2026-12-31T22:59:59Z') },
    { ...longest, dueAt: new Date('2026-06-30T21:59:59Z') },
  ],
};

describe('family messages on App IO', () => {
  // In both languages (issue 21): an English message is longer or shorter than the Italian one.
  const cases = (Object.keys(FAMILY_MESSAGES) as FamilyMessageKind[]).flatMap((kind) =>
    (SAMPLES[kind] as FamilyMessageData<typeof kind>[]).flatMap((data, i) =>
      (['it', 'en'] as const).map((locale) => ({ kind, data, i, locale })),
    ),
  );

  it.each(cases)('$kind (sample $i, $locale) fits IO’s subject and Markdown lengths', ({ kind, data, locale }) => {
    const content = familyIoContent(kind, data, locale);
    expect(ioMessageProblems({ fiscalCode: CF, ...content })).toEqual([]);
  });

  it('every kind has samples', () => {
    for (const kind of Object.keys(FAMILY_MESSAGES) as FamilyMessageKind[])
      expect(SAMPLES[kind].length).toBeGreaterThan(0);
  });

  it('keeps people’s text from becoming Markdown: a reason cannot add a link, emphasis or HTML', () => {
    const { markdown } = familyIoContent('conversion_rejected', {
      ...shortest,
      reason: 'vedi [qui](https://evil.example) e **subito** <img src=x>',
      href: 'https://buoni.example.it/famiglia/buoni/1',
    });
    expect(markdown).toContain('vedi \\[qui\\](https://evil.example) e \\*\\*subito\\*\\* \\<img src=x\\>');
    // The only link is ours.
    expect(markdown.match(/(?<!\\)\]\(/g)).toHaveLength(1);
    expect(markdown).toContain('[Apri il buono](<https://buoni.example.it/famiglia/buoni/1>)');
  });

  it('says where the rest is when a long list is cut', () => {
    const { markdown } = familyIoContent('conversion_approved', {
      ...shortest,
      pes: Array.from({ length: 200 }, (_, i) => pesLine(i)),
    });
    expect(markdown.length).toBeLessThanOrEqual(IO_MARKDOWN_MAX);
    expect(markdown).toContain('Il testo completo è nell’e-mail');
    const english = familyIoContent(
      'conversion_approved',
      { ...shortest, pes: Array.from({ length: 200 }, (_, i) => pesLine(i)) },
      'en',
    ).markdown;
    expect(english.length).toBeLessThanOrEqual(IO_MARKDOWN_MAX);
    expect(english).toContain('The full text is in the e-mail we sent you');
    expect(english).not.toContain('Il testo completo');
  });
});

describe('IO message rules', () => {
  it.each([
    ['9 characters', { subject: 'x'.repeat(9), markdown: 'y'.repeat(80) }, /oggetto di 9 caratteri/],
    ['121 characters', { subject: 'x'.repeat(121), markdown: 'y'.repeat(80) }, /oggetto di 121 caratteri/],
    ['79-character body', { subject: 'x'.repeat(10), markdown: 'y'.repeat(79) }, /testo di 79 caratteri/],
    ['10 001-character body', { subject: 'x'.repeat(120), markdown: 'y'.repeat(10_001) }, /testo di 10001/],
  ])('refuses a subject or body of %s', (_, content, problem) => {
    expect(ioMessageProblems({ fiscalCode: CF, ...content }).join()).toMatch(problem);
  });

  it.each([
    ['the bounds', 'x'.repeat(10), 'y'.repeat(80)],
    ['the upper bounds', 'x'.repeat(120), 'y'.repeat(10_000)],
  ])('accepts %s', (_, subject, markdown) => {
    expect(ioMessageProblems({ fiscalCode: CF, subject, markdown })).toEqual([]);
  });

  it.each([
    ['lower case', 'vrdmrt82s60l378b', false],
    ['11 digits', '12345678901', false],
    ['omocodic', 'VRDMRT82S60L37UB', true],
    ['valid', CF, true],
  ])('fiscal code %s', (_, fiscalCode, ok) => {
    const problems = ioMessageProblems({ fiscalCode, subject: 'x'.repeat(10), markdown: 'y'.repeat(80) });
    expect(problems.length === 0).toBe(ok);
  });

  it('cuts a long subject at a word, within the limit, with an ellipsis', () => {
    const s = fitIoSubject(`Modifica PES convalidata — buono ${long(200, 'BS 2020 ')}`);
    expect(s.length).toBeLessThanOrEqual(IO_SUBJECT_MAX);
    expect(s.endsWith('…')).toBe(true);
    expect(fitIoSubject('  Oggetto   breve  ')).toBe('Oggetto breve');
  });

  it.each([
    ['# titolo', '\\# titolo'],
    ['- voce', '\\- voce'],
    ['1. voce', '1\\. voce'],
    ['riga\n> citazione', 'riga\n\\> citazione'],
    ['BS-2020-0003 (protocollo)', 'BS-2020-0003 (protocollo)'],
    ['a_b*c`d~e|f\\g', 'a\\_b\\*c\\`d\\~e\\|f\\\\g'],
  ])('escapes %j', (input, out) => {
    expect(escapeMarkdown(input)).toBe(out);
  });

  it('builds an IO message from an e-mail without a link', () => {
    const c = ioContentFromEmail({ subject: 'Oggetto di prova', paragraphs: ['Uno', 'Due'] });
    expect(c).toEqual({ subject: 'Oggetto di prova', markdown: 'Uno\n\nDue' });
  });
});
