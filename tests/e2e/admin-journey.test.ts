import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { totpCodeAt } from '@/lib/auth/totp/totp-code';
import { e2eEnabled, useApp } from './support/app-fixture';
import { DEMO_PASSWORD, expectAccessible, logout, newPage } from './support/browser';

const CHIARA = 'CNTCHR80T52L378Z';
const NEW_CLERK = {
  cf: 'RSSMRA80A01H501U',
  given: 'Mario',
  family: 'Rossi',
  email: 'mario.rossi@estateragazzi.example.it',
};
const NEW_PASSWORD = 'mirtillo sentiero dolomiti 7';

async function typePassword(page: Page, base: string, cf: string, password = DEMO_PASSWORD) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Codice fiscale (username)').fill(cf);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Accedi' }).click();
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

// Runs with the production default: staff must have a second factor (STAFF_MFA unset under NODE_ENV=production).
describe.skipIf(!e2eEnabled)('office administration with a required second factor', () => {
  const { app, browser } = useApp({ STAFF_MFA: '' });

  it('an office clerk enrols an authenticator, signs in with it, creates a provider clerk who activates the account and must enrol too', async () => {
    const base = app().baseUrl;
    const { context, page } = await newPage(browser(), { width: 1024 });

    // Password accepted, no authenticator yet: only the enrolment page is open.
    await typePassword(page, base, CHIARA);
    await page.waitForURL((u) => u.pathname === '/profilo/sicurezza');
    await page.getByText('Prima di continuare, attiva la verifica in due passaggi').waitFor();
    await expectAccessible(page);
    // Any role page sends the pending clerk back to the enrolment.
    await page.goto(`${base}/ufficio`);
    expect(new URL(page.url()).pathname).toBe('/profilo/sicurezza');

    await page.getByRole('button', { name: 'Attiva la verifica in due passaggi' }).click();
    const secretText = page.getByTestId('totp-secret');
    await secretText.waitFor();
    await expect.poll(() => page.getByRole('img', { name: /Codice QR/ }).isVisible()).toBe(true);
    await expectAccessible(page);
    const secret = ((await secretText.textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel('Codice a 6 cifre').fill('000000' === totpCodeAt(secret, nowSeconds()) ? '111111' : '000000');
    await page.getByRole('button', { name: 'Conferma e attiva' }).click();
    await page.getByText('Il codice non corrisponde').waitFor();
    await page.getByLabel('Codice a 6 cifre').fill(totpCodeAt(secret, nowSeconds()));
    await page.getByRole('button', { name: 'Conferma e attiva' }).click();
    const codes = page.getByTestId('recovery-codes').getByRole('listitem');
    await expect.poll(() => codes.count()).toBe(10);
    await expectAccessible(page);
    await page.getByRole('link', { name: /vai alla tua area/ }).click();
    await page.waitForURL((u) => u.pathname === '/ufficio');
    await logout(page);

    // Second sign-in: password, then the code. The next step's code is accepted (±1 step) and was never used.
    await typePassword(page, base, CHIARA);
    await page.getByLabel('Codice dell’app di autenticazione').waitFor();
    await expectAccessible(page);
    await page
      .getByLabel('Codice dell’app di autenticazione')
      .fill('123 456' === totpCodeAt(secret, nowSeconds() + 30) ? '654321' : '123456');
    await page.getByRole('button', { name: 'Verifica e accedi' }).click();
    await page.getByText('Il codice non è corretto o è già stato usato').waitFor();
    await page.getByLabel('Codice dell’app di autenticazione').fill(totpCodeAt(secret, nowSeconds() + 30));
    await page.getByRole('button', { name: 'Verifica e accedi' }).click();
    await page.waitForURL((u) => u.pathname === '/ufficio');
    await page.getByRole('link', { name: 'Sicurezza dell’accesso' }).click();
    await page.getByText('Codici di recupero ancora utilizzabili: 10.').waitFor();
    await page.getByRole('button', { name: 'Genera nuovi codici di recupero' }).waitFor();
    await expectAccessible(page);
    await page.goto(`${base}/ufficio`);

    // Administration: every page is accessible.
    await page.getByRole('link', { name: 'Amministrazione' }).click();
    await page.getByRole('heading', { name: 'Amministrazione', level: 1 }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Soggetti erogatori' }).click();
    await page.getByRole('heading', { name: 'Soggetti erogatori', level: 1 }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Nido Le Coccinelle' }).click();
    await page.getByRole('heading', { name: 'Nido Le Coccinelle', level: 1 }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Codice fiscale / partita IVA').fill('01234580222');
    await page.getByRole('button', { name: 'Salva il soggetto erogatore' }).click();
    await page.getByText('Codice fiscale o partita IVA non valido').first().waitFor();
    expect(await page.getByLabel('Codice fiscale / partita IVA').inputValue()).toBe('01234580222');
    await expectAccessible(page);
    await page.getByLabel('Codice fiscale / partita IVA').fill('01234580221');
    await page
      .getByRole('group', { name: 'Servizi estivi COVID-19' })
      .getByLabel(/Aderisce alla misura/)
      .check();
    await page.getByRole('button', { name: 'Salva il soggetto erogatore' }).click();
    await page.getByText('Soggetto erogatore «Nido Le Coccinelle» salvato.').waitFor();
    await expect
      .poll(() =>
        page
          .getByRole('row', { name: /Nido Le Coccinelle/ })
          .getByText(/Servizi estivi COVID-19: dal/)
          .isVisible(),
      )
      .toBe(true);
    await page.getByRole('link', { name: 'Nuovo soggetto erogatore' }).click();
    await page.getByRole('heading', { name: 'Nuovo soggetto erogatore' }).waitFor();
    await expectAccessible(page);

    await page.goto(`${base}/ufficio/amministrazione/misure`);
    await page.getByRole('heading', { name: 'Parametri delle misure' }).waitFor();
    await expectAccessible(page);
    const babysitting = page.getByRole('region', { name: 'Babysitting domiciliare COVID-19' });
    await babysitting.getByLabel('Quota a carico della famiglia (%)').fill('20');
    await babysitting.getByRole('button', { name: 'Anteprima' }).click();
    await expect
      .poll(() => babysitting.getByRole('row', { name: /Un minore/ }).textContent())
      .toMatch(/18,00\s€.*16,00\s€/);
    await expectAccessible(page);

    await page.goto(`${base}/ufficio/amministrazione/utenti`);
    await page.getByRole('heading', { name: 'Utenti', level: 1 }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Nuovo utente' }).click();
    await page.getByRole('heading', { name: 'Nuovo utente' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Operatore di un soggetto erogatore').check();
    await page.getByLabel(/Soggetto erogatore \(solo/).selectOption({ label: 'Associazione Estate Ragazzi Trento' });
    await page.getByLabel('Codice fiscale (sarà il nome utente)').fill(NEW_CLERK.cf);
    await page.getByLabel('Nome', { exact: true }).fill(NEW_CLERK.given);
    await page.getByLabel('Cognome').fill(NEW_CLERK.family);
    await page.getByLabel('E-mail').fill(NEW_CLERK.email);
    await page.getByRole('button', { name: /Crea l’utente/ }).click();
    await page.getByText(`Utente ${NEW_CLERK.given} ${NEW_CLERK.family} creato.`).waitFor();
    await expectAccessible(page);

    // The activation e-mail, read in the development mailbox (its links are shown to a signed-in office clerk only).
    await page.goto(`${base}/dev/outbox`);
    const mail = page
      .getByRole('listitem')
      .filter({ hasText: NEW_CLERK.email })
      .filter({ hasText: 'Attiva il tuo accesso' });
    const body = (await mail.getByTestId('outbox-body').textContent()) ?? '';
    const link = /https?:\/\/\S+\/attivazione#token=[A-Za-z0-9_-]+/.exec(body)?.[0];
    expect(link).toBeTruthy();
    await logout(page);
    await page.goto(link!);
    await page.getByRole('heading', { name: 'Attiva il tuo accesso' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Nuova password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Ripeti la nuova password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Salva la nuova password' }).click();
    await page.getByText('Password aggiornata').first().waitFor();

    // The link works once.
    await page.goto(`${base}/login`);
    await page.goto(link!);
    await page.getByLabel('Nuova password', { exact: true }).fill('un’altra password lunga abbastanza');
    await page.getByLabel('Ripeti la nuova password').fill('un’altra password lunga abbastanza');
    await page.getByRole('button', { name: 'Salva la nuova password' }).click();
    await page.getByText('Il collegamento non è valido o è scaduto').waitFor();

    // The new provider clerk signs in and, like every clerk in production, enrols first.
    await typePassword(page, base, NEW_CLERK.cf, NEW_PASSWORD);
    await page.waitForURL((u) => u.pathname === '/profilo/sicurezza');
    await page.getByRole('button', { name: 'Attiva la verifica in due passaggi' }).waitFor();
    await page.getByRole('button', { name: 'Esci' }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    await context.close();

    const logs = app().logs();
    for (const secretThing of [secret, NEW_PASSWORD, link!.split('#token=')[1]!])
      expect(logs).not.toContain(secretThing);
  });
});
