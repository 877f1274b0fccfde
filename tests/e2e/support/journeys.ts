import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectAccessible, login, logout } from './browser';

export const ANNA = 'RSSNNA85M41L378F';
export const GIULIA = 'BNCGLI90C55L378U';
export const LUCA_FERRARI = 'FRRLCU75B10L378M';
export const PAOLO_GALLO = 'GLLPLA78H05L378S';
export const FRANCESCO_MARINI = 'MRNFNC79D14L378N';

export async function openVoucher(page: Page, number: string): Promise<void> {
  await page.getByRole('link', { name: `Modifica PES del buono ${number}` }).click();
  await page.getByRole('heading', { name: /Modifica PES/ }).waitFor();
}

/** Guide §3.1 from the family's side: select the three open PES and send the close request. */
export async function annaRequestsClosing(page: Page, baseUrl: string): Promise<void> {
  await login(page, baseUrl, ANNA);
  await expectAccessible(page);
  await openVoucher(page, 'BS-2020-0001');
  await expectAccessible(page);
  for (const code of ['BS-2020-0001/1', 'BS-2020-0001/2', 'BS-2020-0001/3']) await page.getByLabel(`PES ${code}`).check();
  await page.getByRole('button', { name: 'Invia richiesta di chiusura' }).click();
  await page.getByText('Richiesta inviata').waitFor();
  await expect.poll(() => page.getByText('chiusura richiesta').count()).toBe(3);
  await expectAccessible(page);
  await logout(page);
}

export async function closeAsProvider(page: Page, baseUrl: string, cf: string, code: string, used: string, hours: string): Promise<void> {
  await login(page, baseUrl, cf);
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

/** The whole closing journey: 300,00 €, 417,55 € and 200,00 € used → 3.282,45 € freed. */
export async function closingJourney(page: Page, baseUrl: string): Promise<void> {
  await annaRequestsClosing(page, baseUrl);
  await closeAsProvider(page, baseUrl, LUCA_FERRARI, 'BS-2020-0001/1', '300,00', '20');
  await closeAsProvider(page, baseUrl, PAOLO_GALLO, 'BS-2020-0001/2', '417,55', '28');
  await closeAsProvider(page, baseUrl, FRANCESCO_MARINI, 'BS-2020-0001/3', '200,00', '13');
}
