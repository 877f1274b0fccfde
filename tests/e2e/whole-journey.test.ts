import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { pdf } from '../integration/support/pdfs';
import { e2eEnabled } from './support/app-fixture';
import { launch, login, logout, newPage } from './support/browser';
import { money, say } from './support/catalogue-text';
import { startApp, type AppServer } from './support/server';
import {
  ANNA,
  audit,
  babysittingForBothChildren,
  CHIARA_CONTI,
  annaRequestsClosing,
  closeAsProvider,
  FRANCESCO_MARINI,
  codeFromOutbox,
  LUCA_FERRARI,
  openVoucher,
  PAOLO_GALLO,
  validateAsProvider,
} from './support/journeys';
import { expectPrivateStructuredLogs } from './support/log-privacy';
import { keyboardUi, type Ui } from './support/ui';

/*
 * Issue 12, item 1: the whole journey across the three roles, with the keyboard alone (no click: Tab /
 * Shift+Tab, Enter / Space, typing) at 360 px, the family reading English (issue 21: its words come from the
 * catalogue, support/catalogue-text.ts) and the staff Italian; axe-core on every page (once per distinct page
 * and width: support/browser.ts) and no page wider than the screen. Issue 20 folded the earlier runs into this
 * one (CI time): the mouse at 360 px in English and the keyboard at 1280 px in Italian. The mouse and the
 * Italian family pages are exercised by each role's journey file (closing, babysitting, summer, otp, office),
 * the wide layout by the summer, signing (otp) and office journeys at 1280 px, and the keyboard run presses
 * every control the mouse did.
 *
 * The money (shared/spec/domain.md, demo-data.md):
 *   freed       = (1.800,00 − 300,00) + (1.500,00 − 417,55) + (900,00 − 200,00) = 3.282,45 €
 *   babysitting = 100 h × 22,50 €/h (two children: cap 25,00 €/h, 10 % co-payment)   = 2.250,00 €
 *   summer      = what is left for Sofia: 3.282,45 − 2.250,00                       = 1.032,45 €
 *   residual after both                                                              =     0,00 €
 */

const tmp = mkdtempSync(path.join(os.tmpdir(), 'whole-journey-'));
// Every code the journeys read from /dev/outbox: none may appear in the server's output.
const otps: string[] = [];

const VARIANTS: { name: string; width: number; ui: (page: Page) => Ui }[] = [
  // With the keyboard alone (every control reachable by Tab, focus visible, never dropped), at 360 px (no page
  // wider than the screen), the family reading English (issue 21; its sign-in pages too; staff pages stay Italian).
  {
    name: 'with the keyboard only at 360 px, the family in English',
    width: 360,
    ui: (page) => keyboardUi(page, { lang: 'en' }),
  },
];

const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\u00a0/g, ' ');

async function wholeJourney(ui: Ui, base: string): Promise<void> {
  const { page } = ui;
  const L = ui.lang;
  const s = (italian: string, values?: Record<string, string | number>) => say(L, italian, values);
  const eur = (italian: string) => money(L, italian);
  if (L === 'en') {
    // Issue 21: Anna chooses English; her profile keeps it (e-mails and SMS) and the browser's cookie too,
    // so every later sign-in page of this browser is in English; the staff pages stay Italian.
    await login(page, base, ANNA, undefined, ui);
    await ui.press(page.getByRole('button', { name: 'Read in English' }));
    await page.getByRole('heading', { name: 'Service vouchers', level: 1 }).waitFor();
    await audit(ui);
    await logout(page, ui);
  }
  await annaRequestsClosing(page, base, ui);

  // Issue 19: everyone sees by when. Anna reads who must close by which day; Luca sees the date on his dashboard.
  await login(page, base, ANNA, undefined, ui);
  await openVoucher(page, 'BS-2020-0001', ui);
  const deadlines = (await page.getByTestId('scadenze').textContent()) ?? '';
  for (const code of ['BS-2020-0001/1', 'BS-2020-0001/2', 'BS-2020-0001/3'])
    expect(deadlines).toMatch(
      L === 'it'
        ? new RegExp(`deve chiudere il PES ${code} entro il \\d{2}/\\d{2}/\\d{4}\\.`)
        : new RegExp(`${code}.+\\d{4}`),
    );
  await audit(ui);
  await logout(page, ui);
  await login(page, base, LUCA_FERRARI, undefined, ui);
  expect(await page.getByTestId('scadenza-pes').first().textContent()).toMatch(
    /^Da chiudere entro il \d{2}\/\d{2}\/\d{4} \(mancano \d+ giorni\)$/,
  );
  await logout(page, ui);

  // Guide §3.1: 300,00 €, 417,55 € and 200,00 € used → 3.282,45 € freed.
  await closeAsProvider(page, base, LUCA_FERRARI, 'BS-2020-0001/1', '300,00', '20', ui);
  await closeAsProvider(page, base, PAOLO_GALLO, 'BS-2020-0001/2', '417,55', '28', ui);
  await closeAsProvider(page, base, FRANCESCO_MARINI, 'BS-2020-0001/3', '200,00', '13', ui);

  // Anna sees the 3.282,45 € freed and asks for babysitting for both children: 100 h = 2.250,00 €.
  await login(page, base, ANNA, undefined, ui);
  await openVoucher(page, 'BS-2020-0001', ui);
  await expect.poll(() => text(page, 'importo-utilizzabile')).toMatch(eur('3.282,45'));
  expect(await page.getByText(s('chiuso'), { exact: true }).count()).toBe(3);
  await page
    .getByText(
      L === 'it'
        ? /PES BS-2020-0001\/2 chiuso dal soggetto erogatore: liberati 1\.082,45/
        : /^PES BS-2020-0001\/2 closed by the service provider: €1,082\.45 freed$/,
    )
    .waitFor();
  if (L === 'en') expect(await text(page, 'cosa-compra')).toMatch(/^With €3,282\.45 you can have up to 182 hours/);
  await audit(ui);
  await babysittingForBothChildren(page, '100', ui, async () => {
    await expect.poll(() => text(page, 'tariffa')).toMatch(eur('22,50'));
    await expect.poll(() => text(page, 'importo-pes')).toMatch(eur('2.250,00'));
    await expect.poll(() => text(page, 'residuo-dopo')).toMatch(eur('1.032,45'));
    await audit(ui);
  });
  await expect.poll(() => text(page, 'importo-utilizzabile')).toMatch(eur('1.032,45'));
  await audit(ui);
  await ui.press(page.getByRole('button', { name: s('Richiedi validazione al soggetto erogatore') }));
  await page.getByText(s('Richiesta di validazione inviata')).waitFor();
  await page.getByText(s('In attesa di validazione da parte del soggetto erogatore.')).waitFor();
  await audit(ui);

  // A summer PES for Sofia with the whole residual, and its agreed PES as a PDF.
  await ui.press(page.getByRole('link', { name: s('Aggiungi PES servizi estivi') }));
  await page.getByRole('heading', { name: s('Richiesta P.E.S. servizi estivi') }).waitFor();
  await expect.poll(() => text(page, 'residuo-estivi')).toMatch(eur('1.032,45'));
  await audit(ui);
  const sofia = page.locator('details', { hasText: 'Sofia Rossi' });
  await ui.press(
    sofia.getByRole('button', { name: s('Aggiungi P.E.S.<sr> per {name}</sr>', { name: 'Sofia Rossi' }) }),
  );
  await ui.select(
    sofia.getByLabel(s('Fascia del servizio')),
    (await sofia.getByLabel(s('Fascia del servizio')).locator('option', { hasText: /^B\)/ }).textContent())!,
  );
  await ui.select(sofia.getByLabel(s('Soggetto erogatore'), { exact: true }), 'Associazione Estate Ragazzi Trento');
  await ui.fill(sofia.getByLabel(s('Quota richiesta'), { exact: false }), L === 'en' ? '1,032.45' : '1.032,45');
  await ui.fill(sofia.getByLabel(s('Ore complessive del servizio'), { exact: false }), '120');
  await expect.poll(() => text(page, 'residuo-estivi')).toMatch(eur('0,00'));
  await audit(ui);
  await ui.press(page.getByRole('button', { name: s('conferma i dati e prosegui') }));
  await page.getByText(s('P.E.S. salvati')).waitFor();
  await audit(ui);
  const sofiaDoc = page.locator('li', { hasText: 'PES BS-2020-0001/5' });
  const file = path.join(tmp, 'PES Sofia.pdf');
  writeFileSync(file, await pdf({ text: 'PES Sofia Rossi - Estate Ragazzi' }));
  await ui.upload(sofiaDoc.getByLabel(s('File PDF del PES concordato')), file);
  await ui.press(sofiaDoc.getByRole('button', { name: /carica/ }));
  await sofiaDoc.locator('strong', { hasText: 'PES Sofia.pdf' }).waitFor();
  await audit(ui);
  await ui.press(page.getByRole('button', { name: s('Richiedi validazione al soggetto erogatore') }));
  await page.getByText(s('Richiesta di validazione inviata')).waitFor();
  await audit(ui);
  await logout(page, ui);

  // Both providers validate.
  await validateAsProvider(page, base, LUCA_FERRARI, 'BS-2020-0001/4', ui);
  await validateAsProvider(page, base, PAOLO_GALLO, 'BS-2020-0001/5', ui);

  // Anna signs with the SMS code, a wrong one first.
  await login(page, base, ANNA, undefined, ui);
  await openVoucher(page, 'BS-2020-0001', ui);
  expect(await page.getByText(s('validato'), { exact: true }).count()).toBe(2);
  await expect.poll(() => text(page, 'importo-utilizzabile')).toMatch(eur('0,00'));
  await audit(ui);
  await ui.press(page.getByRole('link', { name: s('Concludi e invia richiesta di convalida') }));
  const dialog = page.getByRole('dialog', { name: s('Invio della richiesta di convalida') });
  await dialog.waitFor();
  await audit(ui);
  await ui.press(dialog.getByRole('button', { name: s('Invia OTP') }));
  await dialog.getByText(s('Codice inviato')).waitFor();
  await audit(ui);
  const otp = await codeFromOutbox(page, base, ui.axe, L);
  otps.push(otp);
  const code = dialog.getByLabel(s('Codice OTP ricevuto via SMS'));
  await ui.fill(code, String((Number(otp) + 1) % 1_000_000).padStart(6, '0'));
  await ui.press(dialog.getByRole('button', { name: s('Conferma e invia') }));
  await dialog
    .getByText(s('Il codice non è corretto. Ti restano 4 tentativi con questo codice.', { left: 4 }))
    .waitFor();
  await audit(ui);
  await ui.fill(code, otp);
  await ui.press(dialog.getByRole('button', { name: s('Conferma e invia') }));
  await page.waitForURL((u) => u.pathname.endsWith('/ricevuta'));
  await page.getByRole('heading', { name: s('Ricevuta della richiesta di convalida') }).waitFor();
  const protocol = (await page.getByTestId('protocollo').textContent())!.trim();
  expect(protocol).toMatch(/^MPES-\d{4}-\d{6}$/);
  await audit(ui);
  await logout(page, ui);

  // The office finds the file by Anna's codice fiscale and convalida.
  await login(page, base, CHIARA_CONTI, undefined, ui);
  await page.getByRole('heading', { name: 'Richieste di convalida', level: 1 }).waitFor();
  await audit(ui);
  await ui.fill(page.getByLabel('Cerca', { exact: true }), ANNA);
  await ui.press(page.getByRole('button', { name: 'Filtra' }));
  await page.waitForURL((u) => u.searchParams.get('q') === ANNA);
  await expect.poll(() => page.getByTestId('queue-total').textContent()).toMatch(/^1 pratica/);
  await audit(ui);
  await ui.press(page.getByRole('link', { name: protocol }));
  await page.getByRole('heading', { name: `Pratica ${protocol}`, level: 1 }).waitFor();
  expect(await page.getByTestId('dossier-check').textContent()).toMatch(/^corrisponde/);
  await audit(ui);
  await ui.press(page.getByRole('button', { name: 'Convalida' }));
  await page.getByText(/^Convalidata da Chiara Conti il/).waitFor();
  await audit(ui);
  await logout(page, ui);

  // Anna reads the outcome: on her voucher and in the e-mail.
  await login(page, base, ANNA, undefined, ui);
  await openVoucher(page, 'BS-2020-0001', ui);
  await page.getByText(s('Modifica PES convalidata')).first().waitFor();
  await audit(ui);
  await page.goto(`${base}/dev/outbox`);
  // The e-mail in the language of Anna's profile: the catalogue's subject and lines, filled as she reads them.
  const voucher = 'BS-2020-0001';
  const subject = say(L, 'Modifica PES convalidata — buono {voucher}', { voucher });
  const mail = page.getByRole('article', { name: `E-mail: ${subject}` });
  await mail.waitFor();
  await audit(ui);
  const mailText = ((await mail.textContent()) ?? '').replace(/\u00a0/g, ' ');
  expect(mailText).toContain('anna.rossi@example.it');
  expect(mailText).toContain(
    say(L, 'la modifica PES del Buono di servizio {voucher} (protocollo {protocol})', { voucher, protocol }),
  );
  const line = (code: string, provider: string, hours: number, amount: string) =>
    say(L, '• PES {code} — {provider} — {hours} ore — {amount}', { code, provider, hours, amount }).slice(2);
  const [childcare, summer] = L === 'en' ? ['€2,250.00', '€1,032.45'] : ['2.250,00 €', '1.032,45 €'];
  expect(mailText).toContain(line('BS-2020-0001/4', 'Cooperativa Sociale Il Germoglio', 100, childcare));
  expect(mailText).toContain(line('BS-2020-0001/5', 'Associazione Estate Ragazzi Trento', 120, summer));
}

describe.skipIf(!e2eEnabled)('the whole journey', () => {
  // A fresh database per variant (the journey uses Anna's voucher up): the apps start together and share one
  // browser, so a later variant does not wait for its start.
  let apps: AppServer[] = [];
  let browser: Browser | undefined;
  beforeAll(async () => {
    const [started, launched] = await Promise.all([Promise.allSettled(VARIANTS.map(() => startApp())), launch()]);
    browser = launched;
    apps = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const failed = started.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(apps.map((a) => a.stop()));
  });

  for (const [i, { name, width, ui }] of VARIANTS.entries()) {
    it(`${name}: Anna closes, converts and signs; the providers close and validate; the office approves; Anna reads the e-mail`, async () => {
      const { context, page } = await newPage(browser!, { width });
      onTestFailed(async () =>
        writeFileSync(
          path.join(tmp, `failure-${i}.txt`),
          `${page.url()}\n${await page
            .locator('body')
            .innerText()
            .catch(() => '')}`,
        ),
      );
      await wholeJourney(ui(page), apps[i]!.baseUrl);
      await context.close();
      expectPrivateStructuredLogs(apps[i]!.logs(), otps);
    }, 300_000);
  }
});
