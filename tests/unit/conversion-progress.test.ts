import { describe, expect, it } from 'vitest';
import { derivedConversionStatus, type NewPesProgress } from '@/lib/domain/conversion-progress';
import { isMeasureOpen } from '@/lib/domain/measure-window';

const bs = (status: string): NewPesProgress => ({ status, kind: 'babysitting_covid', hasDocument: false });
const summer = (status: string, hasDocument: boolean): NewPesProgress => ({
  status,
  kind: 'summer_covid',
  hasDocument,
});

describe('derivedConversionStatus', () => {
  it.each<[string, NewPesProgress[], string]>([
    ['no new PES', [], 'draft'],
    ['only deleted PES', [bs('deleted')], 'draft'],
    ['a draft', [bs('draft'), bs('validated')], 'draft'],
    ['a rejected PES waits for the family', [bs('rejected'), bs('awaiting_validation')], 'draft'],
    ['waiting for a provider', [bs('awaiting_validation'), bs('validated')], 'awaiting_validation'],
    ['all validated babysitting', [bs('validated'), bs('deleted')], 'ready_to_submit'],
    ['validated summer PES without its PDF', [summer('validated', false)], 'awaiting_validation'],
    ['validated summer PES with its PDF', [summer('validated', true), bs('validated')], 'ready_to_submit'],
  ])('%s → %s', (_n, pes, expected) => {
    expect(derivedConversionStatus(pes)).toBe(expected);
  });
});

describe('isMeasureOpen', () => {
  const w = { opensOn: '2026-11-01', closesOn: '2026-12-31' };
  it.each([
    ['2026-10-31', false],
    ['2026-11-01', true],
    ['2026-11-26', true],
    ['2026-12-31', true],
    ['2027-01-01', false],
  ])('%s → %s', (today, open) => {
    expect(isMeasureOpen(w, today)).toBe(open);
  });
});
