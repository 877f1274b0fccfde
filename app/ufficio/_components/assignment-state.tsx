'use client';
import { createContext, useActionState, useContext, type ReactNode } from 'react';
import { Alert } from '@/app/_components/alert';
import { changeAssignmentAction } from '@/lib/actions/office/assignment';

type State = Awaited<ReturnType<typeof changeAssignmentAction>> | null;
type Ok = Extract<NonNullable<State>, { ok: true }>['data'];

const AssignmentAction = createContext<((fd: FormData) => void) | null>(null);

/** The form action every Prendi in carico / Assegna a / Rilascia form inside uses (see AssignmentForms). */
export function useAssignmentAction(): (fd: FormData) => void {
  const action = useContext(AssignmentAction);
  if (!action) throw new Error('AssignmentForms outside an AssignmentOutcome');
  return action;
}

function outcomeText(d: Ok): string {
  const which = d.protocolNumber ? `La pratica ${d.protocolNumber}` : 'La pratica';
  if (d.intent === 'release') return `${which} è stata rilasciata: non è in carico a nessuno.`;
  if (d.self) return `${which} è ora in carico a te.`;
  return `${which} è stata assegnata a ${d.assigneeName}.`;
}

/**
 * One outcome for all the assignment forms inside (the queue has one per row): shown above them, focused
 * when a form of this page caused it. Works without JavaScript: the forms post to the server action and the
 * page comes back with this state.
 */
export function AssignmentOutcome({ children }: { children: ReactNode }) {
  const [state, action] = useActionState<State, FormData>(changeAssignmentAction, null);
  return (
    <AssignmentAction.Provider value={action}>
      {state?.ok ? (
        <Alert outcome kind="success" title={outcomeText(state.data)} />
      ) : state ? (
        <Alert outcome kind="error" title="Operazione non registrata">
          <p>{state.fieldErrors?.assigneeId ?? state.message}</p>
        </Alert>
      ) : null}
      {children}
    </AssignmentAction.Provider>
  );
}
