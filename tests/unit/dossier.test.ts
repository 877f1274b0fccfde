import { describe, expect, it } from 'vitest';
import { canonicalDossier, canonicalJson, dossierSha256, type DossierInput } from '@/lib/domain/dossier';

const base: DossierInput = {
  conversionId: '00000000-0000-4000-8000-000000000001',
  voucher: {
    number: 'BS-2020-0002',
    totalCents: 200_000,
    holderName: 'Giulia Bianchi',
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
      kind: 'babysitting_covid',
      band: null,
      providerName: 'Cooperativa Sociale Il Germoglio',
      hours: 66,
      amountCents: 118_800,
      hourlyRateCents: 1_800,
      status: 'validated',
      children: [{ name: 'Marco Bianchi', codiceFiscale: 'BNCMRC17A01L378X' }],
      document: null,
    },
    {
      code: 'BS-2020-0002/3',
      kind: 'summer_covid',
      band: 'C',
      providerName: 'Associazione Estate Ragazzi Trento',
      hours: 1,
      amountCents: 1_200,
      hourlyRateCents: null,
      status: 'validated',
      children: [{ name: 'Marco Bianchi', codiceFiscale: 'BNCMRC17A01L378X' }],
      document: { fileName: 'pes.pdf', sizeBytes: 1234, sha256: 'ab'.repeat(32) },
    },
  ],
  declarations: {
    employmentCondition: 'public_health',
    statements: { returnsToWorkOutsideHome: true },
    employerConfirmed: true,
  },
};

const hash = (i: DossierInput) => dossierSha256(canonicalDossier(i));

describe('dossier canonical form and SHA-256', () => {
  it('is stable for the same content, whatever the row order', () => {
    const shuffled: DossierInput = {
      ...base,
      newPes: [...base.newPes].reverse(),
      declarations: { ...base.declarations, statements: { returnsToWorkOutsideHome: true } },
    };
    expect(hash(shuffled)).toBe(hash(base));
    expect(hash(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('sums freed and committed money in cents', () => {
    const d = canonicalDossier(base);
    expect([d.freedCents, d.committedCents, d.residualCents]).toEqual([120_000, 120_000, 0]);
  });

  it('leaves deleted PES out', () => {
    const withDeleted: DossierInput = {
      ...base,
      newPes: [...base.newPes, { ...base.newPes[0]!, code: 'BS-2020-0002/4', status: 'deleted' }],
    };
    expect(hash(withDeleted)).toBe(hash(base));
  });

  const n0 = base.newPes[0]!;
  const n1 = base.newPes[1]!;
  it.each<[string, DossierInput]>([
    ['voucher number', { ...base, voucher: { ...base.voucher, number: 'BS-2020-0009' } }],
    ['voucher total', { ...base, voucher: { ...base.voucher, totalCents: 200_001 } }],
    ['holder', { ...base, voucher: { ...base.voucher, holderCodiceFiscale: 'RSSNNA85M41L378F' } }],
    ['conversion', { ...base, conversionId: '00000000-0000-4000-8000-000000000002' }],
    ['amount used on a closed PES', { ...base, closedPes: [{ ...base.closedPes[0]!, usedCents: 80_001 }] }],
    ['closed PES provider', { ...base, closedPes: [{ ...base.closedPes[0]!, providerName: 'Nido Le Coccinelle' }] }],
    ['new PES hours', { ...base, newPes: [{ ...n0, hours: 65 }, n1] }],
    ['new PES amount', { ...base, newPes: [{ ...n0, amountCents: 118_799 }, n1] }],
    ['new PES rate', { ...base, newPes: [{ ...n0, hourlyRateCents: 2_250 }, n1] }],
    ['new PES provider', { ...base, newPes: [{ ...n0, providerName: 'Altro' }, n1] }],
    ['new PES band', { ...base, newPes: [n0, { ...n1, band: 'B' }] }],
    ['new PES kind', { ...base, newPes: [{ ...n0, kind: 'summer_covid' }, n1] }],
    ['new PES status', { ...base, newPes: [{ ...n0, status: 'awaiting_validation' }, n1] }],
    ['new PES children', { ...base, newPes: [{ ...n0, children: [] }, n1] }],
    ['document hash', { ...base, newPes: [n0, { ...n1, document: { ...n1.document!, sha256: 'cd'.repeat(32) } }] }],
    ['document name', { ...base, newPes: [n0, { ...n1, document: { ...n1.document!, fileName: 'altro.pdf' } }] }],
    ['document removed', { ...base, newPes: [n0, { ...n1, document: null }] }],
    ['a PES added', { ...base, newPes: [...base.newPes, { ...n0, code: 'BS-2020-0002/4' }] }],
    [
      'employment condition',
      { ...base, declarations: { ...base.declarations, employmentCondition: 'private_sector' } },
    ],
    [
      'a declaration',
      { ...base, declarations: { ...base.declarations, statements: { returnsToWorkOutsideHome: false } } },
    ],
    ['employer confirmation', { ...base, declarations: { ...base.declarations, employerConfirmed: false } }],
  ])('changes with the %s', (_what, changed) => {
    expect(hash(changed)).not.toBe(hash(base));
  });

  it('refuses money that is not integer cents', () => {
    expect(() => canonicalDossier({ ...base, newPes: [{ ...n0, amountCents: 1188.5 }] })).toThrow(RangeError);
  });

  it('serialises with sorted keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: null }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[2,{"e":null,"f":1}]},"b":1}',
    );
  });
});
