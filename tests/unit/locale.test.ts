import { describe, expect, it } from 'vitest';
import { chooseLocale, localeFromAcceptLanguage, safeReturnPath } from '@/lib/domain/locale';

describe('localeFromAcceptLanguage', () => {
  it.each([
    ['en-GB,en;q=0.9', 'en'],
    ['it-IT,it;q=0.9,en;q=0.8', 'it'],
    ['fr-FR,fr;q=0.9,en;q=0.8,it;q=0.7', 'en'],
    ['de;q=0.9, it;q=0.5, en;q=0.6', 'en'],
    ['EN-us', 'en'],
    ['en;q=0, it', 'it'],
    ['fr, de', null],
    ['', null],
    [null, null],
    ['*', null],
    ['en;q=abc', 'en'],
  ] as const)('%j → %s', (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });
});

describe('chooseLocale: profile, then cookie, then browser, then Italian; staff always Italian', () => {
  it.each([
    [{ italianOnly: true, profile: 'en', cookie: 'en', acceptLanguage: 'en' }, 'it'],
    [{ italianOnly: false, profile: 'en', cookie: 'it', acceptLanguage: 'it' }, 'en'],
    [{ italianOnly: false, profile: 'it', cookie: 'en', acceptLanguage: 'en' }, 'it'],
    [{ italianOnly: false, profile: null, cookie: 'en', acceptLanguage: 'it' }, 'en'],
    [{ italianOnly: false, profile: null, cookie: 'xx', acceptLanguage: 'en-US' }, 'en'],
    [{ italianOnly: false, profile: null, cookie: null, acceptLanguage: 'fr' }, 'it'],
    [{ italianOnly: false, profile: null, cookie: null, acceptLanguage: null }, 'it'],
  ] as const)('%j → %s', (input, locale) => {
    expect(chooseLocale(input)).toBe(locale);
  });
});

describe('safeReturnPath keeps the visitor on this site', () => {
  it.each([
    ['/famiglia/buoni/1?x=2', '/famiglia/buoni/1?x=2'],
    ['/', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/a\nb', '/'],
    ['', '/'],
    [42, '/'],
    ['/' + 'a'.repeat(2001), '/'],
  ] as const)('%j → %s', (value, path) => {
    expect(safeReturnPath(value)).toBe(path);
  });
});
