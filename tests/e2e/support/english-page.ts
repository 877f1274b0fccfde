import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { demoProviders } from '@/db/seed/demo-data';
import it from '@/messages/it';
import { italianWordsIn } from '../../support/italian-words';

const NAMESPACES = Object.keys(it).join('|');
const RAW_KEY = new RegExp(`\\b(${NAMESPACES})\\.\\w+`);

/** An English family page (issue 21): lang="en", no raw catalogue key, no Italian word outside lang="it". */
export async function expectEnglishPage(page: Page): Promise<void> {
  expect(await page.getAttribute('html', 'lang'), `lang of ${page.url()}`).toBe('en');
  const text = await page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll('[lang="it"], script, style, template').forEach((e) => e.remove());
    return body.textContent ?? '';
  });
  expect(text, `raw catalogue key on ${page.url()}`).not.toMatch(RAW_KEY);
  // An organisation's name ("Cooperativa Sociale Il Germoglio") is not Italian text to translate.
  // Nor are digests and codes ("…0da8ce…" is not the Italian "da"), even run into the next element's text
  // (textContent joins elements without a space: "…0da8ceSigned", which a word boundary would not end).
  const words = demoProviders.reduce((t, p) => t.replaceAll(p.name, ' '), text).replace(/[0-9a-f]{16,}/gi, ' ');
  expect(italianWordsIn(words), `Italian on ${page.url()}`).toEqual([]);
}
