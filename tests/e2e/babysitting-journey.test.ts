import { describe, expect, it } from 'vitest';
import { e2eEnabled, useApp } from './support/app-fixture';
import { expectAccessible, login, newPage } from './support/browser';
import { ANNA, annaDeclaresEmployment, GIULIA, openVoucher } from './support/journeys';

describe.skipIf(!e2eEnabled)('babysitting conversion (guide §3.2)', () => {
  // Anna's three PES are closed already (3.282,45 € freed): the closing is walked by the whole journey.
  const { app, browser } = useApp({}, { afterClosing: true });

  // The provider's validation and Anna's validated PES are walked by the whole journey (and, without
  // JavaScript, by no-javascript): here the live figures in Italian, the hours cap, the save and the request.
  it('Anna converts her residual into babysitting and asks the provider to validate it', async () => {
    const { context, page } = await newPage(browser());
    const base = app().baseUrl;
    await login(page, base, ANNA);
    await openVoucher(page, 'BS-2020-0001');
    await page.getByRole('link', { name: 'Aggiungi PES servizi babysitting' }).click();
    await page.getByRole('heading', { name: 'Condizione di occupazione' }).waitFor();
    await expectAccessible(page);
    await annaDeclaresEmployment(page);
    await expectAccessible(page);
    await page.getByLabel(/Luca Rossi/).check();
    await expect.poll(() => page.getByTestId('ore-max').textContent()).toBe('182');
    await page.getByLabel(/Sofia Rossi/).check();
    await expect.poll(() => page.getByTestId('ore-max').textContent()).toBe('145');
    await expect.poll(() => page.getByTestId('tariffa').textContent()).toMatch(/22,50\s€/);
    await page
      .getByRole('combobox', { name: 'Soggetto erogatore' })
      .selectOption({ label: 'Cooperativa Sociale Il Germoglio' });
    expect(
      await page.getByRole('combobox', { name: 'Soggetto erogatore' }).locator('option').allTextContents(),
    ).toEqual(['Seleziona…', 'Cooperativa Sociale Il Germoglio']);
    await page.getByLabel(/Ore complessive del servizio/).fill('146');
    await page.getByRole('button', { name: 'Salva il PES' }).click();
    await page.getByText('Inserisci un numero di ore tra 1 e 145 (ore max ammissibili).').waitFor();
    await expectAccessible(page);
    await page.getByLabel(/Ore complessive del servizio/).fill('145');
    await expect.poll(() => page.getByTestId('importo-pes').textContent()).toMatch(/3\.262,50\s€/);
    await expect.poll(() => page.getByTestId('residuo-dopo').textContent()).toMatch(/19,95\s€/);
    await page.getByRole('button', { name: 'Salva il PES' }).click();

    await page.getByText('PES BS-2020-0001/4 salvato').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Richiedi validazione al soggetto erogatore' }).click();
    await page.getByText('Richiesta di validazione inviata').waitFor();
    await page.getByText('In attesa di validazione da parte del soggetto erogatore.').waitFor();
    await expect.poll(() => page.getByTestId('importo-utilizzabile').textContent()).toMatch(/19,95\s€/);
    await expectAccessible(page);
    await context.close();
  });

  it('Giulia is refused for a condition outside the categories, then confirms her employer as a health-care employee', async () => {
    const { context, page } = await newPage(browser());
    await login(page, app().baseUrl, GIULIA);
    await openVoucher(page, 'BS-2020-0002');
    expect(await page.getByTestId('importo-utilizzabile').textContent()).toMatch(/1\.200,00\s€/);
    await page.getByRole('link', { name: 'Aggiungi PES servizi babysitting' }).click();
    await page.getByLabel('Altra condizione').check();
    await page.getByLabel('Dichiaro di rientrare al lavoro fuori casa').check();
    await page.getByRole('button', { name: 'Conferma' }).click();
    await page.getByText('Il babysitting domiciliare non è disponibile per la condizione dichiarata').waitFor();
    await page.getByRole('link', { name: 'aggiungi PES servizi estivi' }).waitFor();
    await expectAccessible(page);

    await page.getByLabel(/comparto sanità/).check();
    await page.getByRole('button', { name: 'Conferma' }).click();
    await page.getByRole('heading', { name: 'Conferma i dati del datore di lavoro' }).waitFor();
    await page.getByText('Azienda Provinciale per i Servizi Sanitari').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Confermo i dati del datore di lavoro' }).click();
    await page.getByRole('heading', { name: 'Nuovo PES servizi babysitting domiciliari' }).waitFor();
    await page.getByLabel(/Marco Bianchi/).check();
    await expect.poll(() => page.getByTestId('ore-max').textContent()).toBe('66');
    await expectAccessible(page);
    await context.close();
  });
});
