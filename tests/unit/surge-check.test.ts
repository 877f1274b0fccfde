import { describe, expect, it } from 'vitest';
import { foreignIdentifiers } from '../support/surge.mjs';

const family = {
  codiceFiscale: 'ONDFAM01A01L378S',
  childCf: 'ONDBIM01A01L378G',
  name: 'Ondata00001',
  voucherId: 'x',
  voucherNumber: 'BS-2020-S00001',
  cookie: '',
};

describe('the P6 cross-family check', () => {
  it('passes a page that names only the family’s own identifiers', () => {
    expect(
      foreignIdentifiers(`<h1>Buono BS-2020-S00001</h1> ONDFAM01A01L378S Ondata00001 ONDBIM01A01L378G`, family),
    ).toEqual([]);
  });
  it.each([
    ['another voucher', 'BS-2020-S00002'],
    ['another parent', 'ONDFAM02A01L378T'],
    ['another child', 'ONDBIM02A01L378H'],
    ['another family name', 'Ondata00002'],
  ])('catches %s', (_, foreign) => {
    expect(foreignIdentifiers(`BS-2020-S00001 … ${foreign}`, family)).toEqual([foreign]);
  });
});
