import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled, useApp } from './support/app-fixture';
import { expectAccessible, login, newPage, newPageWithoutJs } from './support/browser';
import { isoDate } from '@/lib/domain/dates';
import { manyFamilies, toCsv } from '../integration/support/import-csv';

const OFFICE = 'CNTCHR80T52L378Z';

async function chooseAndImport(page: Page, name: string, text: string) {
  await page
    .getByLabel('File CSV dei buoni assegnati')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await page.getByRole('button', { name: 'Importa' }).click();
}

describe.skipIf(!e2eEnabled)('office: voucher import and statistics', () => {
  const { app, browser } = useApp();

  // The first database use migrates and seeds the demo data (Argon2 hashes): done here, outside the
  // 30-second sign-in wait, so a busy machine does not fail the first login.
  beforeAll(async () => {
    await fetch(`${app().baseUrl}/dev/outbox`);
  });

  it('Chiara downloads the template, imports it with one bad row, sees the error, fixes it and imports; then opens the statistics', async () => {
    const { context, page } = await newPage(browser());
    await login(page, app().baseUrl, OFFICE);
    await page.goto(`${app().baseUrl}/ufficio/amministrazione`);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Importa i buoni assegnati' }).click();
    await page.waitForURL('**/ufficio/amministrazione/importa');
    await expect.poll(() => page.getByRole('heading', { name: 'Importa i buoni assegnati' }).isVisible()).toBe(true);
    await expectAccessible(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Scarica il modello CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('modello-importazione-buoni.csv');
    const template = readFileSync((await download.path())!, 'utf8');
    expect(template.charCodeAt(0)).toBe(0xfeff);

    // Row 4 of the file: band A for a four-year-old.
    const bad = template.replace(';BS-2020-0901/3;PRV1;B;', ';BS-2020-0901/3;PRV1;A;');
    expect(bad).not.toBe(template);
    await chooseAndImport(page, 'buoni-con-errore.csv', bad);
    await expect.poll(() => page.getByText('File non importato: nessun dato è stato salvato').isVisible()).toBe(true);
    const errorRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '4', exact: true }) });
    await expect.poll(() => errorRow.textContent()).toContain('Fascia del servizio');
    expect(await errorRow.textContent()).toContain('La fascia A non corrisponde');
    await expectAccessible(page);

    await chooseAndImport(page, 'buoni.csv', template);
    await expect.poll(() => page.getByText('Importazione completata').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('2 buoni nuovi, con 3 minori e 4 PES').isVisible()).toBe(true);
    await expectAccessible(page);

    await page.goto(`${app().baseUrl}/ufficio/amministrazione`);
    await page.getByRole('link', { name: 'Statistiche' }).click();
    await page.waitForURL('**/ufficio/amministrazione/statistiche');
    await expect
      .poll(() => page.getByRole('table', { name: 'Numero di modifiche PES per stato e per misura' }).isVisible())
      .toBe(true);
    // Marta Verdi's and the office demo's conversions are waiting on first start: the row's total is the sum of its measures.
    const submitted = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'inviata', exact: true }) });
    await expect.poll(() => submitted.count()).toBeGreaterThan(0);
    const cells = (await submitted.first().getByRole('cell').allTextContents()).map((c) =>
      Number(c.replace(/\D/g, '')),
    );
    expect(cells.length).toBeGreaterThan(1);
    expect(cells.at(-1)).toBeGreaterThan(0);
    expect(cells.slice(0, -1).reduce((a, b) => a + b, 0)).toBe(cells.at(-1));
    await expect.poll(() => page.locator('.recharts-surface').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await context.close();
  });

  it('without JavaScript the form posts and the page shows the rows to correct', async () => {
    const { context, page } = await newPageWithoutJs(browser(), app().baseUrl, OFFICE);
    await page.goto(`${app().baseUrl}/ufficio/amministrazione/importa`);
    const res = await context.request.get(`${app().baseUrl}/ufficio/amministrazione/importa/modello`);
    const template = (await res.text()).replaceAll('FRNGPP85A41L378R', 'FRNGPP85A41L378A');
    await chooseAndImport(page, 'senza-js.csv', template);
    await page.waitForURL(/esito=/);
    await expect.poll(() => page.getByText('File non importato: nessun dato è stato salvato').isVisible()).toBe(true);
    expect(await page.getByRole('table').first().textContent()).toContain('Codice fiscale del richiedente');
    // No axe here: it runs as a script in the page, and this context has scripts off (the JS journey checks this page).
    await context.close();
  });

  it('imports a 10 000-row file in one go from the browser', async () => {
    const { context, page } = await newPage(browser(), { width: 1024 });
    await login(page, app().baseUrl, OFFICE);
    await page.goto(`${app().baseUrl}/ufficio/amministrazione/importa`);
    const bytes = toCsv(manyFamilies(isoDate(new Date()), 5_000));
    await page
      .getByLabel('File CSV dei buoni assegnati')
      .setInputFiles({ name: 'diecimila.csv', mimeType: 'text/csv', buffer: Buffer.from(bytes) });
    await page.getByRole('button', { name: 'Importa' }).click();
    await expect.poll(() => page.getByText('Importazione completata').isVisible(), { timeout: 150_000 }).toBe(true);
    expect(await page.getByText('5.000 buoni nuovi, con 5.000 minori e 10.000 PES').isVisible()).toBe(true);
    await context.close();
  });

  it('refuses the import and statistics pages and the template to a family', async () => {
    const { context, page } = await newPage(browser());
    await login(page, app().baseUrl, 'RSSNNA85M41L378F');
    for (const path of ['/ufficio/amministrazione/importa', '/ufficio/amministrazione/statistiche']) {
      await page.goto(`${app().baseUrl}${path}`);
      await expect.poll(() => page.getByRole('heading', { name: 'Accesso non consentito' }).isVisible()).toBe(true);
    }
    const res = await page.context().request.get(`${app().baseUrl}/ufficio/amministrazione/importa/modello`);
    expect(res.status()).toBe(403);
    await context.close();
  });
});
