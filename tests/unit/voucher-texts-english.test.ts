import { describe, expect, it } from 'vitest';
import { describeVoucherEvent } from '@/app/_components/voucher-timeline-text';
import type { Deadline, DeadlineWhat } from '@/lib/domain/deadlines';
import { whatResidualBuys } from '@/lib/domain/summer';
import { endOfRomeDay } from '@/lib/domain/terms';
import { deadlineText } from '@/lib/i18n/deadline-text';
import { residualBuysSentence } from '@/lib/i18n/residual-buys-sentence';

const plain = (s: string | null) => s?.replace(/\u00a0/g, ' ') ?? null;
const due = (what: DeadlineWhat, dueAt: Date, overdue = false): Deadline => ({
  key: 'k',
  what,
  dueAt,
  overdue,
  daysLeft: overdue ? -1 : 3,
});
const close: DeadlineWhat = { kind: 'close', provider: 'Il Germoglio', code: 'BS-2020-0001/1' };

describe('issue 19’s due-date sentences in both languages (issue 21)', () => {
  it.each([
    ['it', close, 'Il soggetto erogatore Il Germoglio deve chiudere il PES BS-2020-0001/1 entro il 10/07/2026.'],
    ['en', close, 'The service provider Il Germoglio must close PES BS-2020-0001/1 by 10 July 2026.'],
    ['it', { kind: 'decision' }, 'L’ufficio deve decidere entro il 10/07/2026.'],
    ['en', { kind: 'decision' }, 'The office must decide by 10 July 2026.'],
    [
      'en',
      { kind: 'validate', provider: 'Il Germoglio', code: 'BS-2020-0001/4' },
      'The service provider Il Germoglio must validate PES BS-2020-0001/4 by 10 July 2026.',
    ],
    [
      'it',
      { kind: 'integration', audience: 'family', suspended: null },
      'Rispondi entro il 10/07/2026 alla richiesta di integrazione.',
    ],
    [
      'en',
      { kind: 'integration', audience: 'family', suspended: null },
      'Answer the request for more information by 10 July 2026.',
    ],
  ] as const)('%s: %j', (locale, what, text) => {
    expect(deadlineText(due(what, endOfRomeDay('2026-07-10')), locale)).toBe(text);
  });

  it('says a passed term and the office’s suspended term in English', () => {
    const what: DeadlineWhat = {
      kind: 'integration',
      audience: 'family',
      suspended: { since: new Date('2026-07-05T08:00:00Z'), daysUsed: 10, termDays: 30 },
    };
    expect(deadlineText(due(what, endOfRomeDay('2026-07-15'), true), 'en')).toBe(
      'Answer the request for more information by 15 July 2026 — overdue. The office’s time limit is suspended since 5 July 2026 (10 of 30 days already used) and starts again when the request is sent again.',
    );
    expect(deadlineText(due(close, endOfRomeDay('2026-07-15'), true), 'it')).toMatch(
      /entro il 15\/07\/2026 — termine scaduto\.$/,
    );
  });

  // The day is Rome's, whichever side of a clock change: 23:30 UTC is already the next day in Rome.
  it.each([
    ['2026-03-28T23:30:00Z', '29/03/2026', '29 March 2026'],
    ['2026-03-29T21:30:00Z', '29/03/2026', '29 March 2026'],
    ['2026-10-24T22:30:00Z', '25/10/2026', '25 October 2026'],
    ['2026-10-25T22:30:00Z', '25/10/2026', '25 October 2026'],
    ['2026-10-25T23:30:00Z', '26/10/2026', '26 October 2026'],
  ])('a term due at %s falls on %s / %s', (at, it, en) => {
    const d = due({ kind: 'decision' }, new Date(at));
    expect(deadlineText(d, 'it')).toBe(`L’ufficio deve decidere entro il ${it}.`);
    expect(deadlineText(d, 'en')).toBe(`The office must decide by ${en}.`);
  });
});

describe('the voucher timeline in English', () => {
  it.each([
    [
      'pes.closed',
      { code: 'BS-2020-0001/2', freedCents: 108_245 },
      'PES BS-2020-0001/2 closed by the service provider: €1,082.45 freed',
    ],
    [
      'pes.close_requested',
      { code: 'BS-2020-0001/1' },
      'Close request for PES BS-2020-0001/1 sent to the service provider',
    ],
    [
      'pes.rejected',
      { code: 'BS-2020-0001/4', reason: 'Ore errate' },
      'PES BS-2020-0001/4 refused by the service provider: “Ore errate”',
    ],
    [
      'conversion.submitted',
      { protocolNumber: 'BS-2026-000001' },
      'Sent to the office, signed with the OTP — protocol BS-2026-000001',
    ],
    ['conversion.approved', null, 'Change approved by the Struttura Multifunzionale Territoriale Ad Personam'],
    ['conversion.assigned', { assigneeName: 7 }, 'Assigned to an officer'],
  ])('%s', (action, after, text) => {
    expect(describeVoucherEvent({ action, after }, 'en')).toBe(text);
  });
});

describe('what the residual buys, in both languages', () => {
  const DEL_575 = { hourlyCapOneChildCents: 2_000, hourlyCapMultiChildCents: 2_500, copayBasisPoints: 1_000 };
  it('says hours and money the way each language writes them', () => {
    const b = whatResidualBuys(328_245, DEL_575, true);
    expect(plain(residualBuysSentence(b, 'it'))).toBe(
      'Con 3.282,45 € puoi avere fino a 182 ore di babysitting per un minore (18,00 €/h) o 145 ore per due o più minori (22,50 €/h), oppure servizi estivi fino a 3.282,45 €',
    );
    expect(residualBuysSentence(b, 'en')).toBe(
      'With €3,282.45 you can have up to 182 hours of babysitting for one child (€18.00/h) or 145 hours for two or more children (€22.50/h), or summer services up to €3,282.45',
    );
    expect(residualBuysSentence(whatResidualBuys(1_800, DEL_575, false), 'en')).toBe(
      'With €18.00 you can have up to 1 hour of babysitting for one child (€18.00/h) or 0 hours for two or more children (€22.50/h)',
    );
    expect(residualBuysSentence(whatResidualBuys(0, DEL_575, true), 'en')).toBeNull();
  });
});
