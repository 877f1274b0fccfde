import { describe, expect, it } from 'vitest';
import { centsCsv, csvField, csvLine } from '@/lib/domain/csv';

describe('csvField', () => {
  it.each<[string | number | null | undefined, string]>([
    ['Rossi', 'Rossi'],
    ['D’Angelo Àlvaro', 'D’Angelo Àlvaro'],
    ['Via Roma; 12', '"Via Roma; 12"'],
    ['Il "Germoglio"', '"Il ""Germoglio"""'],
    ['riga\nnuova', '"riga\nnuova"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+39 347', "'+39 347"],
    ['@cmd', "'@cmd"],
    [-5, '-5'],
    [12, '12'],
    [null, ''],
    [undefined, ''],
  ])('%j → %j', (v, expected) => {
    expect(csvField(v)).toBe(expected);
  });
});

describe('csvLine', () => {
  it('joins with ; and ends with CRLF', () => {
    expect(csvLine(['a', 1, null, 'b;c'])).toBe('a;1;;"b;c"\r\n');
  });
});

describe('centsCsv', () => {
  it.each([
    [0, '0,00'],
    [5, '0,05'],
    [95_000, '950,00'],
    [328_245, '3282,45'],
    [123_456_789, '1234567,89'],
    [-1_050, '-10,50'],
  ])('%i → %s', (c, s) => {
    expect(centsCsv(c)).toBe(s);
  });

  it('refuses fractions of a cent', () => {
    expect(() => centsCsv(1.5)).toThrow(RangeError);
  });
});
