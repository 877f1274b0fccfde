import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll, login, logout } from './browser';
import { messagePattern, say, type Lang } from './catalogue-text';
import { expectEnglishPage } from './english-page';
import { mouseUi, type Ui } from './ui';

export const ANNA = 'RSSNNA85M41L378F';
export const GIULIA = 'BNCGLI90C55L378U';
export const LUCA_FERRARI = 'FRRLCU75B10L378M';
export const PAOLO_GALLO = 'GLLPLA78H05L378S';
export const FRANCESCO_MARINI = 'MRNFNC79D14L378N';
export const CHIARA_CONTI = 'CNTCHR80T52L378Z';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Money as the pages print it (Intl it-IT: a no-break space before €). */
export const euro = (s: string) => new RegExp(`(^|[^\\d.,])${s.replace(/\./g, '\\.')}\\s€`);

/** axe-core and the 360 px check on the page the journey is on, unless this run leaves them to another (ui.axe). */
export async function audit(ui: Ui): Promise<void> {
  if (ui.axe) await expectAccessible(ui.page);
  else await expectNoHorizontalScroll(ui.page);
  // The family side and the pages before sign-in read in the family's language; staff pages stay Italian.
  if (ui.lang === 'en' && !/^\/(erogatore|ufficio|dev)(\/|$)/.test(new URL(ui.page.url()).pathname))
    await expectEnglishPage(ui.page);
}

export async function openVoucher(page: Page, number: string, ui: Ui = mouseUi(page)): Promise<void> {
  // "Modifica PES del buono …", or once the request is decided "Vedi la richiesta: modifica PES del buono …".
  const labels = ['Modifica PES del buono {number}', 'Vedi la richiesta: modifica PES del buono {number}'];
  const name = new RegExp(labels.map((l) => escapeRegExp(say(ui.lang, l, { number }))).join('|'), 'i');
  await ui.press(page.getByRole('link', { name }));
  await page.getByRole('heading', { name: new RegExp(number), level: 1 }).waitFor();
}

/** Guide §3.1 from the family's side: select the three open PES and send the close request. */
export async function annaRequestsClosing(page: Page, baseUrl: string, ui: Ui = mouseUi(page)): Promise<void> {
  await login(page, baseUrl, ANNA, undefined, ui);
  await audit(ui);
  await openVoucher(page, 'BS-2020-0001', ui);
  await audit(ui);
  for (const code of ['BS-2020-0001/1', 'BS-2020-0001/2', 'BS-2020-0001/3'])
    await ui.check(page.getByLabel(`PES ${code}`));
  await ui.press(page.getByRole('button', { name: say(ui.lang, 'Invia richiesta di chiusura') }));
  await page.getByText(say(ui.lang, 'Richiesta inviata'), { exact: true }).waitFor();
  await expect.poll(() => page.getByText(say(ui.lang, 'chiusura richiesta')).count()).toBe(3);
  await audit(ui);
  await logout(page, ui);
}

export async function closeAsProvider(
  page: Page,
  baseUrl: string,
  cf: string,
  code: string,
  used: string,
  hours: string,
  ui: Ui = mouseUi(page),
): Promise<void> {
  await login(page, baseUrl, cf, undefined, ui);
  await audit(ui);
  expect(await page.getByTestId('count-close').textContent()).toBe('1');
  await ui.press(page.getByRole('link', { name: `Chiudi il PES: PES ${code}` }).first());
  await page.getByRole('heading', { name: `PES ${code}`, level: 1 }).waitFor();
  await audit(ui);
  await ui.fill(page.getByLabel('Importo utilizzato (euro)'), used);
  await ui.fill(page.getByLabel('Ore utilizzate'), hours);
  await ui.press(page.getByRole('button', { name: 'Prosegui' }));
  await page.getByRole('heading', { name: `Conferma la chiusura del PES ${code}` }).waitFor();
  await audit(ui);
  await ui.press(page.getByRole('button', { name: 'Conferma chiusura' }));
  await page.getByText(`PES ${code} chiuso`).waitFor();
  await audit(ui);
  await logout(page, ui);
}

/** Anna's condizione di occupazione (guide §3.2): private-sector employee, back to work, partner employed. */
export async function annaDeclaresEmployment(page: Page, ui: Ui = mouseUi(page)): Promise<void> {
  const say_ = (italian: string) => say(ui.lang, italian);
  await page.getByRole('heading', { name: say_('Condizione di occupazione') }).waitFor();
  await ui.check(page.getByLabel(say_('Lavoratrice/lavoratore del settore privato'), { exact: false }));
  await ui.check(page.getByLabel(say_('Dichiaro di rientrare al lavoro fuori casa')));
  await ui.check(page.getByLabel(say_('Dichiaro che anche l’altro genitore del nucleo familiare è occupato')));
  await ui.press(page.getByRole('button', { name: say_('Conferma') }));
  await page.getByRole('heading', { name: say_('Nuovo PES servizi babysitting domiciliari') }).waitFor();
}

/** From the voucher page: a babysitting PES for Luca and Sofia with Il Germoglio (22,50 €/h covered), saved as a draft (BS-2020-0001/4). */
export async function babysittingForBothChildren(
  page: Page,
  hours: string,
  ui: Ui = mouseUi(page),
  check = async (): Promise<void> => undefined,
): Promise<void> {
  const say_ = (italian: string, values = {}) => say(ui.lang, italian, values);
  await ui.press(page.getByRole('link', { name: say_('Aggiungi PES servizi babysitting') }));
  await annaDeclaresEmployment(page, ui);
  await ui.check(page.getByLabel(/Luca Rossi/));
  await ui.check(page.getByLabel(/Sofia Rossi/));
  await ui.select(page.getByRole('combobox', { name: say_('Soggetto erogatore') }), 'Cooperativa Sociale Il Germoglio');
  await ui.fill(page.getByLabel(say_('Ore complessive del servizio'), { exact: false }), hours);
  await check();
  await ui.press(page.getByRole('button', { name: say_('Salva il PES') }));
  await page.getByText(say_('PES {code} salvato', { code: 'BS-2020-0001/4' })).waitFor();
}

/** A provider clerk signs in, opens the PES from the dashboard's validation queue and presses Valida. */
export async function validateAsProvider(
  page: Page,
  baseUrl: string,
  cf: string,
  code: string,
  ui: Ui = mouseUi(page),
): Promise<void> {
  await login(page, baseUrl, cf, undefined, ui);
  await audit(ui);
  await ui.press(page.getByRole('link', { name: `Valida o rifiuta: PES ${code}` }).first());
  await page.getByRole('heading', { name: `Validazione del PES ${code}` }).waitFor();
  await audit(ui);
  await ui.press(page.getByRole('button', { name: 'Valida' }));
  await page.getByText(`PES ${code} validato`).waitFor();
  await audit(ui);
  await logout(page, ui);
}

/** The OTP as the family reads it: the newest SMS in the development outbox, opened in another tab. */
export async function codeFromOutbox(page: Page, baseUrl: string, axe = true, lang: Lang = 'it'): Promise<string> {
  const outbox = await page.context().newPage();
  await outbox.goto(`${baseUrl}/dev/outbox`);
  if (axe) await expectAccessible(outbox);
  // The signing SMS in the family's language: the catalogue's message, its code captured.
  const sms = messagePattern(lang, 'Emails.otpSms', 'code', '(\\d{6})');
  const body = await outbox.getByTestId('outbox-body').filter({ hasText: sms }).first().textContent();
  await outbox.close();
  const m = sms.exec(body ?? '');
  expect(m, 'SMS with the code in /dev/outbox').not.toBeNull();
  return m![1]!;
}
