'use client';
import { useActionState } from 'react';
import { Alert } from '@/app/_components/alert';
import { expectOutcomeFocus } from '@/app/_components/outcome-focus';
import { FieldShell } from '@/app/_components/field-shell';
import { SubmitButton } from '@/app/_components/submit-button';
import {
  approveConversionAction,
  rejectConversionAction,
  returnConversionAction,
} from '@/lib/actions/office/decisions';

type State = { ok: boolean; message?: string; fieldErrors?: Record<string, string> } | null;

/** Convalida, Respingi, Richiedi integrazione: plain forms, so they work before the page is hydrated. */
export function DecisionForms({ conversionId }: { conversionId: string }) {
  const [approved, approve] = useActionState<State, FormData>(approveConversionAction, null);
  const [rejected, reject] = useActionState<State, FormData>(rejectConversionAction, null);
  const [returned, giveBack] = useActionState<State, FormData>(returnConversionAction, null);
  return (
    <section aria-labelledby="decisione" className="card space-y-6">
      <h2 id="decisione" className="text-xl font-bold">
        Decisione
      </h2>
      <form action={approve} onSubmit={expectOutcomeFocus} className="space-y-2">
        <input type="hidden" name="conversionId" value={conversionId} />
        <p>
          Convalida la modifica: la famiglia e i soggetti erogatori ricevono una e-mail e i servizi possono essere
          attivati.
        </p>
        {approved && !approved.ok && approved.message ? (
          <Alert outcome kind="error" title="Convalida non registrata">
            {approved.message}
          </Alert>
        ) : null}
        <SubmitButton>Convalida</SubmitButton>
      </form>
      <ReasonForm
        action={giveBack}
        state={returned}
        conversionId={conversionId}
        id="motivo-integrazione"
        label="Cosa deve integrare la famiglia"
        hint="La famiglia lo legge nella e-mail e nella pagina del buono: indica quale PES o documento correggere."
        button="Richiedi integrazione"
        failTitle="Richiesta di integrazione non registrata"
        className="btn-secondary"
      />
      <ReasonForm
        action={reject}
        state={rejected}
        conversionId={conversionId}
        id="motivo-rifiuto"
        label="Motivo del rifiuto"
        hint="La famiglia lo legge nella e-mail. I nuovi PES vengono annullati e la decisione è definitiva."
        button="Respingi"
        failTitle="Rifiuto non registrato"
        className="btn-danger"
      />
    </section>
  );
}

function ReasonForm(p: {
  action: (fd: FormData) => void;
  state: State;
  conversionId: string;
  id: string;
  label: string;
  hint: string;
  button: string;
  failTitle: string;
  className: string;
}) {
  const failed = p.state && !p.state.ok ? p.state : null;
  const message = failed?.message ?? '';
  return (
    <form action={p.action} onSubmit={expectOutcomeFocus} className="space-y-2 border-t border-[#d9dee3] pt-4">
      <input type="hidden" name="conversionId" value={p.conversionId} />
      {failed && !failed.fieldErrors?.reason ? (
        <Alert outcome kind="error" title={p.failTitle}>
          {message}
        </Alert>
      ) : null}
      <FieldShell id={p.id} label={p.label} hint={p.hint} error={failed?.fieldErrors?.reason}>
        {(a11y) => (
          <textarea name="reason" rows={3} maxLength={1000} required minLength={5} className="field-input" {...a11y} />
        )}
      </FieldShell>
      <SubmitButton className={p.className}>{p.button}</SubmitButton>
    </form>
  );
}
