import { formatDate } from '@/lib/domain/dates';
import type { Deadline } from '@/lib/domain/deadlines';
import type { Locale } from '@/lib/domain/locale';
import { plainText, translatorFor } from './translator';

type Values = { date: string; overdue: 'yes' | 'no'; provider?: string; code?: string };
export type DeadlineMessage = {
  key: 'close' | 'validate' | 'decision' | 'integrationFamily' | 'integrationOffice';
  values: Values;
  /** The office's suspended term, said after the sentence. */
  suspended: { since: string; used: number; term: number } | null;
};

/** A due date as a catalogue message (namespace VoucherTimeline, `deadline.*`), its dates in the reader's language. */
export function deadlineMessage(d: Deadline, locale: Locale): DeadlineMessage {
  const values: Values = { date: formatDate(d.dueAt, locale), overdue: d.overdue ? 'yes' : 'no' };
  const w = d.what;
  if ('provider' in w)
    return { key: w.kind, values: { ...values, provider: w.provider, code: w.code }, suspended: null };
  if (w.kind !== 'integration') return { key: 'decision', values, suspended: null };
  return {
    key: w.audience === 'family' ? 'integrationFamily' : 'integrationOffice',
    values,
    suspended: w.suspended
      ? { since: formatDate(w.suspended.since, locale), used: w.suspended.daysUsed, term: w.suspended.termDays }
      : null,
  };
}

/** The due date in words, as plain text: "The office must decide by 27 July 2026." */
export function deadlineText(d: Deadline, locale: Locale): string {
  const t = translatorFor(locale, 'VoucherTimeline');
  const m = deadlineMessage(d, locale);
  const sentence = t.markup(`deadline.${m.key}`, { ...m.values, ...plainText });
  return m.suspended ? `${sentence} ${t('deadline.suspended', m.suspended)}` : sentence;
}
