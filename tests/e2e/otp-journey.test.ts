import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text';
import { e2eEnabled, useApp } from './support/app-fixture';
import { OFFICE_DEMO_PLANS, officeDemoFamily } from '@/db/seed/office-demo';
import { DEMO_PASSWORD, expectAccessible, login, logout, newPage, PHONE } from './support/browser';
import { ANNA, codeFromOutbox, GIULIA, LUCA_FERRARI, openVoucher } from './support/journeys';
import { expectPrivateStructuredLogs } from './support/log-privacy';

describe.skipIf(!e2eEnabled)('firma OTP and receipt (guide §4)', () => {
  const { app, browser } = useApp();
  const otps: string[] = [];

  it('Giulia signs with the SMS code (a wrong entry first), gets her receipt and its PDF', async () => {
    // On a wide screen, like the summer journey: the signing and receipt pages' wide layout gets axe here.
    const { context, page } = await newPage(browser(), { width: 1280 });
    const base = app().baseUrl;
    // The first database request initialises and seeds the embedded database (≈30 s on a busy machine):
    // do it here rather than inside the login's 30 s navigation wait.
    expect((await fetch(`${base}/dev/outbox`)).status).toBe(200);

    // A babysitting PES for Marco with Il Germoglio, sent for validation.
    await login(page, base, GIULIA);
    await openVoucher(page, 'BS-2020-0002');
    await page.getByRole('link', { name: 'Aggiungi PES servizi babysitting' }).click();
    await page.getByLabel(/comparto sanità/).check();
    await page.getByLabel('Dichiaro di rientrare al lavoro fuori casa').check();
    await page.getByRole('button', { name: 'Conferma' }).click();
    await page.getByRole('button', { name: 'Confermo i dati del datore di lavoro' }).click();
    await page.getByRole('heading', { name: 'Nuovo PES servizi babysitting domiciliari' }).waitFor();
    await page.getByLabel(/Marco Bianchi/).check();
    await page
      .getByRole('combobox', { name: 'Soggetto erogatore' })
      .selectOption({ label: 'Cooperativa Sociale Il Germoglio' });
    await page.getByLabel(/Ore complessive del servizio/).fill('40');
    await page.getByRole('button', { name: 'Salva il PES' }).click();
    await page.getByText('PES BS-2020-0002/2 salvato').waitFor();
    await page.getByRole('button', { name: 'Richiedi validazione al soggetto erogatore' }).click();
    await page.getByText('Richiesta di validazione inviata').waitFor();
    // The gate says what is missing where the button will be.
    await expect
      .poll(() => page.getByTestId('cosa-manca').textContent())
      .toContain('PES BS-2020-0002/2: in attesa di validazione da Cooperativa Sociale Il Germoglio');
    expect(await page.getByRole('link', { name: 'Concludi e invia richiesta di convalida' }).count()).toBe(0);
    await expectAccessible(page);
    await logout(page);

    await login(page, base, LUCA_FERRARI);
    await page.getByRole('link', { name: 'Valida o rifiuta: PES BS-2020-0002/2' }).first().click();
    await page.getByRole('button', { name: 'Valida' }).click();
    await page.getByText('PES BS-2020-0002/2 validato').waitFor();
    await logout(page);

    await login(page, base, GIULIA);
    await openVoucher(page, 'BS-2020-0002');
    const opener = page.getByRole('link', { name: 'Concludi e invia richiesta di convalida' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Invio della richiesta di convalida' });
    await dialog.waitFor();
    await dialog.getByText('+39 ••• ••• 0002').waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Invia OTP' }).click();
    await dialog.getByText('Codice inviato').waitFor();
    const code = dialog.getByLabel('Codice OTP ricevuto via SMS');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    await expect
      .poll(() => dialog.getByTestId('otp-countdown').textContent())
      .toMatch(/Il codice scade tra 1\d\d secondi/);
    await expect.poll(() => dialog.getByRole('button', { name: 'Richiedi nuovo codice' }).isDisabled()).toBe(true);
    await expectAccessible(page);

    const otp = await codeFromOutbox(page, base);
    otps.push(otp);
    const wrong = String((Number(otp) + 1) % 1_000_000).padStart(6, '0');
    await code.fill('12345');
    await dialog.getByRole('button', { name: 'Conferma e invia' }).click();
    await dialog.getByText('Il codice è troppo corto: deve avere 6 cifre.').waitFor();
    await code.fill(wrong);
    await dialog.getByRole('button', { name: 'Conferma e invia' }).click();
    await dialog.getByText('Il codice non è corretto. Ti restano 4 tentativi con questo codice.').waitFor();
    await expectAccessible(page);

    // Typed as read, with a space: tolerated.
    await code.fill(`${otp.slice(0, 3)} ${otp.slice(3)}`);
    await dialog.getByRole('button', { name: 'Conferma e invia' }).click();
    await page.waitForURL((u) => u.pathname.endsWith('/ricevuta'));
    await page.getByRole('heading', { name: 'Ricevuta della richiesta di convalida' }).waitFor();
    const protocol = (await page.getByTestId('protocollo').textContent())!.trim();
    expect(protocol).toMatch(/^MPES-\d{4}-\d{6}$/);
    await page.getByText('PES BS-2020-0002/2 — Servizi domiciliari babysitting EMERGENZA COVID-19').waitFor();
    expect(await page.getByTestId('sha256-fascicolo').textContent()).toMatch(/^[0-9a-f]{64}$/);
    await expectAccessible(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Scarica la ricevuta (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`ricevuta-${protocol}.pdf`);
    const { text } = await pdfText(new Uint8Array(await readFile((await download.path())!)));
    expect(text).toContain(protocol);
    expect(text).toContain('BS-2020-0002/2');

    const receiptUrl = page.url();
    const pdfUrl = `${base}${new URL(receiptUrl).pathname.replace(/^\/famiglia\/buoni\/([^/]+)\/ricevuta$/, '/api/ricevute/$1')}`;
    await page.getByRole('link', { name: /Modifica PES del buono BS-2020-0002/ }).click();
    await page.getByTestId('stato-invio').waitFor();
    expect(await page.getByTestId('stato-invio').textContent()).toMatch(
      new RegExp(`Inviata all’ufficio il \\d{2}/\\d{2}/\\d{4}, \\d{2}:\\d{2} — protocollo ${protocol}`),
    );
    await page.getByText(`Inviata all’ufficio con firma OTP — protocollo ${protocol}`).waitFor();
    expect(await page.getByRole('link', { name: 'Concludi e invia richiesta di convalida' }).count()).toBe(0);
    await expectAccessible(page);
    await logout(page);

    // Another family can open neither the receipt nor its PDF.
    await login(page, base, ANNA);
    const res = await page.request.get(pdfUrl);
    expect(res.status()).toBe(404);
    await page.goto(receiptUrl);
    await page
      .getByRole('heading', { name: /non (esiste|trovat)/i })
      .first()
      .waitFor();
    await context.close();
  });
  it('a family the office asked to correct signs again with JavaScript off: the page, the SMS code, the receipt', async () => {
    const base = app().baseUrl;
    // The office demo's first returned conversion whose PES are all validated (BS-2020-0119): it can be signed again as it is.
    const index = OFFICE_DEMO_PLANS.findIndex((p) => p.status === 'returned');
    const family = officeDemoFamily(index);
    const context = await browser().newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel('Codice fiscale (username)').fill(family.codiceFiscale);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.waitForURL((u) => u.pathname === '/famiglia');
    await page.getByRole('link', { name: `Modifica PES del buono ${family.voucherNumber}` }).click();
    await page.getByRole('link', { name: 'Concludi e invia richiesta di convalida' }).click();
    await page.waitForURL((u) => u.pathname.endsWith('/invio'));
    await page.getByRole('button', { name: 'Invia OTP' }).click();
    await page.getByText('Codice inviato').waitFor();

    // The mailbox shows a signed-in family only its own messages: read in another tab of the same session.
    const tab = await context.newPage();
    await tab.goto(`${base}/dev/outbox`);
    const outbox = await tab.content();
    await tab.close();
    const code = /il codice per firmare[^<]*? è (\d{6})\./.exec(outbox)?.[1];
    expect(code, 'SMS with the code in /dev/outbox').toBeTruthy();
    otps.push(code!);
    await page.getByLabel('Codice OTP ricevuto via SMS').fill(code!);
    await page.getByRole('button', { name: 'Conferma e invia' }).click();
    await page.waitForURL((u) => u.pathname.endsWith('/ricevuta'));
    await page.getByRole('heading', { name: 'Ricevuta della richiesta di convalida' }).waitFor();
    expect((await page.getByTestId('protocollo').textContent())?.trim()).toMatch(/^MPES-\d{4}-\d{6}$/);
    await context.close();
  });
  it('the server logged JSON lines with request ids, and no family’s codice fiscale, e-mail, phone or code', () => {
    expectPrivateStructuredLogs(app().logs(), otps);
  });

  it('the signing posts left no listener warning in the log (ours share one close listener per response)', () => {
    expect(app().logs()).not.toContain('MaxListenersExceededWarning');
  });
});
