import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { italianWordsIn } from '../support/italian-words';
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

  // Issue 21: the family side in English. Last in this file: it changes Anna's language and puts it back.
  it('a family switches its pages to English and back; the choice follows it to another browser', async () => {
    const base = app().baseUrl;
    const { context, page } = await newPage(browser());
    await login(page, base, ANNA);
    await page.getByRole('heading', { name: 'Buoni di servizio', level: 1 }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('it');

    await page.getByRole('button', { name: 'Read in English' }).click();
    await page.getByRole('heading', { name: 'Service vouchers', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/famiglia');
    await expectEnglishPage(page);
    expect(await page.getByText(/^€\d{1,3}(,\d{3})*\.\d{2}$/).count()).toBeGreaterThan(0);
    await expectAccessible(page);

    // The voucher page and the babysitting page in English: money and history in English, the guide's labels
    // kept in Italian beside them (marked lang="it").
    await page.getByRole('link', { name: 'Change PES (MODIFICA PES) of voucher BS-2020-0001' }).click();
    await page.getByRole('heading', { name: /^Change PES \(Modifica PES\) Voucher BS-2020-0001$/, level: 1 }).waitFor();
    expect(await page.getByTestId('importo-utilizzabile').textContent()).toBe('€3,282.45');
    await page.getByText(/^PES BS-2020-0001\/2 closed by the service provider: €1,082\.45 freed$/).waitFor();
    expect(await page.getByTestId('cosa-compra').textContent()).toMatch(
      /^With €3,282\.45 you can have up to 182 hours/,
    );
    await expectEnglishPage(page);
    await expectAccessible(page);
    await page.locator('main a', { hasText: 'Add babysitting PES (Aggiungi PES servizi babysitting)' }).click();
    await page.getByRole('heading', { name: 'Home babysitting PES, COVID-19 emergency', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Employment condition', level: 2 }).waitFor();
    await page.getByRole('radio', { name: 'Private-sector worker' }).waitFor();
    await expectEnglishPage(page);
    await expectAccessible(page);
    await page.goto(`${base}/famiglia`);

    // A browser without the cookie and with Italian as its language: the profile wins.
    const other = await newPage(browser());
    await login(other.page, base, ANNA);
    await other.page.getByRole('heading', { name: 'Service vouchers', level: 1 }).waitFor();
    await other.context.close();

    await page.getByRole('button', { name: 'Leggi in italiano' }).click();
    await page.getByRole('heading', { name: 'Buoni di servizio', level: 1 }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('it');
    await context.close();
  });
});

/** lang="en", no raw catalogue key, and no Italian word outside the parts marked lang="it". */
async function expectEnglishPage(page: Page) {
  expect(await page.getAttribute('html', 'lang')).toBe('en');
  const text = await page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll('[lang="it"], script, style, template').forEach((e) => e.remove());
    return body.textContent ?? '';
  });
  expect(text).not.toMatch(
    /\b(Layout|Home|FamilyHome|ConversionStatus|CloseRequest|Money|Emails|VoucherPage|VoucherTimeline|PesFacts|PesLabels|NewPesList|SubmissionGate|MeasureUnavailable|BabysittingPage|BabysittingForm|EmploymentDialog|FamilyPesRules|NewPesErrors|AppErrors)\.\w+/,
  );
  expect(italianWordsIn(text)).toEqual([]);
}
