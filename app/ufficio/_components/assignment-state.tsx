'use client';
import { createContext, useActionState, useContext, useMemo, type ReactNode } from 'react';
import { Alert } from '@/app/_components/alert';
import { expectOutcomeFocus } from '@/app/_components/outcome-focus';
import { changeAssignmentAction } from '@/lib/actions/office/assignment';

type State = Awaited<ReturnType<typeof changeAssignmentAction>> | null;
type Ok = Extract<NonNullable<State>, { ok: true }>['data'];

export type Clerk = { id: string; name: string };
/** `inForm`: the controls are inside this outcome's one form and render no forms of their own. */
type Shared = { action: (fd: FormData) => void; me: string; clerks: Clerk[]; inForm: boolean };

const AssignmentContext = createContext<Shared | null>(null);

/**
 * What every Prendi in carico / Assegna a / Rilascia control inside shares (see AssignmentForms): the action,
 * who is signed in and the clerks one can assign to. Given once here, not to each of the queue's rows: as
 * props of every row's client component they were sent again in the RSC payload for each row (issue 20).
 */
export function useAssignment(): Shared {
  const shared = useContext(AssignmentContext);
  if (!shared) throw new Error('AssignmentForms outside an AssignmentOutcome');
  return shared;
}

function outcomeText(d: Ok): string {
  const which = d.protocolNumber ? `La pratica ${d.protocolNumber}` : 'La pratica';
  if (d.intent === 'release') return `${which} è stata rilasciata: non è in carico a nessuno.`;
  if (d.self) return `${which} è ora in carico a te.`;
  return `${which} è stata assegnata a ${d.assigneeName}.`;
}

/**
 * One outcome for all the assignment controls inside: shown above them, focused when a control of this page
 * caused it. `form`: one `<form action>` around them all (the queue's table: each row's buttons are its
 * submit buttons, so React's hidden action fields are sent once, not twice per row, issue 20); otherwise
 * each AssignmentForms renders its own forms (the conversion file). Works without JavaScript: the form
 * posts to the server action and the page comes back with this state.
 */
export function AssignmentOutcome({
  me,
  clerks,
  form = false,
  children,
}: {
  me: string;
  clerks: Clerk[];
  form?: boolean;
  children: ReactNode;
}) {
  const [state, action] = useActionState<State, FormData>(changeAssignmentAction, null);
  const shared = useMemo(() => ({ action, me, clerks, inForm: form }), [action, me, clerks, form]);
  return (
    <AssignmentContext.Provider value={shared}>
      {state?.ok ? (
        <Alert outcome kind="success" title={outcomeText(state.data)} />
      ) : state ? (
        <Alert outcome kind="error" title="Operazione non registrata">
          <p>{state.fieldErrors?.assigneeId ?? state.message}</p>
        </Alert>
      ) : null}
      {form ? (
        <form action={action} onSubmit={expectOutcomeFocus}>
          {children}
        </form>
      ) : (
        children
      )}
    </AssignmentContext.Provider>
  );
}
