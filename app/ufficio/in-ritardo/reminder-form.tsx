'use client';
import { useActionState } from 'react';
import { SubmitButton } from '@/app/_components/submit-button';
import { sendPesReminderAction } from '@/lib/actions/office/send-pes-reminder';

type State = Awaited<ReturnType<typeof sendPesReminderAction>> | null;

/** «Invia sollecito» for one PES; the outcome is announced next to the button. */
export function ReminderForm({ pesId, code, sentToday }: { pesId: string; code: string; sentToday: boolean }) {
  const [state, send] = useActionState<State, FormData>(sendPesReminderAction, null);
  if (sentToday || state?.ok)
    return (
      <p role="status" className="font-semibold">
        Sollecito inviato oggi.
      </p>
    );
  return (
    <form action={send} className="space-y-1">
      <input type="hidden" name="pesId" value={pesId} />
      <SubmitButton className="btn-secondary" aria-label={`Invia sollecito per il PES ${code}`}>
        Invia sollecito
      </SubmitButton>
      {state && !state.ok ? (
        <p role="alert" className="text-sm font-semibold text-err">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
