import { formatDateTimeIt } from '@/lib/domain/dates';
import type { Deadline } from '@/lib/domain/deadlines';
import { describeVoucherEvent } from './voucher-timeline-text';

type Event = {
  id: number;
  at: Date;
  action: string;
  actorRole: string | null;
  after: unknown;
  givenName: string | null;
  familyName: string | null;
};

const ROLE = { family: 'famiglia', provider: 'soggetto erogatore', office: 'Struttura Multifunzionale' } as const;

export function VoucherTimeline({
  events,
  next,
  deadlines = [],
}: {
  events: Event[];
  next: string;
  deadlines?: Deadline[];
}) {
  return (
    <section aria-labelledby="cronologia" className="card">
      <h2 id="cronologia" className="mb-3 text-xl font-bold">
        Cronologia
      </h2>
      {events.length === 0 ? <p>Nessuna operazione registrata finora.</p> : null}
      <ol className="space-y-3 border-l-2 border-pat-blue pl-4">
        {events.map((e) => (
          <li key={e.id}>
            <p className="font-semibold">{describeVoucherEvent(e)}</p>
            <p className="text-sm text-muted">
              <time dateTime={new Date(e.at).toISOString()}>{formatDateTimeIt(e.at)}</time>
              {e.givenName ? ` — ${e.givenName} ${e.familyName}` : ''}
              {e.actorRole && e.actorRole in ROLE ? ` (${ROLE[e.actorRole as keyof typeof ROLE]})` : ''}
            </p>
          </li>
        ))}
      </ol>
      <div className="mt-4 rounded bg-pat-blue-light p-3">
        <p className="font-semibold">Prossimo passo</p>
        <p>{next}</p>
        {deadlines.length ? <DeadlineList deadlines={deadlines} /> : null}
      </div>
    </section>
  );
}

/** Who must act by when; a passed term is said in words ("termine scaduto"), the border only repeats it. */
export function DeadlineList({ deadlines }: { deadlines: Deadline[] }) {
  return (
    <ul className="mt-2 space-y-1" aria-label="Scadenze" data-testid="scadenze">
      {deadlines.map((d) => (
        <li key={d.key} className={d.overdue ? 'border-l-4 border-err pl-2 font-semibold' : ''}>
          <time dateTime={d.dueAt.toISOString()} className="sr-only">
            {formatDateTimeIt(d.dueAt)}
          </time>
          {d.text}
        </li>
      ))}
    </ul>
  );
}
