'use client';
import { useActionState } from 'react';
import { Alert } from '@/app/_components/alert';
import { FieldShell } from '@/app/_components/field-shell';
import { SubmitButton } from '@/app/_components/submit-button';
import { unlockSignatureAction } from '@/lib/actions/office/decisions';

type State = Awaited<ReturnType<typeof unlockSignatureAction>> | null;

/** Sblocca la firma, for a family locked out by wrong OTP codes (the reason goes to the audit trail). */
export function UnlockForm({ conversionId, lock }: { conversionId: string; lock: string }) {
  const [state, unlock] = useActionState<State, FormData>(unlockSignatureAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <section aria-labelledby="sblocco" className="card space-y-2">
      <h2 id="sblocco" className="text-xl font-bold">
        Firma bloccata
      </h2>
      <p>La famiglia non può firmare: {lock}.</p>
      <form action={unlock} className="space-y-2">
        <input type="hidden" name="conversionId" value={conversionId} />
        {failed && !failed.fieldErrors?.reason ? (
          <Alert kind="error" title="Sblocco non registrato">
            {failed.message}
          </Alert>
        ) : null}
        <FieldShell
          id="motivo-sblocco"
          label="Motivo dello sblocco"
          hint="Ad esempio: identità verificata per telefono."
          error={failed?.fieldErrors?.reason}
        >
          {(a11y) => (
            <textarea
              name="reason"
              rows={2}
              maxLength={1000}
              required
              minLength={5}
              className="field-input"
              {...a11y}
            />
          )}
        </FieldShell>
        <SubmitButton className="btn-secondary">Sblocca la firma</SubmitButton>
      </form>
    </section>
  );
}
