import { describe, expect, it } from 'vitest';
import { CONVERSION_STATUSES } from '@/lib/domain/state-machines';
import { canModifyPes } from '@/lib/domain/voucher-rules';

describe('canModifyPes', () => {
  it('is offered on an assigned voucher with no conversion yet', () => {
    expect(canModifyPes('assigned', null)).toBe(true);
  });
  it('is never offered on a concluded voucher', () => {
    expect(canModifyPes('concluded', null)).toBe(false);
    for (const s of CONVERSION_STATUSES) expect(canModifyPes('concluded', s)).toBe(false);
  });
  it.each([
    ['draft', true],
    ['awaiting_validation', true],
    ['ready_to_submit', true],
    ['returned', true],
    ['submitted', false],
    ['approved', false],
    ['rejected', false],
  ] as const)('conversion %s → %s', (status, expected) => {
    expect(canModifyPes('assigned', status)).toBe(expected);
  });
});
