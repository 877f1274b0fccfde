import { describe, it, expect } from 'vitest';
import { committedCents, freedCents, residualAfter, residualCents, type PesForResidual } from '@/lib/domain/residual';

const standard = (status: string, amountCents: number, usedCents: number | null): PesForResidual => ({
  kind: 'standard',
  status,
  amountCents,
  usedCents,
});
const covid = (kind: 'babysitting_covid' | 'summer_covid', status: string, amountCents: number): PesForResidual => ({
  kind,
  status,
  amountCents,
  usedCents: null,
});

// Demo voucher of Anna Rossi: three standard PES, all closed.
const anna = [standard('closed', 180000, 30000), standard('closed', 150000, 41755), standard('closed', 90000, 20000)];

describe('freedCents', () => {
  it('demo Anna: 1.800/1.500/900 € used 300,00/417,55/200,00 → 3.282,45 €', () => {
    expect(freedCents(anna)).toBe(328245);
  });

  it.each(['active', 'close_requested'])('a %s standard PES frees nothing', (status) => {
    expect(freedCents([...anna, standard(status, 100000, null)])).toBe(328245);
    expect(freedCents([standard(status, 100000, 0)])).toBe(0);
  });

  it('new PES never add to the freed money', () => {
    expect(freedCents([...anna, covid('summer_covid', 'validated', 50000)])).toBe(328245);
  });

  it('a closed PES without the used amount frees nothing until the provider declares it', () => {
    expect(freedCents([standard('closed', 100000, null)])).toBe(0);
  });

  it('a PES used beyond its charge frees nothing and takes nothing from the others', () => {
    expect(freedCents([standard('closed', 100000, 120000), standard('closed', 50000, 0)])).toBe(50000);
  });
});

describe('committedCents', () => {
  it.each([
    ['draft', 40000],
    ['awaiting_validation', 40000],
    ['validated', 40000],
    ['rejected', 0],
    ['deleted', 0],
    ['cancelled', 0],
  ])('a new PES in status %s commits %i', (status, committed) => {
    expect(committedCents([covid('summer_covid', status, 40000)])).toBe(committed);
    expect(committedCents([covid('babysitting_covid', status, 40000)])).toBe(committed);
  });

  it('standard PES are never committed money', () => {
    expect(committedCents(anna)).toBe(0);
  });
});

describe('residualCents and residualAfter', () => {
  it('subtracts live new PES from the freed money', () => {
    const pes = [
      ...anna,
      covid('babysitting_covid', 'validated', 180000), // 100 h × 18,00 €
      covid('summer_covid', 'awaiting_validation', 50000),
    ];
    expect(residualCents(pes)).toBe(98245);
  });

  it('a rejected new PES gives its money back', () => {
    const pending = [...anna, covid('summer_covid', 'awaiting_validation', 100000)];
    const rejected = [...anna, covid('summer_covid', 'rejected', 100000)];
    expect(residualCents(pending)).toBe(228245);
    expect(residualCents(rejected)).toBe(328245);
  });

  it('is returned raw when negative, so a broken invariant is visible', () => {
    expect(residualCents([...anna, covid('summer_covid', 'draft', 400000)])).toBe(-71755);
  });

  it('residualAfter tells whether one more PES fits, to the cent', () => {
    expect(residualAfter(anna, 328245)).toBe(0);
    expect(residualAfter(anna, 328246)).toBe(-1);
    expect(residualAfter(anna, 0)).toBe(328245);
  });

  it('adds many small sums exactly: 1000 PES of 0,10 €', () => {
    const pes = [
      standard('closed', 10000, 0),
      ...Array.from({ length: 1000 }, () => covid('summer_covid', 'draft', 10)),
    ];
    expect(committedCents(pes)).toBe(10000);
    expect(residualCents(pes)).toBe(0);
  });

  it('frees 0,10 € a thousand times exactly', () => {
    const pes = Array.from({ length: 1000 }, () => standard('closed', 1010, 1000));
    expect(freedCents(pes)).toBe(10000);
  });

  it('refuses fractional amounts instead of drifting', () => {
    expect(() => residualCents([standard('closed', 100.5, 0)])).toThrow(RangeError);
    expect(() => residualAfter(anna, 0.1)).toThrow(RangeError);
  });
});
