import { formatDateTimeIt } from '@/lib/domain/dates';
import { AssignmentForms, type Assignee } from '../../_components/assignment-forms';
import { AssignmentOutcome } from '../../_components/assignment-state';

/** Presa in carico on the file: who follows the case, and the forms while it is still open. */
export function AssignmentSection({
  conversionId,
  protocolNumber,
  assignee,
  assignedAt,
  closed,
  me,
  clerks,
}: {
  conversionId: string;
  protocolNumber: string | null;
  assignee: Assignee;
  assignedAt: Date | null;
  closed: boolean;
  me: string;
  clerks: { id: string; name: string }[];
}) {
  const who = assignee ? (assignee.id === me ? `${assignee.name} (tu)` : assignee.name) : null;
  return (
    <section aria-labelledby="presa-in-carico" className="card space-y-3">
      <h2 id="presa-in-carico" className="text-xl font-bold">
        Presa in carico
      </h2>
      <p data-testid="file-assignee">
        {who ? (
          <>
            In carico a <strong>{who}</strong>
            {assignedAt ? ` dal ${formatDateTimeIt(assignedAt)}` : ''}.
          </>
        ) : (
          'Nessun operatore ha preso in carico questa pratica.'
        )}
      </p>
      {closed ? null : (
        <>
          <p className="text-sm text-muted">
            Chiunque nell’ufficio può comunque decidere la pratica: la cronologia registra chi lo fa.
          </p>
          <AssignmentOutcome me={me} clerks={clerks}>
            <AssignmentForms
              conversionId={conversionId}
              protocolNumber={protocolNumber}
              assigneeId={assignee?.id ?? null}
            />
          </AssignmentOutcome>
        </>
      )}
    </section>
  );
}
