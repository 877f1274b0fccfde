import { describe, expect, it } from 'vitest';
import { bandsForChild } from '@/lib/domain/bands';
import { yearsAgo } from '@/lib/domain/dates';
import { runningResidual, summerServiceStart, whatResidualBuys } from '@/lib/domain/summer';
import { residualBuysSentence } from '@/lib/i18n/residual-buys-sentence';

const DEL_575 = { hourlyCapOneChildCents: 2_000, hourlyCapMultiChildCents: 2_500, copayBasisPoints: 1_000 };
const plain = (s: string | null) => s?.replace(/\u00a0/g, ' ') ?? null;

describe('summerServiceStart: the band is decided on the day the service starts', () => {
  it.each([
    [{ opensOn: '2026-12-01', closesOn: '2027-01-31' }, '2026-11-26', '2026-12-01'],
    [{ opensOn: '2026-10-26', closesOn: '2027-01-31' }, '2026-11-26', '2026-11-26'],
    [{ opensOn: '2026-11-26', closesOn: '2027-01-31' }, '2026-11-26', '2026-11-26'],
  ])('window %j, today %s → %s', (w, today, start) => {
    expect(summerServiceStart(w, today)).toBe(start);
  });

  it('a child turning 3 before the measure opens is offered band B only', () => {
    const opensOn = '2026-12-01';
    const birth = yearsAgo(opensOn, 3); // third birthday on the opening day
    expect(bandsForChild(birth, false, '2026-11-26')).toEqual(['A']);
    expect(bandsForChild(birth, false, summerServiceStart({ opensOn, closesOn: '2027-01-31' }, '2026-11-26'))).toEqual([
      'B',
    ]);
  });
});

describe('runningResidual: the residual net of every PES on the page', () => {
  it.each<[number, (number | null)[], number, number | null]>([
    [103_245, [], 103_245, null],
    [103_245, [null, null], 103_245, null],
    [103_245, [103_245], 0, null],
    [103_245, [103_246], -1, 0],
    [328_245, [50_000, 80_000], 198_245, null],
    [100_000, [60_000, 50_000, 10_000], -20_000, 1],
    [100_000, [60_000, null, 40_000, 1], -1, 3],
    [0, [1], -1, 0],
  ])('residual %i with %j → %i left, overdraw at %s', (residual, amounts, left, at) => {
    expect(runningResidual(residual, amounts)).toEqual({ leftCents: left, overdrawIndex: at });
  });

  it('refuses non-integer cents', () => {
    expect(() => runningResidual(100, [0.5])).toThrow(RangeError);
  });
});

describe('what the residual buys', () => {
  it.each<[number, typeof DEL_575 | null, boolean, string | null]>([
    [
      103_245,
      DEL_575,
      true,
      'Con 1.032,45 € puoi avere fino a 57 ore di babysitting per un minore (18,00 €/h) o 45 ore per due o più minori (22,50 €/h), oppure servizi estivi fino a 1.032,45 €',
    ],
    [
      328_245,
      DEL_575,
      true,
      'Con 3.282,45 € puoi avere fino a 182 ore di babysitting per un minore (18,00 €/h) o 145 ore per due o più minori (22,50 €/h), oppure servizi estivi fino a 3.282,45 €',
    ],
    [
      1_800,
      DEL_575,
      true,
      'Con 18,00 € puoi avere fino a 1 ora di babysitting per un minore (18,00 €/h) o 0 ore per due o più minori (22,50 €/h), oppure servizi estivi fino a 18,00 €',
    ],
    [103_245, null, true, 'Con 1.032,45 € puoi avere servizi estivi fino a 1.032,45 €'],
    [
      103_245,
      DEL_575,
      false,
      'Con 1.032,45 € puoi avere fino a 57 ore di babysitting per un minore (18,00 €/h) o 45 ore per due o più minori (22,50 €/h)',
    ],
    [
      103_245,
      { hourlyCapOneChildCents: 3_000, hourlyCapMultiChildCents: 4_000, copayBasisPoints: 0 },
      false,
      'Con 1.032,45 € puoi avere fino a 34 ore di babysitting per un minore (30,00 €/h) o 25 ore per due o più minori (40,00 €/h)',
    ],
    [103_245, null, false, null],
    [0, DEL_575, true, null],
    [-5, DEL_575, true, null],
  ])('residual %i, babysitting %j, summer open %s', (residual, params, summerOpen, sentence) => {
    expect(plain(residualBuysSentence(whatResidualBuys(residual, params, summerOpen), 'it'))).toBe(sentence);
  });

  it('gives the numbers behind the sentence, computed from the measure parameters', () => {
    expect(whatResidualBuys(103_245, DEL_575, true)).toEqual({
      residualCents: 103_245,
      babysitting: { oneChild: { hours: 57, rateCents: 1_800 }, multiChild: { hours: 45, rateCents: 2_250 } },
      summerUpToCents: 103_245,
    });
  });
});
