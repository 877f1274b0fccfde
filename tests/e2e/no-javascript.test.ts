import type { Browser, Page, Route } from 'playwright-core';
import { describe, expect, it, onTestFailed } from 'vitest';
import { e2eEnabled, useApp } from './support/app-fixture';
import { expectAccessible, login, logout, newPage, newPageWithoutJs, PHONE } from './support/browser';
import {
  ANNA,
  closeAsProvider,
  FRANCESCO_MARINI,
  GIULIA,
  LUCA_FERRARI,
  openVoucher,
  PAOLO_GALLO,
} from './support/journeys';

// Issue 12 item 4: the forms built before the summer issue post through `<form action>`, so they work with
// JavaScript off. Each user's session cookie is set in a context without JavaScript (newPageWithoutJs).

/** A form posted without JavaScript is a POST: nothing typed ends up in the address as a GET query. */
function expectNoQuery(page: Page, allowed: string[] = []): void {
  const keys = [...new URL(page.url()).searchParams.keys()].filter((k) => !allowed.includes(k));
  expect(keys, `query of ${page.url()}`).toEqual([]);
}

/** The page axe checks copies in: one per browser, so each check is a navigation, not a new context and renderer. */
const axeCopies = new WeakMap<Browser, Promise<Page>>();
function axeCopyPage(browser: Browser): Promise<Page> {
  let copy = axeCopies.get(browser);
  if (!copy) {
    copy = browser.newContext({ ...PHONE, javaScriptEnabled: true }).then((context) => context.newPage());
    axeCopies.set(browser, copy);
  }
  return copy;
}

/**
 * axe cannot run in a page without JavaScript (its script never completes there): the same HTML, minus
 * scripts and with <noscript> shown as a JavaScript-less browser shows it, is served at the same address
 * (without its fragment, so the copy is always loaded anew) to a page with JavaScript, and checked there
 * (styles load from the app).
 */
async function expectAccessibleWithoutJs(page: Page): Promise<void> {
  const url = new URL(page.url());
  url.hash = '';
  const html = (await page.content())
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<(\/?)noscript>/gi, '<$1div>');
  const copy = await axeCopyPage(page.context().browser()!);
  const serve = (r: Route) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  await copy.route(url.href, serve);
  try {
    await copy.goto(url.href);
    await expectAccessible(copy);
  } finally {
    await copy.unroute(url.href, serve);
  }
}

async function click(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('button', { name, exact: typeof name === 'string' }).click();
  await page.waitForLoadState('load');
}

async function voucherPage(page: Page, base: string, number: string): Promise<string> {
  await page.goto(`${base}/famiglia`);
  const href = (await page.getByRole('link', { name: `Modifica PES del buono ${number}` }).getAttribute('href'))!;
  await page.goto(`${base}${href}`);
  return href;
}

describe.skipIf(!e2eEnabled)('forms without JavaScript (issue 12 item 4)', () => {
  const { app, browser } = useApp();

  it('close request, provider closing (Prosegui → Conferma chiusura) and a babysitting PES, all with JavaScript off', async () => {
    const base = app().baseUrl;

    // Anna asks to close her three PES.
    const anna = await newPageWithoutJs(browser(), base, ANNA);
    let page = anna.page;
    const voucher = await voucherPage(page, base, 'BS-2020-0001');
    await expectAccessibleWithoutJs(page);
    await click(page, 'Invia richiesta di chiusura');
    await page.getByText('Seleziona almeno un PES da chiudere.').waitFor();
    expectNoQuery(page);
    expect(await page.getByText('chiusura richiesta').count()).toBe(0);
    await expectAccessibleWithoutJs(page);
    for (const code of ['BS-2020-0001/1', 'BS-2020-0001/2', 'BS-2020-0001/3'])
      await page.getByLabel(`PES ${code}`).check();
    await click(page, 'Invia richiesta di chiusura');
    await page.getByText('Richiesta inviata').waitFor();
    await page
      .getByText(/Richiesta di chiusura inviata per BS-2020-0001\/1, BS-2020-0001\/2, BS-2020-0001\/3/)
      .waitFor();
    expect(await page.getByText('chiusura richiesta').count()).toBe(3);
    expectNoQuery(page);
    await expectAccessibleWithoutJs(page);
    await anna.context.close();

    // The first provider closes hers in two steps, with a mistake and a "Modifica i dati" on the way.
    const luca = await newPageWithoutJs(browser(), base, LUCA_FERRARI);
    page = luca.page;
    await page.goto(`${base}/erogatore`);
    await page.getByRole('link', { name: 'Chiudi il PES: PES BS-2020-0001/1' }).first().click();
    await page.getByRole('heading', { name: 'PES BS-2020-0001/1', level: 1 }).waitFor();
    await expectAccessibleWithoutJs(page);
    await page.getByLabel('Importo utilizzato (euro)').fill('12,345');
    await page.getByLabel('Ore utilizzate').fill('20');
    await click(page, 'Prosegui');
    await page.getByRole('heading', { name: 'Chiudi il PES' }).waitFor();
    expect(await page.getByLabel('Importo utilizzato (euro)').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Importo utilizzato (euro)').inputValue()).toBe('12,345');
    expect(await page.getByLabel('Ore utilizzate').inputValue()).toBe('20');
    expectNoQuery(page);
    await expectAccessibleWithoutJs(page);
    await page.getByLabel('Importo utilizzato (euro)').fill('2.000,00');
    await click(page, 'Prosegui');
    await page.getByText(/L’importo utilizzato deve essere tra 0,00\s€ e 1\.800,00\s€/).waitFor();
    await page.getByLabel('Importo utilizzato (euro)').fill('300,00');
    await click(page, 'Prosegui');
    await page.getByRole('heading', { name: 'Conferma la chiusura del PES BS-2020-0001/1' }).waitFor();
    // The freed amount on the summary is the server's.
    await page.getByText(/1\.500,00\s€/).waitFor();
    expectNoQuery(page);
    await expectAccessibleWithoutJs(page);
    await click(page, 'Modifica i dati');
    await page.getByRole('heading', { name: 'Chiudi il PES' }).waitFor();
    expect(await page.getByLabel('Importo utilizzato (euro)').inputValue()).toBe('300,00');
    await click(page, 'Prosegui');
    await page.getByRole('heading', { name: 'Conferma la chiusura del PES BS-2020-0001/1' }).waitFor();
    await click(page, 'Conferma chiusura');
    await page.getByText('PES BS-2020-0001/1 chiuso').waitFor();
    await page.getByText(/liberati 1\.500,00\s€ per la famiglia/).waitFor();
    expectNoQuery(page);
    await expectAccessibleWithoutJs(page);
    await luca.context.close();

    // The other two with JavaScript, as the closing journey does.
    const { context, page: jsPage } = await newPage(browser());
    await closeAsProvider(jsPage, base, PAOLO_GALLO, 'BS-2020-0001/2', '417,55', '28');
    await closeAsProvider(jsPage, base, FRANCESCO_MARINI, 'BS-2020-0001/3', '200,00', '13');
    await context.close();

    // Anna converts 100 hours into babysitting for both children.
    const anna2 = await newPageWithoutJs(browser(), base, ANNA);
    page = anna2.page;
    await page.goto(`${base}${voucher}`);
    await expect.poll(() => page.getByTestId('importo-utilizzabile').textContent()).toMatch(/3\.282,45\s€/);
    await page.getByRole('link', { name: 'Aggiungi PES servizi babysitting' }).click();
    await page.getByRole('heading', { name: 'Condizione di occupazione' }).waitFor();
    await expectAccessibleWithoutJs(page);
    await click(page, 'Conferma');
    await page.getByText('Seleziona la tua condizione di occupazione.').first().waitFor();
    expectNoQuery(page);
    await page.getByLabel('Lavoratrice/lavoratore del settore privato', { exact: false }).check();
    await page.getByLabel('Dichiaro di rientrare al lavoro fuori casa').check();
    await page.getByLabel('Dichiaro che anche l’altro genitore del nucleo familiare è occupato').check();
    await click(page, 'Conferma');
    await page.getByRole('heading', { name: 'Nuovo PES servizi babysitting domiciliari' }).waitFor();
    expectNoQuery(page);
    await expectAccessibleWithoutJs(page);

    await page.getByLabel(/Luca Rossi/).check();
    await page.getByLabel(/Sofia Rossi/).check();
    await page
      .getByRole('combobox', { name: 'Soggetto erogatore' })
      .selectOption({ label: 'Cooperativa Sociale Il Germoglio' });
    await page.getByLabel(/Ore complessive del servizio/).fill('100');
    // Without JavaScript the figures come from the server: Aggiorna.
    await click(page, /^Aggiorna/);
    await page.getByText('Importo aggiornato').waitFor();
    await page.getByText(/100 ore × 22,50\s€ = 2\.250,00\s€/).waitFor();
    expect(await page.getByTestId('importo-pes').textContent()).toMatch(/2\.250,00\s€/);
    expect(await page.getByTestId('residuo-dopo').textContent()).toMatch(/1\.032,45\s€/);
    expect(await page.getByTestId('tariffa').textContent()).toMatch(/22,50\s€/);
    expect(await page.getByTestId('ore-max').textContent()).toBe('145');
    expect(await page.getByLabel(/Ore complessive del servizio/).inputValue()).toBe('100');
    expect(await page.getByLabel(/Sofia Rossi/).isChecked()).toBe(true);
    expectNoQuery(page);
    await expectAccessibleWithoutJs(page);

    // Too many hours: refused with what to do, nothing saved, the values kept.
    await page.getByLabel(/Ore complessive del servizio/).fill('146');
    await click(page, 'Salva il PES');
    await page.getByText('PES non salvato').waitFor();
    await page.getByText(/Inserisci un numero intero di ore tra 1 e 145/).waitFor();
    expect(await page.getByLabel(/Ore complessive del servizio/).inputValue()).toBe('146');
    expect(await page.getByLabel(/Luca Rossi/).isChecked()).toBe(true);
    expectNoQuery(page);
    await expectAccessibleWithoutJs(page);

    await page.getByLabel(/Ore complessive del servizio/).fill('100');
    await click(page, 'Salva il PES');
    await page.getByText('PES BS-2020-0001/4 salvato').waitFor();
    await page.getByText(/Importo del PES calcolato dal sistema: 2\.250,00\s€ \(100 ore\)/).waitFor();
    // The app's own redirect names the saved PES; the form's fields never reach the address.
    expectNoQuery(page, ['salvato']);
    await expect.poll(() => page.getByTestId('importo-utilizzabile').textContent()).toMatch(/1\.032,45\s€/);
    await expectAccessibleWithoutJs(page);
    await anna2.context.close();
  }, 480_000);

  it('employment condition with the employer step, and the provider validation (Rifiuta asks for a reason), with JavaScript off', async () => {
    const base = app().baseUrl;
    const giulia = await newPageWithoutJs(browser(), base, GIULIA);
    let page = giulia.page;
    await voucherPage(page, base, 'BS-2020-0002');
    await page.getByRole('link', { name: 'Aggiungi PES servizi babysitting' }).click();
    await page.getByLabel('Altra condizione').check();
    await page.getByLabel('Dichiaro di rientrare al lavoro fuori casa').check();
    await click(page, 'Conferma');
    await page.getByText('Il babysitting domiciliare non è disponibile per la condizione dichiarata').waitFor();
    expect(await page.getByLabel('Altra condizione').isChecked()).toBe(true);
    expectNoQuery(page);
    await expectAccessibleWithoutJs(page);
    await page.getByLabel(/comparto sanità/).check();
    await click(page, 'Conferma');
    await page.getByRole('heading', { name: 'Conferma i dati del datore di lavoro' }).waitFor();
    await page.getByText('Azienda Provinciale per i Servizi Sanitari').waitFor();
    await expectAccessibleWithoutJs(page);
    await click(page, 'Confermo i dati del datore di lavoro');
    await page.getByRole('heading', { name: 'Nuovo PES servizi babysitting domiciliari' }).waitFor();
    expectNoQuery(page);
    await page.getByLabel(/Marco Bianchi/).check();
    await page
      .getByRole('combobox', { name: 'Soggetto erogatore' })
      .selectOption({ label: 'Cooperativa Sociale Il Germoglio' });
    await page.getByLabel(/Ore complessive del servizio/).fill('10');
    await click(page, 'Salva il PES');
    await page.getByText(/PES BS-2020-0002\/\d+ salvato/).waitFor();
    await giulia.context.close();

    // Asking for validation with JavaScript (not one of the forms of this issue).
    const { context, page: jsPage } = await newPage(browser());
    await login(jsPage, base, GIULIA);
    await openVoucher(jsPage, 'BS-2020-0002');
    await jsPage.getByRole('button', { name: 'Richiedi validazione al soggetto erogatore' }).click();
    await jsPage.getByText('Richiesta di validazione inviata').waitFor();
    await logout(jsPage);
    await context.close();

    const provider = await newPageWithoutJs(browser(), base, LUCA_FERRARI);
    page = provider.page;
    await page.goto(`${base}/erogatore`);
    await page
      .getByRole('link', { name: /^Valida o rifiuta: PES BS-2020-0002/ })
      .first()
      .click();
    await page.getByRole('heading', { name: /^Validazione del PES BS-2020-0002/ }).waitFor();
    await expectAccessibleWithoutJs(page);
    await click(page, 'Rifiuta');
    await page.getByLabel('Motivo del rifiuto').waitFor();
    expect(await page.getByLabel('Motivo del rifiuto').getAttribute('aria-invalid')).toBeNull();
    await expectAccessibleWithoutJs(page);
    await page.getByLabel('Motivo del rifiuto').fill('no');
    await click(page, 'Conferma il rifiuto');
    await page.getByText(/Scrivi il motivo del rifiuto \(almeno 5 caratteri\)/).waitFor();
    expect(await page.getByLabel('Motivo del rifiuto').inputValue()).toBe('no');
    expectNoQuery(page);
    await page.getByRole('link', { name: 'Annulla' }).click();
    await click(page, 'Valida');
    await page.getByText(/PES BS-2020-0002\/\d+ validato/).waitFor();
    expectNoQuery(page);
    await expectAccessibleWithoutJs(page);
    await provider.context.close();
  }, 300_000);

  it('password reset (request, then the new password with the code pasted) with JavaScript off', async () => {
    const base = app().baseUrl;
    const context = await browser().newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    onTestFailed(async () =>
      console.log(
        `no-JS page at failure: ${page.url()}\n${await page
          .locator('body')
          .innerText()
          .catch(() => '')}\n${app().logs().slice(-4000)}`,
      ),
    );
    await page.goto(`${base}/password-smarrita`);
    await page.getByLabel('Nome', { exact: true }).fill('Paolo');
    await page.getByLabel('Codice fiscale', { exact: true }).fill(PAOLO_GALLO);
    await click(page, 'Richiedi');
    await page.getByText('Inserisci il cognome.').waitFor();
    expect(await page.getByLabel('Nome', { exact: true }).inputValue()).toBe('Paolo');
    expect(await page.getByLabel('Codice fiscale', { exact: true }).inputValue()).toBe(PAOLO_GALLO);
    expectNoQuery(page);
    await expectAccessibleWithoutJs(page);
    await page.getByLabel('Cognome').fill('Gallo');
    await click(page, 'Richiedi');
    await page.getByText('Richiesta ricevuta').waitFor();

    const office = await newPage(browser());
    await login(office.page, base, 'CNTCHR80T52L378Z');
    await office.page.goto(`${base}/dev/outbox`);
    const body =
      (await office.page.getByTestId('outbox-body').filter({ hasText: 'Gentile Paolo Gallo' }).first().textContent()) ??
      '';
    const link = /https?:\/\/\S+#token=[A-Za-z0-9_-]+/.exec(body)?.[0];
    expect(link).toBeTruthy();
    await office.context.close();

    await page.goto(link!);
    await page.getByLabel('Codice del collegamento').waitFor();
    await expectAccessibleWithoutJs(page);
    const newPassword = 'ciliegia torrente autunno 17';
    await page.getByLabel('Codice del collegamento').fill(link!.split('#token=')[1]!);
    await page.getByLabel('Nuova password', { exact: true }).fill(newPassword);
    await page.getByLabel('Ripeti la nuova password').fill(newPassword);
    await click(page, 'Salva la nuova password');
    await page.getByText('Password aggiornata').first().waitFor();
    expectNoQuery(page);
    await expectAccessibleWithoutJs(page);
    await context.close();

    const { context: js, page: jsPage } = await newPage(browser());
    await login(jsPage, base, PAOLO_GALLO, newPassword);
    expect(new URL(jsPage.url()).pathname).toBe('/erogatore');
    await js.close();
  }, 240_000);
});
