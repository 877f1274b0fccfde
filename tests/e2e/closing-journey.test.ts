import { describe, expect, it } from 'vitest';
import { e2eEnabled, useApp } from './support/app-fixture';
import { expectAccessible, login, newPage } from './support/browser';
import {
  ANNA,
  annaRequestsClosing,
  closeAsProvider,
  FRANCESCO_MARINI,
  LUCA_FERRARI,
  openVoucher,
  PAOLO_GALLO,
} from './support/journeys';

describe.skipIf(!e2eEnabled)('closing journey: Anna asks, three providers close, the residual appears', () => {
  const { app, browser } = useApp();

  it('refuses an empty selection with a message and changes nothing', async () => {
    const { context, page } = await newPage(browser());
    await login(page, app().baseUrl, ANNA);
    await openVoucher(page, 'BS-2020-0001');
    expect(await page.getByTestId('importo-utilizzabile').textContent()).toMatch(/0,00\s€/);
    await page.getByRole('button', { name: 'Invia richiesta di chiusura' }).click();
    await page.getByText('Seleziona almeno un PES da chiudere.').waitFor();
    expect(await page.getByText('chiusura richiesta').count()).toBe(0);
    await expectAccessible(page);
    await context.close();
  });

  it('walks the guide §3.1 across the family and the three provider clerks', async () => {
    const { context, page } = await newPage(browser());
    const base = app().baseUrl;
    await annaRequestsClosing(page, base);
    await closeAsProvider(page, base, LUCA_FERRARI, 'BS-2020-0001/1', '300,00', '20');
    await closeAsProvider(page, base, PAOLO_GALLO, 'BS-2020-0001/2', '417,55', '28');
    await closeAsProvider(page, base, FRANCESCO_MARINI, 'BS-2020-0001/3', '200,00', '13');

    await login(page, base, ANNA);
    await openVoucher(page, 'BS-2020-0001');
    await expect.poll(() => page.getByTestId('importo-utilizzabile').textContent()).toMatch(/3\.282,45\s€/);
    await page.getByRole('link', { name: 'Aggiungi PES servizi babysitting' }).waitFor();
    await page.getByRole('link', { name: 'Aggiungi PES servizi estivi' }).waitFor();
    await page.getByText(/PES BS-2020-0001\/2 chiuso dal soggetto erogatore: liberati 1\.082,45/).waitFor();
    await expectAccessible(page);
    await context.close();
  });
});
