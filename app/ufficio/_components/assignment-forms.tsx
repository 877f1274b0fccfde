'use client';
import { expectOutcomeFocus } from '@/app/_components/outcome-focus';
import { SubmitButton } from '@/app/_components/submit-button';
import { useAssignment } from './assignment-state';

export type Assignee = { id: string; name: string } | null;

/**
 * Prendi in carico (when nobody has the case), Rilascia (when someone has it) and Assegna a (another active
 * clerk, or oneself). Each form says who the page showed in charge, so a change made meanwhile by someone
 * else is refused with who has the case now. `compact`: the queue's cell, text buttons (btn-text, still 44 px targets) and Assegna a behind a disclosure.
 */
export function AssignmentForms({
  conversionId,
  protocolNumber,
  assignee,
  compact = false,
}: {
  conversionId: string;
  protocolNumber: string | null;
  assignee: Assignee;
  compact?: boolean;
}) {
  const { action, me, clerks } = useAssignment();
  const which = protocolNumber ? ` la pratica ${protocolNumber}` : ' la pratica';
  const hidden = (
    <>
      <input type="hidden" name="conversionId" value={conversionId} />
      <input type="hidden" name="expectedAssigneeId" value={assignee?.id ?? ''} />
    </>
  );
  const others = clerks.filter((c) => c.id !== assignee?.id);
  const selectId = `assegna-${conversionId}`;
  const assignForm = (
    <form action={action} onSubmit={expectOutcomeFocus} className="flex flex-col gap-2">
      {hidden}
      <input type="hidden" name="intent" value="assign" />
      <label htmlFor={selectId} className="font-semibold">
        Assegna a<span className="sr-only">{which}</span>
      </label>
      <select id={selectId} name="assigneeId" required defaultValue="" className="field-input">
        <option value="" disabled>
          Scegli un operatore
        </option>
        {others.map((c) => (
          <option key={c.id} value={c.id}>
            {c.id === me ? `${c.name} (tu)` : c.name}
          </option>
        ))}
      </select>
      <SubmitButton className={compact ? 'btn-text' : 'btn-secondary'}>
        Assegna<span className="sr-only">{which}</span>
      </SubmitButton>
    </form>
  );
  return (
    <div className={compact ? 'space-y-2' : 'space-y-4'}>
      <form action={action} onSubmit={expectOutcomeFocus}>
        {hidden}
        <input type="hidden" name="intent" value={assignee === null ? 'take' : 'release'} />
        {assignee === null ? (
          <SubmitButton className={compact ? 'btn-text' : 'btn-primary'}>
            Prendi in carico<span className="sr-only">{which}</span>
          </SubmitButton>
        ) : (
          <SubmitButton className={compact ? 'btn-text' : 'btn-secondary'}>
            Rilascia<span className="sr-only">{which}</span>
          </SubmitButton>
        )}
      </form>
      {others.length === 0 ? null : compact ? (
        <details>
          <summary className="link cursor-pointer">
            Assegna a…<span className="sr-only">{which}</span>
          </summary>
          <div className="mt-2">{assignForm}</div>
        </details>
      ) : (
        assignForm
      )}
    </div>
  );
}
