'use client';
import { useActionState } from 'react';
import { Alert } from '@/app/_components/alert';
import { SubmitButton } from '@/app/_components/submit-button';
import { resetUserMfaAction, setUserActiveAction } from '@/lib/actions/office/admin-users';

/** Disattiva / Riattiva and Azzera la verifica in due passaggi, each a plain form that works before hydration. */
export function UserRowActions({
  userId,
  name,
  active,
  mfaEnrolled,
}: {
  userId: string;
  name: string;
  active: boolean;
  mfaEnrolled: boolean;
}) {
  const [activeState, toggle] = useActionState(setUserActiveAction, null);
  const [mfaState, reset] = useActionState(resetUserMfaAction, null);
  return (
    <div className="space-y-2">
      {activeState && !activeState.ok ? (
        <Alert kind="error" title="Operazione non riuscita">
          {activeState.message}
        </Alert>
      ) : null}
      {mfaState && !mfaState.ok ? (
        <Alert kind="error" title="Operazione non riuscita">
          {mfaState.message}
        </Alert>
      ) : null}
      {mfaState?.ok ? (
        <Alert kind="success" title={`Verifica in due passaggi di ${name} azzerata.`}>
          Le sue sessioni sono state chiuse; la attiverà di nuovo al prossimo accesso.
        </Alert>
      ) : null}
      <div className="flex flex-col gap-2 sm:flex-row">
        <form action={toggle}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="active" value={active ? 'false' : 'true'} />
          <SubmitButton className={active ? 'btn-danger' : 'btn-secondary'}>
            {active ? 'Disattiva' : 'Riattiva'}
            <span className="sr-only"> {name}</span>
          </SubmitButton>
        </form>
        {mfaEnrolled ? (
          <form action={reset}>
            <input type="hidden" name="userId" value={userId} />
            <SubmitButton className="btn-secondary">
              Azzera la verifica in due passaggi<span className="sr-only"> di {name}</span>
            </SubmitButton>
          </form>
        ) : null}
      </div>
    </div>
  );
}
