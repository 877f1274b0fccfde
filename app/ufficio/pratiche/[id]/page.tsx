import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Alert } from '@/app/_components/alert';
import { VoucherTimeline } from '@/app/_components/voucher-timeline';
import { getDb } from '@/db';
import { getOfficeConversionFile } from '@/db/queries/office/conversion-file';
import { activeOfficeClerks } from '@/db/queries/office/office-clerks';
import { officeScope } from '@/lib/auth/office-scope';
import { requireRole } from '@/lib/auth/current-actor';
import { now as clockNow } from '@/lib/clock';
import { daysBetween, formatDateTimeIt, isoDate } from '@/lib/domain/dates';
import { voucherDeadlines } from '@/lib/domain/deadlines';
import { formatEuro } from '@/lib/domain/money';
import { idSchema } from '@/lib/validation/ids';
import { ConversionStatusBadge } from '../../_components/conversion-status-badge';
import { AssignmentSection } from './assignment-section';
import { DecisionForms } from './decision-forms';
import { FamilyFacts } from './family-facts';
import { OfficePes } from './office-pes';
import { SignatureFacts } from './signature-facts';
import { TermFacts } from './term-facts';
import { UnlockForm } from './unlock-form';

export const metadata: Metadata = { title: 'Pratica di modifica PES' };

const NEXT: Record<string, string> = {
  submitted: 'In attesa della decisione dell’ufficio: Convalida, Richiedi integrazione o Respingi.',
  returned: 'In attesa che la famiglia integri la pratica e la firmi di nuovo.',
  approved: 'Pratica convalidata: i servizi possono essere attivati.',
  rejected:
    'Pratica respinta: la famiglia può presentare una nuova richiesta con lo stesso importo liberato (sarà una nuova pratica, con un nuovo protocollo).',
};

export default async function OfficeConversionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole('office');
  const { id } = await params;
  if (!idSchema.safeParse(id).success) notFound();
  const db = await getDb();
  const scope = officeScope(actor);
  const [f, clerks] = await Promise.all([getOfficeConversionFile(db, scope, id), activeOfficeClerks(db, scope)]);
  if (!f) notFound();
  const now = clockNow();
  const today = isoDate(now);
  const c = f.conversion;
  return (
    <div className="space-y-6">
      <p>
        <Link href="/ufficio" className="link">
          ← Richieste di convalida
        </Link>
      </p>
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">
          Pratica {c.protocolNumber ?? ''}{' '}
          <span className="block text-xl font-semibold sm:inline">Buono {f.voucher.number}</span>
        </h1>
        <p className="flex flex-wrap items-center gap-2">
          <ConversionStatusBadge status={c.status} />
          <span>
            inviata il {formatDateTimeIt(c.submittedAt!)}
            {c.status === 'submitted' ? ` — in attesa da ${daysBetween(c.submittedAt!, now)} giorni` : ''}
          </span>
        </p>
        <TermFacts c={c} now={now} />
      </div>

      {c.decidedAt && f.decidedBy && c.status !== 'submitted' ? (
        <Alert
          outcome
          kind={c.status === 'approved' ? 'success' : 'warning'}
          title={outcomeTitle(c.status, f.decidedBy, c.decidedAt)}
        >
          {c.decisionReason ? <p>Motivo: {c.decisionReason}</p> : null}
        </Alert>
      ) : null}

      <AssignmentSection
        conversionId={c.id}
        protocolNumber={c.protocolNumber}
        assignee={f.assignee}
        assignedAt={c.assignedAt}
        closed={c.status === 'approved' || c.status === 'rejected'}
        me={actor.userId}
        clerks={clerks}
      />

      <FamilyFacts f={f} today={today} />

      <section aria-labelledby="pes-originali" className="space-y-3">
        <h2 id="pes-originali" className="text-xl font-bold">
          PES originali e importo liberato
        </h2>
        <p>
          Liberati dai PES chiusi: <strong>{formatEuro(f.freedCents)}</strong> — destinati ai nuovi PES:{' '}
          {formatEuro(f.committedCents)} — residuo: {formatEuro(f.residualCents)}
        </p>
        {f.standardPes.map((p) => (
          <OfficePes key={p.id} p={p} today={today} />
        ))}
      </section>

      <section aria-labelledby="pes-nuovi" className="space-y-3">
        <h2 id="pes-nuovi" className="text-xl font-bold">
          Nuovi PES emergenza COVID-19
        </h2>
        {f.newPes.length === 0 ? <p>Nessun nuovo PES.</p> : null}
        {f.newPes.map((p) => (
          <OfficePes key={p.id} p={p} today={today} />
        ))}
        {f.withdrawnPes.length ? (
          <p className="text-muted">PES ritirati dalla famiglia: {f.withdrawnPes.map((p) => p.code).join(', ')}.</p>
        ) : null}
      </section>

      <SignatureFacts f={f} />
      {c.otpLocked ? <UnlockForm conversionId={c.id} lock={c.otpLocked} /> : null}
      {c.status === 'submitted' ? <DecisionForms conversionId={c.id} /> : null}

      <VoucherTimeline
        events={f.events}
        deadlines={voucherDeadlines([...f.standardPes, ...f.newPes], c, now, 'office')}
        next={
          NEXT[c.status] ??
          'La famiglia sta correggendo la pratica: quando la firmerà di nuovo tornerà tra le pratiche inviate.'
        }
      />
    </div>
  );
}

function outcomeTitle(status: string, who: string, at: Date): string {
  const when = formatDateTimeIt(at);
  if (status === 'approved') return `Convalidata da ${who} il ${when}`;
  if (status === 'rejected') return `Respinta da ${who} il ${when}`;
  return `Integrazione richiesta da ${who} il ${when}`;
}
