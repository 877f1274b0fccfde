'use client';
import { useId, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { expectOutcomeFocus } from '@/app/_components/outcome-focus';
import { SubmitButton } from '@/app/_components/submit-button';
import { assigneeFieldOf, OP_FIELD, opValue } from '@/lib/validation/office-assignment-fields';
import { useAssignment } from './assignment-state';

export type Assignee = { id: string; name: string } | null;

/**
 * A button whose value says what to do, to which case, and who the page showed in charge. In the queue's
 * one form every row's buttons share the form's pending state: only the pressed one says it is working.
 */
function OpButton({ op, className, children }: { op: string; className: string; children: ReactNode }) {
  const { pending, data } = useFormStatus();
  return (
    <SubmitButton className={className} name={OP_FIELD} value={op} pending={pending && data?.get(OP_FIELD) === op}>
      {children}
    </SubmitButton>
  );
}

/**
 * Prendi in carico (when nobody has the case), Rilascia (when someone has it) and Assegna a (another active
 * clerk, or oneself). Each button says who the page showed in charge, so a change made meanwhile by someone
 * else is refused with who has the case now. Inside the queue's one form (AssignmentOutcome `form`) they are
 * plain controls; on the conversion file, two forms of their own. `compact`: the queue's cell, text buttons
 * (btn-text, still 44 px targets) and Assegna a behind a disclosure, spaced by the cell.
 */
export function AssignmentForms({
  conversionId,
  protocolNumber,
  assigneeId,
  compact = false,
}: {
  conversionId: string;
  protocolNumber: string | null;
  /** Who the page showed in charge. */
  assigneeId: string | null;
  compact?: boolean;
}) {
  const { action, me, clerks, inForm } = useAssignment();
  const which = protocolNumber ? ` la pratica ${protocolNumber}` : ' la pratica';
  const own = (className: string | undefined, children: ReactNode) =>
    inForm ? (
      className ? (
        <div className={className}>{children}</div>
      ) : (
        children
      )
    ) : (
      <form action={action} onSubmit={expectOutcomeFocus} className={className}>
        {children}
      </form>
    );
  const others = clerks.filter((c) => c.id !== assigneeId);
  // useId rather than the conversion's id: a short id, twice in each of the queue's rows.
  const selectId = useId();
  const assignForm = own(
    compact ? 'mt-2 flex flex-col gap-2' : 'flex flex-col gap-2',
    <>
      <label htmlFor={selectId} className="font-semibold">
        Assegna a<span className="sr-only">{which}</span>
      </label>
      {/* Not `required` in the queue's one form: every row's empty select would then stop any row's button. */}
      <select
        id={selectId}
        name={assigneeFieldOf(conversionId)}
        required={!inForm}
        defaultValue=""
        className="field-input"
      >
        <option value="" disabled>
          Scegli un operatore
        </option>
        {others.map((c) => (
          <option key={c.id} value={c.id}>
            {c.id === me ? `${c.name} (tu)` : c.name}
          </option>
        ))}
      </select>
      <OpButton op={opValue('assign', conversionId, assigneeId)} className={compact ? 'btn-text' : 'btn-secondary'}>
        Assegna<span className="sr-only">{which}</span>
      </OpButton>
    </>,
  );
  const controls = (
    <>
      {own(
        undefined,
        assigneeId === null ? (
          <OpButton op={opValue('take', conversionId, null)} className={compact ? 'btn-text' : 'btn-primary'}>
            Prendi in carico<span className="sr-only">{which}</span>
          </OpButton>
        ) : (
          <OpButton
            op={opValue('release', conversionId, assigneeId)}
            className={compact ? 'btn-text' : 'btn-secondary'}
          >
            Rilascia<span className="sr-only">{which}</span>
          </OpButton>
        ),
      )}
      {others.length === 0 ? null : compact ? (
        <details>
          <summary className="link cursor-pointer">
            Assegna a…<span className="sr-only">{which}</span>
          </summary>
          {assignForm}
        </details>
      ) : (
        assignForm
      )}
    </>
  );
  // The queue's cell spaces them itself, beside who has the case.
  return compact ? controls : <div className="space-y-4">{controls}</div>;
}
