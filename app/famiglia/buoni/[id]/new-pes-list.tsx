'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Alert } from '@/app/_components/alert';
import { expectOutcomeFocus } from '@/app/_components/outcome-focus';
import { deleteNewPesAction, requestValidationAction } from '@/lib/actions/family/babysitting';
import { PesFacts } from '@/app/_components/pes-facts';
import { canEditNewPes } from '@/lib/domain/state-machines';
import { italian } from '@/lib/i18n/italian';
import type { PesSummary } from './pes-summary';

/** The conversion's new COVID-19 PES, with what the family can do on each. */
export function NewPesList({
  voucherId,
  pes,
  editable,
  reopened = false,
}: {
  voucherId: string;
  pes: PesSummary[];
  editable: boolean;
  reopened?: boolean;
}) {
  const t = useTranslations('NewPesList');
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; title: string; text: string } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const live = pes.filter((p) => p.status !== 'deleted');
  const drafts = live.filter((p) => p.status === 'draft');

  const requestValidation = () =>
    start(async () => {
      expectOutcomeFocus();
      const r = await requestValidationAction({ voucherId });
      setMessage(
        r.ok
          ? {
              kind: 'success',
              title: t('validationSentTitle'),
              text: t('validationSentText', { codes: r.data.sent.join(', ') }),
            }
          : { kind: 'error', title: t('notSentTitle'), text: r.message },
      );
      if (r.ok) router.refresh();
    });

  const remove = (pesId: string, code: string) =>
    start(async () => {
      expectOutcomeFocus();
      const r = await deleteNewPesAction({ voucherId, pesId });
      setConfirmDelete(null);
      setMessage(
        r.ok
          ? { kind: 'success', title: t('deletedTitle', { code }), text: t('deletedText') }
          : { kind: 'error', title: t('notDeletedTitle'), text: r.message },
      );
      if (r.ok) router.refresh();
    });

  if (live.length === 0 && !message) return null;
  return (
    <section aria-labelledby="nuovi-pes" className="space-y-3">
      <h2 id="nuovi-pes" className="text-xl font-bold">
        {t('heading')}
      </h2>
      {message ? (
        <Alert key={message.title + message.text} outcome kind={message.kind} title={message.title}>
          {message.text}
        </Alert>
      ) : null}
      <ul className="space-y-3">
        {live.map((p) => (
          <li key={p.id} className="card space-y-2">
            <h3 className="text-lg font-bold">{t('pesTitle', { code: p.code, kind: p.kindLabel })}</h3>
            <PesFacts f={p.facts} />
            {p.status === 'rejected' && p.rejectionReason ? (
              <p className="font-semibold text-err">
                {t.rich('rejectionReason', { reason: p.rejectionReason, it: italian })}
              </p>
            ) : null}
            {p.status === 'awaiting_validation' ? <p>{t('awaiting')}</p> : null}
            {editable && canEditNewPes(p.status, { reopened }) ? (
              confirmDelete === p.id ? (
                <div
                  className="rounded border-2 border-err p-3"
                  role="group"
                  aria-label={t('confirmLabel', { code: p.code })}
                >
                  <p className="mb-2">{t('confirmText', { code: p.code })}</p>
                  <div className="flex flex-col gap-2 sm:flex-row">
                    <button
                      type="button"
                      className="btn-danger"
                      disabled={pending}
                      onClick={() => remove(p.id, p.code)}
                    >
                      {t('yesDelete')}
                    </button>
                    <button
                      type="button"
                      className="btn-secondary"
                      disabled={pending}
                      onClick={() => setConfirmDelete(null)}
                    >
                      {t('cancel')}
                    </button>
                  </div>
                </div>
              ) : (
                <div className="flex flex-col gap-2 sm:flex-row">
                  <Link
                    href={
                      p.kind === 'babysitting_covid'
                        ? `/famiglia/buoni/${voucherId}/babysitting?pes=${p.id}`
                        : `/famiglia/buoni/${voucherId}/estivi`
                    }
                    className="btn-secondary"
                    aria-label={t('editLabel', { code: p.code })}
                  >
                    {t('edit')}
                  </Link>
                  <button
                    type="button"
                    className="btn-danger"
                    onClick={() => setConfirmDelete(p.id)}
                    aria-label={t('deleteLabel', { code: p.code })}
                  >
                    {t('delete')}
                  </button>
                </div>
              )
            ) : null}
          </li>
        ))}
      </ul>
      {editable && drafts.length > 0 ? (
        <button type="button" className="btn-primary" disabled={pending} onClick={requestValidation}>
          {pending ? t('sending') : t.rich('requestValidation', { it: italian })}
        </button>
      ) : null}
    </section>
  );
}
