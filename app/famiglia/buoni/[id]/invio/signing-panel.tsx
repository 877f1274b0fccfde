'use client';
import { useActionState, useEffect, useRef } from 'react';
import { Alert } from '@/app/_components/alert';
import { SubmitButton } from '@/app/_components/submit-button';
import type { SigningStatus } from '@/db/queries/signing-status';
import { confirmSubmissionAction, sendOtpAction } from '@/lib/actions/family/submission';
import { useSecondsUntil } from './use-clock';

type State = Awaited<ReturnType<typeof sendOtpAction>> | Awaited<ReturnType<typeof confirmSubmissionAction>> | null;

const TIME = new Intl.DateTimeFormat('it-IT', {
  timeZone: 'Europe/Rome',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function latest(initial: SigningStatus, ...states: State[]): SigningStatus {
  return states.reduce<SigningStatus>(
    (best, s) => (s?.status && s.status.serverNow > best.serverNow ? s.status : best),
    initial,
  );
}

/** Screen readers hear the countdown at a few milestones, never every second. */
function milestone(s: number | null): string {
  if (s === null) return '';
  if (s <= 0) return 'Il codice è scaduto: premi Richiedi nuovo codice.';
  const at = [10, 30, 60, 120].find((m) => s <= m);
  return at
    ? `Il codice scade tra meno di ${at >= 60 ? `${at / 60} ${at === 60 ? 'minuto' : 'minuti'}` : `${at} secondi`}.`
    : 'Il codice scade tra 3 minuti.';
}

/** Guide §4, firma OTP: INVIA OTP, the code with its countdown, RICHIEDI NUOVO CODICE, CONFERMA E INVIA. Works without JavaScript. */
export function SigningPanel({
  voucherId,
  initial,
  idPrefix = 'otp',
}: {
  voucherId: string;
  initial: SigningStatus;
  idPrefix?: string;
}) {
  const [sent, sendAction] = useActionState<State, FormData>(sendOtpAction, null);
  const [confirmed, confirmAction] = useActionState<State, FormData>(confirmSubmissionAction, null);
  const status = latest(initial, sent, confirmed);
  const secondsLeft = useSecondsUntil(status.activeCode?.expiresAt ?? null, status.serverNow);
  const waitSeconds = useSecondsUntil(status.nextSendAt, status.serverNow);
  const codeId = `${idPrefix}-code`;
  // INVIA OTP and CONFERMA E INVIA are disabled while they run, which drops focus: once the answer is
  // here, focus goes to the code field (to type the code just sent, or to correct a refused one).
  const focusCode = useRef(false);
  const wantCodeFocus = () => {
    focusCode.current = true;
  };
  useEffect(() => {
    const input = focusCode.current ? document.getElementById(codeId) : null;
    if (!input) return;
    focusCode.current = false;
    input.focus();
  }, [sent, confirmed, codeId]);

  if (status.locked) {
    return (
      <Alert kind="error" title="Firma bloccata">
        La firma con codice OTP è bloccata per troppi codici errati. Per sbloccarla contatta la Struttura
        Multifunzionale Territoriale Ad Personam della Provincia autonoma di Trento, che verificherà la tua identità.
      </Alert>
    );
  }
  if (!status.maskedMobile) {
    return (
      <Alert kind="error" title="Numero di cellulare mancante">
        Nella tua scheda anagrafica non c’è un numero di cellulare a cui inviare il codice: contatta la Struttura
        Multifunzionale Territoriale Ad Personam.
      </Alert>
    );
  }
  const sendError = sent && !sent.ok ? sent : null;
  const confirmError =
    confirmed && !confirmed.ok && (!sent || (confirmed.status?.serverNow ?? '') >= (sent.status?.serverNow ?? ''))
      ? confirmed
      : null;
  const codeError =
    confirmError?.fieldErrors?.code ??
    (confirmError && confirmError.code !== 'invalid_input' ? confirmError.message : undefined);
  const code = status.activeCode;
  const justSent = sent?.ok && !confirmError;

  return (
    <div className="space-y-4">
      <p>
        Il codice OTP viene inviato con un SMS al numero di cellulare della tua scheda anagrafica:{' '}
        <strong className="whitespace-nowrap">{status.maskedMobile}</strong>. Con il codice firmi i dati della richiesta
        così come sono ora.
      </p>
      {sendError ? (
        <Alert kind="error" title="Codice non inviato">
          {sendError.message}
        </Alert>
      ) : null}
      {justSent ? (
        <Alert kind="success" title="Codice inviato">
          SMS inviato al numero {status.maskedMobile}. Il codice vale 3 minuti.
        </Alert>
      ) : null}

      {code ? (
        <form action={confirmAction} onSubmit={wantCodeFocus} noValidate className="space-y-3">
          <input type="hidden" name="voucherId" value={voucherId} />
          <div>
            <label htmlFor={codeId} className="mb-1 block font-semibold">
              Codice OTP ricevuto via SMS
            </label>
            <p id={`${codeId}-hint`} className="mb-1 text-sm text-muted">
              6 cifre.{' '}
              {secondsLeft === null ? `Scade alle ${TIME.format(new Date(code.expiresAt))} (ora italiana).` : null}
              {code.attemptsLeft < 5 ? ` Tentativi rimasti con questo codice: ${code.attemptsLeft}.` : ''}
            </p>
            <input
              id={codeId}
              name="code"
              className="field-input max-w-48 text-xl tracking-widest"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={20}
              aria-describedby={`${codeId}-hint${codeError ? ` ${codeId}-error` : ''} ${codeId}-countdown`}
              {...(codeError ? { 'aria-invalid': true } : {})}
            />
            {codeError ? (
              <p id={`${codeId}-error`} className="mt-1 text-sm font-semibold text-err" role="alert">
                {codeError}
              </p>
            ) : null}
          </div>
          <p id={`${codeId}-countdown`} className="font-semibold" data-testid="otp-countdown">
            {secondsLeft === null
              ? null
              : secondsLeft > 0
                ? `Il codice scade tra ${secondsLeft} secondi.`
                : 'Il codice è scaduto: richiedi un nuovo codice.'}
          </p>
          <p className="sr-only" role="status" aria-live="polite">
            {milestone(secondsLeft)}
          </p>
          <SubmitButton pendingLabel="Invio in corso…" disabled={secondsLeft === 0}>
            Conferma e invia
          </SubmitButton>
        </form>
      ) : confirmError ? (
        <Alert kind="error" title="Richiesta non inviata">
          {confirmError.message}
        </Alert>
      ) : null}

      <form action={sendAction} onSubmit={wantCodeFocus}>
        <input type="hidden" name="voucherId" value={voucherId} />
        {/* RICHIEDI NUOVO CODICE stays visible; while the limits apply it says how long to wait. */}
        <SubmitButton
          className={code || confirmed ? 'btn-secondary' : 'btn-primary'}
          pendingLabel="Invio dell’SMS…"
          disabled={(waitSeconds ?? 0) > 0}
        >
          {code || confirmed || sent ? 'Richiedi nuovo codice' : 'Invia OTP'}
        </SubmitButton>
        {status.nextSendAt ? (
          <p className="mt-1 text-sm text-muted">
            {waitSeconds === null
              ? `Potrai richiedere un nuovo codice dalle ${TIME.format(new Date(status.nextSendAt))}.`
              : waitSeconds > 0
                ? `Potrai richiedere un nuovo codice tra ${waitSeconds} secondi.`
                : null}
          </p>
        ) : null}
      </form>
    </div>
  );
}
