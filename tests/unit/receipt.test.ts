import { describe, expect, it } from 'vitest';
import { canonicalDossier } from '@/lib/domain/dossier';
import { receiptView } from '@/lib/domain/receipt';
import { renderReceiptPdf } from '@/lib/receipt/receipt-pdf';
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
const view = receiptView({
  protocolNumber: 'MPES-2026-000042',
  submittedAt: new Date('2026-11-26T16:05:00Z'),
  dossierSha256: 'f'.repeat(64),
  dossier,
  signature: {
    maskedMobile: '+39 ••• ••• 0002',
    otpId: '00000000-0000-4000-8000-000000000009',
    signedAt: '2026-11-26T16:05:00Z',
  },
});

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
    const { text, title, pages } = await pdfText(await renderReceiptPdf(view));
    expect(title).toBe('Ricevuta MPES-2026-000042');
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain('Protocollo: MPES-2026-000042');
    expect(text).toContain('Richiedente: Zoë ?ukasiewicz ? ');
    expect(text).toContain('f'.repeat(40));
  });
});
