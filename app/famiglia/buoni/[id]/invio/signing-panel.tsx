'use client';
import { useActionState, useEffect, useRef } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { Alert } from '@/app/_components/alert';
import { SubmitButton } from '@/app/_components/submit-button';
import type { SigningStatus } from '@/db/queries/signing-status';
import { confirmSubmissionAction, sendOtpAction } from '@/lib/actions/family/submission';
import type { Locale } from '@/lib/domain/locale';
import { italian } from '@/lib/i18n/italian';
import { useSecondsUntil } from './use-clock';

type State = Awaited<ReturnType<typeof sendOtpAction>> | Awaited<ReturnType<typeof confirmSubmissionAction>> | null;

const timeFormat = (tag: string) =>
  new Intl.DateTimeFormat(tag, {
    timeZone: 'Europe/Rome',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
const TIME: Record<Locale, Intl.DateTimeFormat> = { it: timeFormat('it-IT'), en: timeFormat('en-GB') };

type T = ReturnType<typeof useTranslations<'Signing'>>;

function latest(initial: SigningStatus, ...states: State[]): SigningStatus {
  return states.reduce<SigningStatus>(
    (best, s) => (s?.status && s.status.serverNow > best.serverNow ? s.status : best),
    initial,
  );
}

/** Screen readers hear the countdown at a few milestones, never every second. */
function milestone(s: number | null, t: T): string {
  if (s === null) return '';
  if (s <= 0) return t('milestoneExpired');
  const at = [10, 30, 60, 120].find((m) => s <= m);
  if (!at) return t('milestoneStart');
  return at >= 60 ? t('milestoneMinutes', { minutes: at / 60 }) : t('milestoneSeconds', { seconds: at });
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
  const t = useTranslations('Signing');
  const time = TIME[useLocale()];
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
      <Alert kind="error" title={t('lockedTitle')}>
        {t.rich('lockedText', { it: italian })}
      </Alert>
    );
  }
  if (!status.maskedMobile) {
    return (
      <Alert kind="error" title={t('noMobileTitle')}>
        {t.rich('noMobileText', { it: italian })}
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
        {t.rich('intro', {
          mobile: () => <strong className="whitespace-nowrap">{status.maskedMobile}</strong>,
        })}
      </p>
      {sendError ? (
        <Alert kind="error" title={t('notSentTitle')}>
          {sendError.message}
        </Alert>
      ) : null}
      {justSent ? (
        <Alert kind="success" title={t('sentTitle')}>
          {t('sentText', { mobile: status.maskedMobile })}
        </Alert>
      ) : null}

      {code ? (
        <form action={confirmAction} onSubmit={wantCodeFocus} noValidate className="space-y-3">
          <input type="hidden" name="voucherId" value={voucherId} />
          <div>
            <label htmlFor={codeId} className="mb-1 block font-semibold">
              {t('codeLabel')}
            </label>
            <p id={`${codeId}-hint`} className="mb-1 text-sm text-muted">
              {t('codeHint')}{' '}
              {secondsLeft === null ? t('expiresAt', { time: time.format(new Date(code.expiresAt)) }) : null}
              {code.attemptsLeft < 5 ? ` ${t('attemptsLeft', { left: code.attemptsLeft })}` : ''}
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
            {secondsLeft === null ? null : secondsLeft > 0 ? t('expiresIn', { seconds: secondsLeft }) : t('expired')}
          </p>
          <p className="sr-only" role="status" aria-live="polite">
            {milestone(secondsLeft, t)}
          </p>
          <SubmitButton pendingLabel={t('sending')} disabled={secondsLeft === 0}>
            {t.rich('confirm', { it: italian })}
          </SubmitButton>
        </form>
      ) : confirmError ? (
        <Alert kind="error" title={t('requestNotSent')}>
          {confirmError.message}
        </Alert>
      ) : null}

      <form action={sendAction} onSubmit={wantCodeFocus}>
        <input type="hidden" name="voucherId" value={voucherId} />
        {/* RICHIEDI NUOVO CODICE stays visible; while the limits apply it says how long to wait. */}
        <SubmitButton
          className={code || confirmed ? 'btn-secondary' : 'btn-primary'}
          pendingLabel={t('sendingSms')}
          disabled={(waitSeconds ?? 0) > 0}
        >
          {code || confirmed || sent ? t.rich('newCode', { it: italian }) : t.rich('sendOtp', { it: italian })}
        </SubmitButton>
        {status.nextSendAt ? (
          <p className="mt-1 text-sm text-muted">
            {waitSeconds === null
              ? t('waitUntil', { time: time.format(new Date(status.nextSendAt)) })
              : waitSeconds > 0
                ? t('waitSeconds', { seconds: waitSeconds })
                : null}
          </p>
        ) : null}
      </form>
    </div>
  );
}
