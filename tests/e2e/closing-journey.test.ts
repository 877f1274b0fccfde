import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launch, login, logout, newPage } from './support/browser';
import { startApp, type AppServer } from './support/server';

const enabled = Boolean(inject('chromiumPath'));
let app: AppServer;
let browser: Browser;

async function closeAsProvider(page: Page, cf: string, code: string, used: string, hours: string) {
  await login(page, app.baseUrl, cf);
  await expectAccessible(page);
  expect(await page.getByTestId('count-close').textContent()).toBe('1');
  await page.getByRole('link', { name: `Chiudi il PES: PES ${code}` }).first().click();
  await page.getByRole('heading', { name: `PES ${code}`, level: 1 }).waitFor();
  await expectAccessible(page);
  await page.getByLabel('Importo utilizzato (euro)').fill(used);
  await page.getByLabel('Ore utilizzate').fill(hours);
  await page.getByRole('button', { name: 'Prosegui' }).click();
  await page.getByRole('heading', { name: `Conferma la chiusura del PES ${code}` }).waitFor();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Conferma chiusura' }).click();
  await page.getByText(`PES ${code} chiuso`).waitFor();
  await expectAccessible(page);
  await logout(page);
}

describe.skipIf(!enabled)('closing journey: Anna asks, three providers close, the residual appears', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('walks the guide §3.1 across the family and the three provider clerks', async () => {
    const { context, page } = await newPage(browser);
    await login(page, app.baseUrl, 'RSSNNA85M41L378F');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Modifica PES del buono BS-2020-0001' }).click();
    await page.getByRole('heading', { name: /Modifica PES/ }).waitFor();
    await expectAccessible(page);
    expect(await page.getByTestId('importo-utilizzabile').textContent()).toMatch(/0,00\s€/);

    // Sending with nothing selected explains what to do and changes nothing.
    await page.getByRole('button', { name: 'Invia richiesta di chiusura' }).click();
    await page.getByText('Seleziona almeno un PES da chiudere.').waitFor();

    for (const code of ['BS-2020-0001/1', 'BS-2020-0001/2', 'BS-2020-0001/3']) await page.getByLabel(`PES ${code}`).check();
    await page.getByRole('button', { name: 'Invia richiesta di chiusura' }).click();
    await page.getByText('Richiesta inviata').waitFor();
    await expect.poll(() => page.getByText('chiusura richiesta').count()).toBe(3);
    await expectAccessible(page);
    await logout(page);

    await closeAsProvider(page, 'FRRLCU75B10L378M', 'BS-2020-0001/1', '300,00', '20');
    await closeAsProvider(page, 'GLLPLA78H05L378S', 'BS-2020-0001/2', '417,55', '28');
    await closeAsProvider(page, 'MRNFNC79D14L378N', 'BS-2020-0001/3', '200,00', '13');

    await login(page, app.baseUrl, 'RSSNNA85M41L378F');
    await page.getByRole('link', { name: 'Modifica PES del buono BS-2020-0001' }).click();
    await page.getByRole('heading', { name: /Modifica PES/ }).waitFor();
    await expect.poll(() => page.getByTestId('importo-utilizzabile').textContent()).toMatch(/3\.282,45\s€/);
    await page.getByRole('link', { name: 'Aggiungi PES servizi babysitting' }).waitFor();
    await page.getByRole('link', { name: 'Aggiungi PES servizi estivi' }).waitFor();
    await expect.poll(() => page.getByText(/PES BS-2020-0001\/2 chiuso dal soggetto erogatore: liberati 1\.082,45/).isVisible()).toBe(true);
    await expectAccessible(page);
    await context.close();
  });
});
