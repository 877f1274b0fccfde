import { describe, expect, it } from 'vitest';
import { isoDate } from '@/lib/domain/dates';
import {
  dueAt,
  dueDay,
  endOfRomeDay,
  resumeOfficeTerm,
  startOfficeTerm,
  stepDueAt,
  suspendOfficeTerm,
  TERM_RULES,
  type MeasureTerms,
} from '@/lib/domain/terms';
import { daysLeftText, termStanding } from '@/lib/domain/term-standing';
import { formatLocalFeasts, parseLocalFeasts } from '@/lib/domain/local-feasts';
import { addWorkingDays, isWorkingDay } from '@/lib/domain/working-days';

const SAN_VIGILIO = ['06-26'];
const at = (iso: string) => new Date(iso);

describe('working days', () => {
  it.each([
    ['2026-04-06', false, 'Easter Monday (Lunedì dell’Angelo)'],
    ['2025-04-25', false, '25 April (Liberazione)'],
    ['2026-06-02', false, '2 June (Festa della Repubblica)'],
    ['2026-12-08', false, '8 December'],
    ['2026-03-28', false, 'a Saturday'],
    ['2026-03-29', false, 'a Sunday'],
    ['2026-04-07', true, 'the Tuesday after Easter'],
    ['2026-05-11', true, 'a Monday next to an observance (Festa della mamma is not a holiday)'],
  ])('%s is a working day: %s (%s)', (iso, working) => {
    expect(isWorkingDay(iso)).toBe(working);
  });

  it('a local feast the office adds is not a working day', () => {
    expect(isWorkingDay('2026-06-26')).toBe(true);
    expect(isWorkingDay('2026-06-26', SAN_VIGILIO)).toBe(false);
  });

  it('the start day never counts', () => {
    expect(addWorkingDays('2026-03-02', 0)).toBe('2026-03-02');
    expect(addWorkingDays('2026-03-02', 1)).toBe('2026-03-03');
  });
});

describe('due day of a term', () => {
  it.each([
    // [start instant, days, count, local feasts, due day, why]
    ['2026-03-02T09:00:00Z', 10, 'working', [], '2026-03-16', 'ten working days skip two weekends'],
    ['2026-04-02T09:00:00Z', 2, 'working', [], '2026-04-07', 'Easter Monday skipped'],
    ['2025-04-24T09:00:00Z', 1, 'working', [], '2025-04-28', '25 April on a Friday skipped with the weekend'],
    ['2026-06-01T09:00:00Z', 1, 'working', [], '2026-06-03', '2 June skipped'],
    ['2026-06-25T09:00:00Z', 1, 'working', [], '2026-06-26', 'San Vigilio is a working day unless configured'],
    ['2026-06-25T09:00:00Z', 1, 'working', SAN_VIGILIO, '2026-06-29', 'San Vigilio configured: Monday'],
    ['2026-05-27T09:00:00Z', 30, 'calendar', [], '2026-06-26', '30 calendar days'],
    ['2026-05-27T09:00:00Z', 30, 'calendar', SAN_VIGILIO, '2026-06-29', 'due on the local feast: next working day'],
    ['2026-03-26T09:00:00Z', 10, 'calendar', [], '2026-04-07', 'due on Easter Sunday: past Easter Monday'],
    ['2026-05-23T09:00:00Z', 10, 'calendar', [], '2026-06-03', 'due on 2 June: the day after'],
    ['2026-03-18T09:00:00Z', 10, 'calendar', [], '2026-03-30', 'due on the DST Saturday: Monday'],
    // 00:30 in Rome on Sunday 29 March (summer time starts that night) is still the 29th, not the 28th.
    ['2026-03-28T23:30:00Z', 1, 'working', [], '2026-03-30', 'start read on the Rome calendar'],
    ['2026-10-23T10:00:00Z', 1, 'working', [], '2026-10-26', 'over the weekend winter time starts'],
  ] as const)('%s + %i %s days → %s (%s)', (start, days, count, feasts, expected, _why) => {
    expect(dueDay(at(start), days, count, feasts)).toBe(expected);
  });

  it.each([
    ['2026-03-28', '2026-03-28T22:59:59.000Z', 'winter time, the day before the change'],
    ['2026-03-29', '2026-03-29T21:59:59.000Z', 'the day summer time starts'],
    ['2026-10-24', '2026-10-24T21:59:59.000Z', 'summer time, the day before the change'],
    ['2026-10-25', '2026-10-25T22:59:59.000Z', 'the day winter time starts'],
  ])('a term due on %s ends at 23:59:59 in Rome (%s)', (day, instant) => {
    expect(endOfRomeDay(day).toISOString()).toBe(instant);
    expect(isoDate(endOfRomeDay(day))).toBe(day);
  });

  it('each step uses its own count and the measure’s days', () => {
    const terms: MeasureTerms = { providerClose: 10, providerValidate: 5, officeDecision: 30, familyIntegration: 10 };
    const start = at('2026-03-02T09:00:00Z');
    expect(isoDate(stepDueAt('providerClose', start, terms))).toBe('2026-03-16');
    expect(isoDate(stepDueAt('providerValidate', start, terms))).toBe('2026-03-09');
    expect(isoDate(stepDueAt('officeDecision', start, terms))).toBe('2026-04-01');
    expect(isoDate(stepDueAt('familyIntegration', start, terms))).toBe('2026-03-12');
    expect(TERM_RULES.providerClose.count).toBe('working');
    expect(TERM_RULES.officeDecision.count).toBe('calendar');
  });

  it('refuses a fractional or negative number of days', () => {
    expect(() => dueAt(at('2026-03-02T09:00:00Z'), 1.5, 'calendar')).toThrow(RangeError);
    expect(() => dueAt(at('2026-03-02T09:00:00Z'), -1, 'working')).toThrow(RangeError);
  });
});

describe('days left and overdue', () => {
  const due = endOfRomeDay('2026-06-26');
  it.each([
    ['2026-06-21T10:00:00Z', 5, false],
    ['2026-06-26T00:00:00Z', 0, false],
    ['2026-06-26T21:59:59Z', 0, false],
    ['2026-06-26T22:00:00Z', -1, true],
    ['2026-07-06T10:00:00Z', -10, true],
  ])('at %s: %i days left, overdue %s', (nowIso, daysLeft, overdue) => {
    expect(termStanding(due, at(nowIso))).toEqual({ daysLeft, overdue });
  });
});

describe('office term suspended for integration (Law 241/1990)', () => {
  it('keeps the days used and runs what is left from the resubmission', () => {
    const submitted = at('2026-06-01T10:00:00Z');
    const started = startOfficeTerm(submitted, 30);
    expect(isoDate(started.dueAt!)).toBe('2026-07-01');
    const returned = at('2026-06-10T08:00:00Z');
    const suspended = suspendOfficeTerm(started, submitted, returned);
    expect(suspended).toMatchObject({ daysUsed: 9, dueAt: null, suspendedAt: returned });
    // 21 days left from Saturday 20 June: Saturday 11 July, so Monday 13 July.
    const resumed = resumeOfficeTerm(suspended, at('2026-06-20T09:00:00Z'));
    expect(isoDate(resumed.dueAt!)).toBe('2026-07-13');
    expect(resumed.suspendedAt).toBeNull();
    // Returned again five days later: 14 used, 16 left from 1 July.
    const again = suspendOfficeTerm(resumed, at('2026-06-20T09:00:00Z'), at('2026-06-25T09:00:00Z'));
    expect(again.daysUsed).toBe(14);
    expect(isoDate(resumeOfficeTerm(again, at('2026-07-01T09:00:00Z')).dueAt!)).toBe('2026-07-17');
  });

  it('a term used up before the request resumes due the day of resubmission', () => {
    const s = startOfficeTerm(at('2026-06-01T10:00:00Z'), 5);
    const suspended = suspendOfficeTerm(s, at('2026-06-01T10:00:00Z'), at('2026-06-20T10:00:00Z'));
    expect(suspended.daysUsed).toBe(5);
    expect(isoDate(resumeOfficeTerm(suspended, at('2026-06-23T10:00:00Z')).dueAt!)).toBe('2026-06-23');
  });
});

describe('local feast days typed by the office', () => {
  it('reads one "GG/MM name" a line, sorted, and writes it back the same way', () => {
    const r = parseLocalFeasts('26/06 San Vigilio\r\n\n 3/1 Patrono ');
    expect(r).toEqual({
      ok: true,
      feasts: [
        { monthDay: '01-03', label: 'Patrono' },
        { monthDay: '06-26', label: 'San Vigilio' },
      ],
    });
    if (r.ok) expect(formatLocalFeasts(r.feasts)).toBe('03/01 Patrono\n26/06 San Vigilio');
    expect(parseLocalFeasts('')).toEqual({ ok: true, feasts: [] });
    expect(parseLocalFeasts('29/02')).toEqual({ ok: true, feasts: [{ monthDay: '02-29', label: 'Festività locale' }] });
  });

  it.each([
    ['31/06 San Vigilio', /Riga 1/],
    ['26-06 San Vigilio', /GG\/MM/],
    ['26/06 a\n26/06 b', /Riga 2: la data 26\/06 è ripetuta/],
    [`01/01 ${'x'.repeat(81)}`, /al massimo 80 caratteri/],
    [Array.from({ length: 21 }, (_, i) => `${i + 1}/01`).join('\n'), /al massimo 20/],
  ])('refuses %j with a message naming the line', (text, message) => {
    const r = parseLocalFeasts(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});

describe('days left in words', () => {
  it.each([
    [{ daysLeft: 5, overdue: false }, 'mancano 5 giorni'],
    [{ daysLeft: 1, overdue: false }, 'manca 1 giorno'],
    [{ daysLeft: 0, overdue: false }, 'scade oggi'],
    [{ daysLeft: -1, overdue: true }, 'scaduto da 1 giorno'],
    [{ daysLeft: -12, overdue: true }, 'scaduto da 12 giorni'],
  ])('%j → %s', (standing, text) => {
    expect(daysLeftText(standing)).toBe(text);
  });
});
