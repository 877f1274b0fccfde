import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { formatDateTime } from '@/lib/domain/dates';
import type { Deadline } from '@/lib/domain/deadlines';
import type { Locale } from '@/lib/domain/locale';
import { deadlineMessage } from '@/lib/i18n/deadline-text';
import { italian } from '@/lib/i18n/italian';
import { voucherEventMessage } from './voucher-timeline-text';

type Event = {
  id: number;
  at: Date;
  action: string;
  actorRole: string | null;
  after: unknown;
  givenName: string | null;
  familyName: string | null;
};

const ROLES = ['family', 'provider', 'office'] as const;
const isRole = (r: string | null): r is (typeof ROLES)[number] => (ROLES as readonly (string | null)[]).includes(r);

/** Shared by the family's voucher page and the office's file: staff requests resolve to Italian. */
export async function VoucherTimeline({
  events,
  next,
  deadlines = [],
}: {
  events: Event[];
  next: ReactNode;
  deadlines?: Deadline[];
}) {
  const t = await getTranslations('VoucherTimeline');
  const locale = await getLocale();
  return (
    <section aria-labelledby="cronologia" className="card">
      <h2 id="cronologia" className="mb-3 text-xl font-bold">
        {t('title')}
      </h2>
      {events.length === 0 ? <p>{t('none')}</p> : null}
      <ol className="space-y-3 border-l-2 border-pat-blue pl-4">
        {events.map((e) => {
          const m = voucherEventMessage(e, locale);
          return (
            <li key={e.id}>
              <p className="font-semibold">{m ? t.rich(`event.${m[0]}`, { ...m[1], it: italian }) : e.action}</p>
              <p className="text-sm text-muted">
                <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at, locale)}</time>
                {e.givenName ? ` — ${e.givenName} ${e.familyName}` : ''}
                {isRole(e.actorRole) ? <> ({t.rich(`role.${e.actorRole}`, { it: italian })})</> : null}
              </p>
            </li>
          );
        })}
      </ol>
      <div className="mt-4 rounded bg-pat-blue-light p-3">
        <p className="font-semibold">{t('nextTitle')}</p>
        <p>{next}</p>
        {deadlines.length ? <DeadlineList deadlines={deadlines} label={t('deadlines')} locale={locale} /> : null}
      </div>
    </section>
  );
}

/** Who must act by when; a passed term is said in words ("termine scaduto"), the border only repeats it. */
async function DeadlineList({ deadlines, label, locale }: { deadlines: Deadline[]; label: string; locale: Locale }) {
  const t = await getTranslations('VoucherTimeline');
  return (
    <ul className="mt-2 space-y-1" aria-label={label} data-testid="scadenze">
      {deadlines.map((d) => {
        const m = deadlineMessage(d, locale);
        return (
          <li key={d.key} className={d.overdue ? 'border-l-4 border-err pl-2 font-semibold' : ''}>
            <time dateTime={d.dueAt.toISOString()} className="sr-only">
              {formatDateTime(d.dueAt, locale)}
            </time>
            {t.rich(`deadline.${m.key}`, { ...m.values, it: italian })}
            {m.suspended ? <> {t('deadline.suspended', m.suspended)}</> : null}
          </li>
        );
      })}
    </ul>
  );
}
