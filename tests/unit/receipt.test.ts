import { describe, expect, it } from 'vitest';
import { canonicalDossier } from '@/lib/domain/dossier';
import { renderReceiptPdf } from '@/lib/receipt/receipt-pdf';
import { receiptViewIn } from '@/lib/receipt/receipt-view-in';
import { italianWordsIn } from '../support/italian-words';
import { pdfText } from '../support/pdf-text';

const dossier = canonicalDossier({
  conversionId: '00000000-0000-4000-8000-000000000001',
  voucher: {
    number: 'BS-2020-0002',
    totalCents: 200_000,
    holderName: 'Zoë Łukasiewicz 😀',
    holderCodiceFiscale: 'BNCGLI90C55L378U',
  },
  closedPes: [
    {
      code: 'BS-2020-0002/1',
      providerName: 'Cooperativa Sociale Il Germoglio',
      amountCents: 200_000,
      usedCents: 80_000,
    },
  ],
  newPes: [
    {
      code: 'BS-2020-0002/2',
      kind: 'summer_covid',
      band: 'C',
      providerName: 'Associazione “Estate” Ragazzi – Trento',
      hours: 60,
      amountCents: 95_000,
      hourlyRateCents: null,
      status: 'validated',
      children: [{ name: 'Marco Bianchi', codiceFiscale: 'BNCMRC17A01L378X' }],
      document: { fileName: 'PES concordato.pdf', sizeBytes: 1234, sha256: 'AB'.repeat(32) },
    },
  ],
  declarations: {
    employmentCondition: 'public_health',
    statements: { returnsToWorkOutsideHome: true },
    employerConfirmed: true,
  },
});
const input = {
  protocolNumber: 'MPES-2026-000042',
  submittedAt: new Date('2026-11-26T16:05:00Z'),
  dossierSha256: 'f'.repeat(64),
  dossier,
  signature: {
    maskedMobile: '+39 ••• ••• 0002',
    otpId: '00000000-0000-4000-8000-000000000009',
    signedAt: '2026-11-26T16:05:00Z',
  },
};
const view = receiptViewIn(input, 'it');

describe('receipt', () => {
  it('says what was submitted, in Italian formats and Rome time', () => {
    expect(view.submittedAt).toBe('26/11/2026, 17:05 (ora italiana)');
    expect(view.closedPes[0]!.text).toMatch(/liberato 1\.200,00\s€/);
    expect(view.newPes[0]!.lines).toContain(`SHA-256 del documento: ${'ab'.repeat(32)}`);
    expect(view.committed).toMatch(/950,00\s€/);
    expect(view.residual).toMatch(/250,00\s€/);
    expect(view.declarations[0]).toMatch(/comparto sanità/);
  });

  it('renders as a PDF even with characters the standard fonts cannot draw', async () => {
    const { text, title, pages } = await pdfText(await renderReceiptPdf(view, 'it'));
    expect(title).toBe('Ricevuta MPES-2026-000042');
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain('Protocollo: MPES-2026-000042');
    expect(text).toContain('Richiedente: Zoë ?ukasiewicz ? ');
    expect(text).toContain('f'.repeat(40));
  });

  it('is written in English for an English-speaking family: page view and PDF (issue 21)', async () => {
    const en = receiptViewIn(input, 'en');
    expect(en.submittedAt).toBe('26 November 2026 at 17:05 (Italian time)');
    expect(en.closedPes[0]!.text).toBe('amount €2,000.00, used €800.00, freed €1,200.00');
    expect(en.newPes[0]!.title).toBe('PES BS-2020-0002/2 — Summer services, COVID-19 EMERGENCY');
    expect(en.newPes[0]!.lines).toContain('Band C, 60 hours, €950.00 charged to the voucher');
    expect(en.declarations).toEqual([
      expect.stringMatching(/^Employment condition: Public employee in health care/),
      'Declarations: returning to work outside the home',
      'Employer’s details confirmed',
    ]);
    const pdf = await pdfText(await renderReceiptPdf(en, 'en'));
    // WinAnsi's euro sign is byte 0x80, which the reader decodes as Latin-1.
    const text = pdf.text.replaceAll('\u0080', '€');
    const title = pdf.title;
    expect(title).toBe('Receipt MPES-2026-000042');
    expect(text).toContain('Record number: MPES-2026-000042');
    expect(text).toContain('Total charged to the voucher: €950.00');
    expect(text).toContain('amount remaining: €250.00');
    expect(text).toContain('What happens now');
    // Only people's and providers' names, and the office's name kept in Italian, are not English.
    const words = text.replace(
      /Struttura Multifunzionale Territoriale Ad Personam|Cooperativa Sociale Il Germoglio/g,
      '',
    );
    expect(italianWordsIn(words)).toEqual([]);
  });

  it('says every PES kind, declaration and employment condition a dossier can hold, in both languages', () => {
    for (const locale of ['it', 'en'] as const) {
      const v = receiptViewIn(
        {
          ...input,
          dossier: {
            ...dossier,
            newPes: [{ ...dossier.newPes[0]!, kind: 'babysitting_covid', band: null, hourlyRateCents: 1800 }],
            declarations: {
              employmentCondition: 'other',
              statements: { returnsToWorkOutsideHome: true, otherParentEmployed: true },
              employerConfirmed: false,
            },
          },
        },
        locale,
      );
      expect(JSON.stringify(v)).not.toMatch(/view\./);
    }
    for (const condition of ['private_sector', 'public_health', 'public_security', 'other'])
      for (const locale of ['it', 'en'] as const)
        expect(
          receiptViewIn(
            {
              ...input,
              dossier: { ...dossier, declarations: { ...dossier.declarations, employmentCondition: condition } },
            },
            locale,
          ).declarations[0],
        ).not.toMatch(/view\./);
  });
});
