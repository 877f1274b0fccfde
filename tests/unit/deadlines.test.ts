import { describe, expect, it } from 'vitest';
import { voucherDeadlines, type Deadline } from '@/lib/domain/deadlines';
import { endOfRomeDay } from '@/lib/domain/terms';
import { deadlineText } from '@/lib/i18n/deadline-text';

const pes = (over: object) => ({
  id: 'p1',
  code: 'BS-1/1',
  status: 'close_requested' as const,
  providerName: 'Il Germoglio',
  closeDueAt: endOfRomeDay('2026-07-10'),
  validationDueAt: null,
  ...over,
});
const conversion = (over: object) => ({
  status: 'submitted' as const,
  decisionDueAt: endOfRomeDay('2026-07-27'),
  decisionSuspendedAt: null,
  decisionDaysUsed: 0,
  decisionTermDays: 30,
  integrationDueAt: null,
  ...over,
});
const now = new Date('2026-07-01T10:00:00Z');
const italian = (d: Deadline) => deadlineText(d, 'it');

describe('the due dates a voucher shows', () => {
  it('names who must act and by when, soonest first', () => {
    const d = voucherDeadlines(
      [
        pes({}),
        pes({ id: 'p2', code: 'BS-1/2', status: 'awaiting_validation', validationDueAt: endOfRomeDay('2026-07-03') }),
      ],
      conversion({}),
      now,
    );
    expect(d.map(italian)).toEqual([
      'Il soggetto erogatore Il Germoglio deve validare il PES BS-1/2 entro il 03/07/2026.',
      'Il soggetto erogatore Il Germoglio deve chiudere il PES BS-1/1 entro il 10/07/2026.',
      'L’ufficio deve decidere entro il 27/07/2026.',
    ]);
    expect(d[0]).toMatchObject({ daysLeft: 2, overdue: false });
  });

  it('says in words when a term has passed (not by colour alone)', () => {
    const [d] = voucherDeadlines([pes({})], null, new Date('2026-07-11T08:00:00Z'));
    expect(d).toMatchObject({ overdue: true, daysLeft: -1 });
    expect(italian(d!)).toMatch(/entro il 10\/07\/2026 — termine scaduto\.$/);
  });

  it('while the family is asked to integrate: its date, and the office term suspended with the days used', () => {
    const c = conversion({
      status: 'returned',
      decisionDueAt: null,
      decisionSuspendedAt: new Date('2026-07-05T08:00:00Z'),
      decisionDaysUsed: 10,
      integrationDueAt: endOfRomeDay('2026-07-15'),
    });
    expect(voucherDeadlines([], c, now).map(italian)).toEqual([
      'Rispondi entro il 15/07/2026 alla richiesta di integrazione. Il termine dell’ufficio è sospeso dal 05/07/2026 (giorni già trascorsi: 10 su 30) e riprende al nuovo invio.',
    ]);
    expect(italian(voucherDeadlines([], c, now, 'office')[0]!)).toMatch(
      /^La famiglia deve rispondere .* entro il 15\/07\/2026\./,
    );
  });

  it('shows nothing for steps done, or started before terms existed', () => {
    expect(
      voucherDeadlines([pes({ status: 'closed' }), pes({ closeDueAt: null })], conversion({ status: 'approved' }), now),
    ).toEqual([]);
  });
});
