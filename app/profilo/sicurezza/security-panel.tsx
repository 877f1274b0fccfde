'use client';
import { useActionState } from 'react';
import { Alert } from '@/app/_components/alert';
import { SubmitButton } from '@/app/_components/submit-button';
import { logoutAction } from '@/lib/actions/auth/logout';
import {
  confirmTotpEnrolmentAction,
  regenerateRecoveryCodesAction,
  startTotpEnrolmentAction,
} from '@/lib/actions/staff/totp-enrolment';
import { formatDateTimeIt } from '@/lib/domain/dates';
import { TotpCodeField } from './totp-code-field';

type Props = {
  limitedSession: boolean;
  required: boolean;
  home: string;
  enrolledAt: string | null;
  recoveryCodesLeft: number;
  pending: { secret: string; qr: string } | null;
  pendingElsewhere: boolean;
};

export function SecurityPanel({
  limitedSession,
  required,
  home,
  enrolledAt,
  recoveryCodesLeft,
  pending,
  pendingElsewhere,
}: Props) {
  const [started, start] = useActionState(startTotpEnrolmentAction, null);
  const [confirmed, confirm] = useActionState(confirmTotpEnrolmentAction, null);
  const [renewed, renew] = useActionState(regenerateRecoveryCodesAction, null);
  const issued = confirmed?.ok ? confirmed.data.recoveryCodes : renewed?.ok ? renewed.data.recoveryCodes : null;

  if (issued) {
    return (
      <section aria-labelledby="codici" className="card space-y-3">
        <Alert
          kind="success"
          title={confirmed?.ok ? 'Verifica in due passaggi attiva' : 'Nuovi codici di recupero generati'}
        >
          {confirmed?.ok
            ? 'Da ora, dopo la password, ti chiederemo il codice dell’app.'
            : 'I codici precedenti non valgono più.'}
        </Alert>
        <h2 id="codici" className="text-xl font-bold">
          Codici di recupero
        </h2>
        <p>
          Conservali in un posto sicuro, lontano dal telefono: ciascuno vale <strong>una sola volta</strong> al posto
          del codice dell’app. Non li mostreremo più.
        </p>
        <ol className="grid list-decimal gap-1 pl-8 font-mono sm:grid-cols-2" data-testid="recovery-codes">
          {issued.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ol>
        <a href="/area" className="btn-primary inline-block">
          Ho conservato i codici: vai alla tua area
        </a>
      </section>
    );
  }

  if (enrolledAt) {
    return (
      <section className="card space-y-3">
        <Alert kind="success" title="Verifica in due passaggi attiva">
          Attivata il {formatDateTimeIt(enrolledAt)}. Codici di recupero ancora utilizzabili: {recoveryCodesLeft}.
        </Alert>
        <p>
          Se perdi il telefono o i codici di recupero, chiedi a un collega della Struttura Multifunzionale Territoriale
          Ad Personam di azzerarla: poi la attiverai di nuovo.
        </p>
        <form action={renew} noValidate className="space-y-2">
          <h2 className="text-xl font-bold">Nuovi codici di recupero</h2>
          <p>
            Se li hai usati quasi tutti o temi che qualcuno li abbia visti, generane 10 nuovi: quelli di prima
            smetteranno di funzionare.
          </p>
          {renewed && !renewed.ok && !renewed.fieldErrors?.code ? (
            <Alert kind="error" title="Codici non generati">
              {renewed.message}
            </Alert>
          ) : null}
          <TotpCodeField
            id="renew-code"
            label="Codice a 6 cifre dell’app"
            error={renewed && !renewed.ok ? renewed.fieldErrors?.code : undefined}
          />
          <SubmitButton className="btn-secondary">Genera nuovi codici di recupero</SubmitButton>
        </form>
        <a href={home} className="btn-secondary inline-block">
          Torna alla tua area
        </a>
      </section>
    );
  }

  return (
    <div className="space-y-4">
      {limitedSession ? (
        <Alert kind="warning" title="Prima di continuare, attiva la verifica in due passaggi">
          La password è corretta. Per il personale degli enti e della Struttura l’accesso richiede anche un codice
          generato da un’app di autenticazione sul telefono (ad esempio FreeOTP, Google Authenticator, Microsoft
          Authenticator).
        </Alert>
      ) : (
        <p>
          La verifica in due passaggi protegge il tuo account anche se qualcuno scopre la password: dopo la password ti
          chiederemo un codice di 6 cifre generato dall’app di autenticazione del telefono.
          {required ? ' È obbligatoria per il personale.' : ''}
        </p>
      )}
      {started && !started.ok ? (
        <Alert kind="error" title="Attivazione non avviata">
          {started.message}
        </Alert>
      ) : null}
      {pending ? (
        <section aria-labelledby="passo1" className="card space-y-3">
          <h2 id="passo1" className="text-xl font-bold">
            1. Aggiungi l’account nell’app
          </h2>
          <p>Inquadra il codice QR con l’app di autenticazione.</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL drawn on the server, nothing to optimise */}
          <img
            src={pending.qr}
            alt="Codice QR da inquadrare con l’app di autenticazione"
            width={220}
            height={220}
            className="bg-white"
          />
          <p>
            Se non puoi inquadrarlo, scegli nell’app «inserisci chiave» e digita questa chiave (tipo: basata sul tempo):
          </p>
          <p className="break-all rounded bg-pat-blue-light p-2 font-mono text-lg" data-testid="totp-secret">
            {pending.secret.replace(/(.{4})(?=.)/g, '$1 ')}
          </p>
          <h2 className="pt-2 text-xl font-bold">2. Inserisci il codice che l’app mostra</h2>
          <form action={confirm} noValidate>
            {confirmed && !confirmed.ok && !confirmed.fieldErrors?.code ? (
              <Alert kind="error" title="Attivazione non completata">
                {confirmed.message}
              </Alert>
            ) : null}
            <TotpCodeField
              id="code"
              label="Codice a 6 cifre"
              error={confirmed && !confirmed.ok ? confirmed.fieldErrors?.code : undefined}
            />
            <SubmitButton>Conferma e attiva</SubmitButton>
          </form>
          <form action={start}>
            <SubmitButton className="btn-secondary">Genera una nuova chiave</SubmitButton>
          </form>
        </section>
      ) : pendingElsewhere ? (
        <section className="card space-y-3">
          <Alert kind="warning" title="Attivazione avviata in un’altra sessione">
            Hai iniziato l’attivazione in un’altra finestra o su un altro dispositivo: la chiave si vede solo lì. Per
            completarla qui, ricominciala: la chiave dell’altra sessione smetterà di valere. Se non sei stato tu, cambia
            subito la password con «Ho smarrito la password».
          </Alert>
          <form action={start}>
            <SubmitButton>Ricomincia l’attivazione qui</SubmitButton>
          </form>
        </section>
      ) : (
        <form action={start}>
          <SubmitButton>Attiva la verifica in due passaggi</SubmitButton>
        </form>
      )}
      {limitedSession ? (
        <form action={logoutAction}>
          <button type="submit" className="btn-secondary">
            Esci
          </button>
        </form>
      ) : null}
    </div>
  );
}
