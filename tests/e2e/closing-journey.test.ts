import { describe, expect, it } from 'vitest';
import { e2eEnabled, useApp } from './support/app-fixture';
import { expectAccessible, login, logout, newPage } from './support/browser';
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

    // Issue 19: everyone sees by when. Anna reads who must close by which day; Luca sees the date on his dashboard.
    await login(page, base, ANNA);
    await openVoucher(page, 'BS-2020-0001');
    const deadlines = (await page.getByTestId('scadenze').textContent()) ?? '';
    for (const code of ['BS-2020-0001/1', 'BS-2020-0001/2', 'BS-2020-0001/3'])
      expect(deadlines).toMatch(new RegExp(`deve chiudere il PES ${code} entro il \\d{2}/\\d{2}/\\d{4}\\.`));
    await expectAccessible(page);
    await logout(page);
    await login(page, base, LUCA_FERRARI);
    expect(await page.getByTestId('scadenza-pes').first().textContent()).toMatch(
      /^Da chiudere entro il \d{2}\/\d{2}\/\d{4} \(mancano \d+ giorni\)$/,
    );
    await expectAccessible(page);
    await logout(page);

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
