import { describe, expect, it } from 'vitest';
import { previewCoveredRates } from '@/lib/domain/measure-preview';

const seeded = { hourlyCapOneChildCents: 2_000, hourlyCapMultiChildCents: 2_500, copayBasisPoints: 1_000 };

describe('preview of the covered hourly rates', () => {
  it.each([
    ['unchanged parameters', seeded, 1_800, 2_250],
    ['co-payment down to 0 %', { ...seeded, copayBasisPoints: 0 }, 2_000, 2_500],
    ['co-payment 100 %', { ...seeded, copayBasisPoints: 10_000 }, 0, 0],
    [
      'caps raised to 22,00 € and 27,50 €',
      { ...seeded, hourlyCapOneChildCents: 2_200, hourlyCapMultiChildCents: 2_750 },
      1_980,
      2_475,
    ],
    [
      'a share that leaves a fraction of a cent is rounded down',
      { ...seeded, hourlyCapOneChildCents: 1_999, copayBasisPoints: 1_050 },
      1_789,
      2_237,
    ],
  ])('%s', (_name, after, one, multi) => {
    const [o, m] = previewCoveredRates(seeded, after);
    expect(o).toMatchObject({ children: 'one', before: 1_800, after: one });
    expect(m).toMatchObject({ children: 'multi', before: 2_250, after: multi });
  });

  it('shows no rate where a cap is not set (summer services are agreed in euro)', () => {
    const none = { hourlyCapOneChildCents: null, hourlyCapMultiChildCents: null, copayBasisPoints: 0 };
    expect(previewCoveredRates(none, none).map((r) => [r.before, r.after])).toEqual([
      [null, null],
      [null, null],
    ]);
  });
});
