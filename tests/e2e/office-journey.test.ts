import { describe, expect, it } from 'vitest';
import { e2eEnabled, useApp } from './support/app-fixture';
import { expectAccessible, login, logout, newPage, PHONE } from './support/browser';

const CHIARA = 'CNTCHR80T52L378Z';
const MARTA = 'VRDMRT82S60L378B';

describe.skipIf(!e2eEnabled)(
  'office journey: the queue, Marta Verdi’s file, Convalida, the e-mail; Richiedi integrazione seen by the family; presa in carico; step times',
  () => {
    const { app, browser } = useApp();

    it('Chiara Conti finds Marta’s conversion, checks the file and the signature, convalida; Marta is e-mailed and sees the outcome', async () => {
      const base = app().baseUrl;
      const { context, page } = await newPage(browser());
      await login(page, base, CHIARA);
      await page.getByRole('heading', { name: 'Richieste di convalida', level: 1 }).waitFor();
      await expectAccessible(page);
      const waiting = Number(await page.getByTestId('count-inviate').textContent());
      expect(waiting).toBeGreaterThan(1);

      await page.getByLabel('Cerca', { exact: true }).fill('verdi');
      await page.getByRole('button', { name: 'Filtra' }).click();
      await page.waitForURL((u) => u.searchParams.get('q') === 'verdi');
      await expect.poll(() => page.getByTestId('queue-total').textContent()).toMatch(/^1 pratica/);
      await expectAccessible(page);
      expect(await page.getByRole('link', { name: 'Esporta CSV' }).getAttribute('href')).toBe(
        '/ufficio/esporta?q=verdi',
      );

      const csv = await page.request.get(`${base}/ufficio/esporta?q=verdi`);
      const bytes = await csv.body();
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString('utf8')).toContain(`;BS-2020-0003;${MARTA};Verdi;Marta;servizi estivi;`);

      await page.getByRole('link', { name: /^MPES-/ }).click();
      await page.getByRole('heading', { name: /Pratica MPES-/, level: 1 }).waitFor();
      await page.getByText('Elena Verdi', { exact: false }).first().waitFor();
      expect(await page.getByTestId('dossier-check').textContent()).toMatch(/^corrisponde/);
      const doc = page.getByRole('link', { name: 'PES-servizi-estivi-Elena-Verdi.pdf (apri il PDF)' });
      const href = (await doc.getAttribute('href')) ?? '';
      expect(href).toMatch(/^\/api\/files\/[0-9a-f-]{36}$/);
      // The signature history links the PDF that this signature covered: the same file while it has not been replaced.
      expect(
        await page.getByRole('link', { name: 'PES-servizi-estivi-Elena-Verdi.pdf', exact: true }).getAttribute('href'),
      ).toBe(href);
      // The office opens the agreed PES through the authorised route: a PDF, never cached or sniffed.
      const file = await context.request.get(`${base}${href}`);
      expect(file.status()).toBe(200);
      expect(file.headers()['x-content-type-options']).toBe('nosniff');
      expect(file.headers()['cache-control']).toContain('no-store');
      expect(
        Buffer.from(await file.body())
          .subarray(0, 5)
          .toString('latin1'),
      ).toBe('%PDF-');
      await expectAccessible(page);

      // The receipt Marta received, as the office reads it.
      const fileUrl = page.url();
      await page.getByRole('link', { name: 'Ricevuta della richiesta di convalida' }).click();
      await page.getByRole('heading', { name: /Ricevuta della richiesta di convalida — buono BS-2020-0003/ }).waitFor();
      await expectAccessible(page);
      await page.goto(fileUrl);

      await page.getByRole('button', { name: 'Convalida' }).click();
      await page.getByText(/^Convalidata da Chiara Conti il/).waitFor();
      expect(await page.getByRole('button', { name: 'Convalida' }).count()).toBe(0);
      await expectAccessible(page);

      await page.goto(`${base}/dev/outbox`);
      await page.getByRole('heading', { name: 'E-mail: Modifica PES convalidata — buono BS-2020-0003' }).waitFor();
      await page.getByRole('heading', { name: 'E-mail: PES convalidati — buono BS-2020-0003' }).waitFor();
      // The same outcome on App IO (the development sink stands in for it): Markdown text, IO's lengths.
      await page.getByRole('heading', { name: 'App IO: Modifica PES convalidata — buono BS-2020-0003' }).waitFor();
      await expectAccessible(page);
      await page.goto(`${base}/ufficio`);
      await logout(page);

      await login(page, base, MARTA);
      await page.getByRole('link', { name: 'Modifica PES del buono BS-2020-0003' }).click();
      await page.getByText('Modifica PES convalidata').first().waitFor();
      await expectAccessible(page);
      await context.close();
    });

    it('on a wide screen the queue is a table; Richiedi integrazione needs a reason, and the family reads it with a link to what to fix', async () => {
      const base = app().baseUrl;
      const { context, page } = await newPage(browser(), { width: 1280 });
      await login(page, base, CHIARA);
      await page.getByRole('columnheader', { name: 'Giorni di attesa' }).waitFor();
      expect(await page.getByTestId('late').count()).toBeGreaterThan(0);
      // Issue 19: the office's term on each row, the filter on passed terms, and the «In ritardo» view.
      await page.getByRole('columnheader', { name: 'Termine per decidere' }).waitFor();
      expect(await page.getByTestId('termine').first().textContent()).toMatch(
        /^\d{2}\/\d{2}\/\d{4}(mancano \d+ giorni|manca 1 giorno|scade oggi|scaduto da \d+ giorn[oi])$/,
      );
      await expectAccessible(page);
      await page.getByLabel('Termine per decidere (pratiche inviate)').selectOption('scaduti');
      await page.getByRole('button', { name: 'Filtra' }).click();
      await page.waitForURL((u) => u.searchParams.get('termine') === 'scaduti');
      const passed = page.getByTestId('termine');
      expect(await passed.count()).toBeGreaterThan(0);
      for (const text of await passed.allTextContents()) expect(text).toMatch(/scaduto da \d+ giorn[oi]$/);
      await expectAccessible(page);
      await page.getByRole('link', { name: 'In ritardo' }).click();
      await page.getByRole('heading', { name: 'In ritardo', level: 1 }).waitFor();
      await expectAccessible(page);
      await page.goto(`${base}/ufficio`);

      await page
        .getByRole('link', { name: /^MPES-/ })
        .first()
        .click();
      await page.getByRole('heading', { name: /Pratica MPES-/, level: 1 }).waitFor();
      expect(await page.getByTestId('termine-pratica').textContent()).toMatch(
        /^Termine per decidere: entro il \d{2}\/\d{2}\/\d{4} \(/,
      );
      const holder = (await page.locator('section[aria-labelledby="famiglia"] dd').first().textContent()) ?? '';
      const cf = /\(([A-Z0-9]{16})\)/.exec(holder)?.[1];
      expect(cf).toBeTruthy();
      await page.getByRole('button', { name: 'Richiedi integrazione' }).click();
      // The browser's own required check stops an empty reason before it is sent.
      expect(await page.getByText(/^Integrazione richiesta da/).count()).toBe(0);
      await page
        .getByLabel('Cosa deve integrare la famiglia')
        .fill('Carica di nuovo il PES concordato, firmato dal soggetto erogatore.');
      await page.getByRole('button', { name: 'Richiedi integrazione' }).click();
      await page.getByText(/^Integrazione richiesta da Chiara Conti il/).waitFor();
      await expectAccessible(page);
      await logout(page);

      await login(page, base, cf!);
      await page
        .getByRole('link', { name: /^Modifica PES del buono/ })
        .first()
        .click();
      await page.getByText('Richiesta di integrazione').first().waitFor();
      await page
        .getByText(/Carica di nuovo il PES concordato, firmato dal soggetto erogatore/)
        .first()
        .waitFor();
      await page.getByRole('link', { name: 'Vai ai nuovi PES' }).waitFor();
      await expectAccessible(page);
      await context.close();
    });

    it('Chiara takes a case in charge from the queue and finds it under "assegnate a me"; Rilascia works without JavaScript; the statistics show the days per step and the steps overdue now', async () => {
      const base = app().baseUrl;
      const { context, page } = await newPage(browser(), { width: 1280 });
      await login(page, base, CHIARA);
      await page.getByRole('columnheader', { name: 'In carico a' }).waitFor();
      const take = page.getByRole('button', { name: /^Prendi in carico la pratica MPES-/ }).first();
      const protocol = /MPES-\d{4}-\d{6}/.exec((await take.textContent()) ?? '')![0];
      await take.click();
      const taken = `La pratica ${protocol} è ora in carico a te.`;
      await page.getByText(taken).waitFor();
      // The outcome takes the focus the pressed button had (it left the row's form).
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(taken);
      await expectAccessible(page);

      await page.getByLabel('In carico', { exact: true }).selectOption('mie');
      await page.getByRole('button', { name: 'Filtra' }).click();
      await page.waitForURL((u) => u.searchParams.get('incarico') === 'mie');
      await expect.poll(() => page.getByTestId('queue-total').textContent()).toMatch(/^1 pratica/);
      expect(await page.getByTestId('assignee').textContent()).toBe('Chiara Conti (tu)');
      await expectAccessible(page);

      await page.getByRole('link', { name: protocol }).click();
      await page.getByTestId('file-assignee').filter({ hasText: 'In carico a Chiara Conti (tu)' }).waitFor();
      await page.getByText('Pratica presa in carico', { exact: true }).waitFor();
      // The demo's second clerk: Assegna a has someone to offer.
      const assignTo = page.getByRole('combobox', { name: `Assegna a la pratica ${protocol}` });
      expect(await assignTo.locator('option').allTextContents()).toContain('Davide Moser');
      await expectAccessible(page);

      // Rilascia with JavaScript off, in the same session: the form posts and the page comes back with the outcome.
      const plain = await browser().newContext({ ...PHONE, javaScriptEnabled: false });
      await plain.addCookies(await context.cookies());
      const noJs = await plain.newPage();
      await noJs.goto(page.url());
      await noJs.getByRole('button', { name: `Rilascia la pratica ${protocol}` }).click();
      await noJs.waitForLoadState('load');
      await noJs.getByText(`La pratica ${protocol} è stata rilasciata: non è in carico a nessuno.`).waitFor();
      expect(await noJs.getByTestId('file-assignee').textContent()).toBe(
        'Nessun operatore ha preso in carico questa pratica.',
      );

      // The queue without JavaScript, at 360 px: one form around the table, the pressed row's button says
      // what to do and only that row's "Assegna a" is read. Its cards name each cell's column from the CSS.
      await noJs.goto(`${base}/ufficio`);
      const labels = await noJs.evaluate(() =>
        [...document.querySelectorAll('.queue-rows tbody tr:first-child > *')].map(
          (cell) => getComputedStyle(cell, '::before').content,
        ),
      );
      expect(labels).toEqual(
        [
          'Protocollo',
          'Famiglia',
          'Buono',
          'Misura',
          'Soggetti erogatori',
          'Nuovi PES',
          'Inviata il',
          'Giorni di attesa',
          'Termine per decidere',
          'Stato',
          'In carico a',
        ].map((l) => `"${l}"`),
      );
      await noJs.getByRole('button', { name: `Prendi in carico la pratica ${protocol}` }).click();
      await noJs.waitForLoadState('load');
      await noJs.getByText(`La pratica ${protocol} è ora in carico a te.`).waitFor();
      await noJs.getByText(`Assegna a… la pratica ${protocol}`).click();
      await noJs
        .getByRole('combobox', { name: `Assegna a la pratica ${protocol}` })
        .selectOption({ label: 'Davide Moser' });
      await noJs.getByRole('button', { name: `Assegna la pratica ${protocol}` }).click();
      await noJs.waitForLoadState('load');
      await noJs.getByText(`La pratica ${protocol} è stata assegnata a Davide Moser.`).waitFor();
      await plain.close();

      await page.goto(`${base}/ufficio/amministrazione/statistiche`);
      await page.getByRole('heading', { name: 'Tempi per passaggio', level: 2 }).waitFor();
      await page.getByRole('table', { name: 'Giorni per passaggio', exact: true }).waitFor();
      // Steps overdue now: the sentence's figure is the table's grand total.
      await page.getByRole('heading', { name: 'Passaggi in ritardo adesso', level: 2 }).waitFor();
      const overdue = page.getByRole('table', { name: 'Passaggi in ritardo per passaggio e per misura' });
      const totalRow = overdue.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Totale' }) });
      const grandTotal = Number(await totalRow.getByRole('cell').last().textContent());
      const sentence = (await page.getByTestId('overdue-total').textContent()) ?? '';
      expect(Number(/(\d+) passagg/.exec(sentence)?.[1] ?? (sentence.includes('nessun passaggio') ? 0 : NaN))).toBe(
        grandTotal,
      );
      await expectAccessible(page);
      await context.close();
    });
  },
);
