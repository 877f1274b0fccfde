import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFailed } from 'vitest';
import { HTML, PNG, pdf } from '../integration/support/pdfs';
import { e2eEnabled, useApp } from './support/app-fixture';
import { expectAccessible, login, logout, newPage, newPageWithoutJs } from './support/browser';
import { ANNA, babysittingForBothChildren, euro, openVoucher, PAOLO_GALLO } from './support/journeys';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'summer-e2e-'));
console.log(`summer e2e files in ${tmp}`);
const file = (name: string, bytes: Uint8Array) => {
  const p = path.join(tmp, name);
  writeFileSync(p, bytes);
  return p;
};

const panel = (page: Page, child: string) => page.locator('details', { hasText: child });

describe.skipIf(!e2eEnabled)('summer services (guide §3.3)', () => {
  // Anna's three PES are closed already (3.282,45 € freed): the closing is walked by the whole journey.
  const { app, browser } = useApp({}, { afterClosing: true });

  it('Anna enters summer PES for both children, uploads the agreed PES and asks for validation; the provider downloads and validates', async () => {
    // On a wide screen (the other family journeys run at 360 px): axe sees the family pages' wide layout here.
    const { context, page } = await newPage(browser(), { width: 1280 });
    onTestFailed(async () =>
      writeFileSync(
        path.join(tmp, 'failure.txt'),
        `${page.url()}\n${await page
          .locator('body')
          .innerText()
          .catch(() => '')}`,
      ),
    );
    const base = app().baseUrl;
    await login(page, base, ANNA);
    await openVoucher(page, 'BS-2020-0001');
    await babysittingForBothChildren(page, '100');
    await page.goto(`${base}/famiglia`);
    await openVoucher(page, 'BS-2020-0001');
    await expect
      .poll(async () => (await page.getByTestId('cosa-compra').textContent())?.replace(/\u00a0/g, ' '))
      .toBe(
        'Con 1.032,45 € puoi avere fino a 57 ore di babysitting per un minore (18,00 €/h) o 45 ore per due o più minori (22,50 €/h), oppure servizi estivi fino a 1.032,45 €.',
      );

    await page.getByRole('link', { name: 'Aggiungi PES servizi estivi' }).click();
    await page.getByRole('heading', { name: 'Richiesta P.E.S. servizi estivi' }).waitFor();
    await page.getByRole('button', { name: 'conferma i dati e prosegui' }).and(page.locator(':enabled')).waitFor();
    await expect.poll(() => page.getByText('Nessun P.E.S. inserito per questo minore.').count()).toBe(2);
    await expect.poll(() => page.getByTestId('residuo-estivi').first().textContent()).toMatch(euro('1.032,45'));
    await expectAccessible(page);

    // Luca (2 years): band A only, so Estate Ragazzi (B/C) is not offered.
    await panel(page, 'Luca Rossi')
      .getByRole('button', { name: /Aggiungi P.E.S./ })
      .click();
    const luca = panel(page, 'Luca Rossi');
    expect(await luca.getByLabel('Fascia del servizio').locator('option').allTextContents()).toEqual([
      'Scegli la fascia',
      expect.stringMatching(/^A\)/),
    ]);
    await luca.getByLabel('Fascia del servizio').selectOption('A');
    expect(await luca.getByLabel('Soggetto erogatore', { exact: true }).locator('option').allTextContents()).toEqual([
      'Scegli il soggetto erogatore',
      'Cooperativa Sociale Il Germoglio',
    ]);

    // Sofia (5 years), band B with Estate Ragazzi: 1.032,46 € overdraws and saves nothing.
    await luca.getByRole('button', { name: /Cancella questo P.E.S./ }).click();
    await panel(page, 'Sofia Rossi')
      .getByRole('button', { name: /Aggiungi P.E.S./ })
      .click();
    const sofia = panel(page, 'Sofia Rossi');
    await sofia.getByLabel('Fascia del servizio').selectOption('B');
    await sofia
      .getByLabel('Soggetto erogatore', { exact: true })
      .selectOption({ label: 'Associazione Estate Ragazzi Trento' });
    await sofia.getByLabel(/Quota richiesta/).fill('1.032,46');
    await sofia.getByLabel(/Ore complessive/).fill('120');
    await expect.poll(() => page.getByTestId('residuo-estivi').first().textContent()).toMatch(/-0,01\s€/);
    await page.getByRole('button', { name: 'conferma i dati e prosegui' }).click();
    await sofia.getByText(/la quota può essere al massimo 1\.032,45/).waitFor();
    await expectAccessible(page);

    // Both children within the residual: saved in one go.
    await sofia.getByLabel(/Quota richiesta/).fill('532,45');
    await panel(page, 'Luca Rossi')
      .getByRole('button', { name: /Aggiungi P.E.S./ })
      .click();
    await luca
      .getByLabel('Soggetto erogatore', { exact: true })
      .selectOption({ label: 'Cooperativa Sociale Il Germoglio' });
    await luca.getByLabel(/Quota richiesta/).fill('500,00');
    await luca.getByLabel(/Ore complessive/).fill('40');
    await expect.poll(() => page.getByTestId('residuo-estivi').first().textContent()).toMatch(/0,00\s€/);
    await page.getByRole('button', { name: 'Aggiorna' }).click();
    await page.getByText('Importo aggiornato').waitFor();
    await page.getByRole('button', { name: 'conferma i dati e prosegui' }).click();
    await page.getByText('P.E.S. salvati').waitFor();
    await expectAccessible(page);

    // Documents: a refused file, an uploaded and a replaced one, Visualizza.
    const sofiaDoc = page.locator('li', { hasText: 'PES BS-2020-0001/5' });
    const lucaDoc = page.locator('li', { hasText: 'PES BS-2020-0001/6' });
    await page
      .getByText(
        'Prima di richiedere la validazione carica il PES concordato (PDF) per: BS-2020-0001/5, BS-2020-0001/6.',
      )
      .waitFor();
    await sofiaDoc.getByLabel('File PDF del PES concordato').setInputFiles(file('foto.pdf', PNG));
    await sofiaDoc.getByRole('button', { name: /carica/ }).click();
    await sofiaDoc.getByText(/Errore: Il file deve essere un PDF/).waitFor();
    await expectAccessible(page);
    await sofiaDoc
      .getByLabel('File PDF del PES concordato')
      .setInputFiles(file('PES Sofia.pdf', await pdf({ text: 'PES Sofia' })));
    await sofiaDoc.getByRole('button', { name: /carica/ }).click();
    await sofiaDoc.locator('strong', { hasText: 'PES Sofia.pdf' }).waitFor();
    await sofiaDoc
      .getByLabel('Nuovo file PDF')
      .setInputFiles(file('PES Sofia v2.pdf', await pdf({ text: 'PES Sofia v2' })));
    await sofiaDoc.getByRole('button', { name: /Sostituisci/ }).click();
    await sofiaDoc.locator('strong', { hasText: 'PES Sofia v2.pdf' }).waitFor();
    const href = await sofiaDoc.getByRole('link', { name: /Visualizza/ }).getAttribute('href');
    const got = await page.request.get(`${base}${href}`);
    expect(got.status()).toBe(200);
    expect(got.headers()['content-disposition']).toMatch(/^attachment; filename="PES Sofia v2.pdf"/);
    expect(got.headers()['x-content-type-options']).toBe('nosniff');
    await lucaDoc
      .getByLabel('File PDF del PES concordato')
      .setInputFiles(file('PES Luca.pdf', await pdf({ text: 'PES Luca' })));
    await lucaDoc.getByRole('button', { name: /carica/ }).click();
    await lucaDoc.locator('strong', { hasText: 'PES Luca.pdf' }).waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Richiedi validazione al soggetto erogatore' }).click();
    await page.getByText('Richiesta di validazione inviata').waitFor();
    await expectAccessible(page);
    await logout(page);

    await login(page, base, PAOLO_GALLO);
    await page.getByRole('link', { name: 'Valida o rifiuta: PES BS-2020-0001/5' }).first().click();
    await page.getByRole('heading', { name: 'Validazione del PES BS-2020-0001/5' }).waitFor();
    await expectAccessible(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Visualizza PES Sofia v2.pdf/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('PES Sofia v2.pdf');
    await page.getByRole('button', { name: 'Valida' }).click();
    await page.getByText('PES BS-2020-0001/5 validato').waitFor();
    await expectAccessible(page);
    await logout(page);
    await context.close();
  }, 480_000);

  it('before hydration: Aggiorna posts to the server, nothing leaks into the URL, the save button waits, a plain upload works', async () => {
    const base = app().baseUrl;
    const { context, page } = await newPageWithoutJs(browser(), base, ANNA);
    const voucher = await (async () => {
      await page.goto(`${base}/famiglia`);
      return (await page.getByRole('link', { name: 'Modifica PES del buono BS-2020-0001' }).getAttribute('href'))!;
    })();
    await page.goto(`${base}${voucher}/estivi`);
    expect(await page.getByRole('button', { name: 'conferma i dati e prosegui' }).isDisabled()).toBe(true);
    const luca = panel(page, 'Luca Rossi');
    await luca.getByLabel(/Quota richiesta/).fill('600,00');
    await page.getByRole('button', { name: 'Aggiorna' }).click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).search).toBe('');
    await expect.poll(() => page.getByTestId('residuo-estivi').first().textContent()).toMatch(/-100,00\s€/);
    await luca.getByText(/la quota può essere al massimo 500,00/).waitFor();

    await page.goto(`${base}${voucher}/estivi`);
    const lucaDoc = page.locator('li', { hasText: 'PES BS-2020-0001/6' });
    await lucaDoc.getByLabel('Nuovo file PDF').setInputFiles(file('pagina.pdf', HTML));
    await lucaDoc.getByRole('button', { name: /Sostituisci/ }).click();
    await page.waitForURL((u) => u.searchParams.get('documento') === 'not_pdf');
    await page
      .locator('li', { hasText: 'PES BS-2020-0001/6' })
      .getByText(/Errore: Il file deve essere un PDF/)
      .waitFor();
    await context.close();
  });
});
