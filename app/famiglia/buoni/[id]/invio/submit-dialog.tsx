'use client';
import { useRef } from 'react';
import { useTranslations } from 'next-intl';
import { italian } from '@/lib/i18n/italian';
import type { SigningStatus } from '@/db/queries/signing-status';
import { SigningPanel } from './signing-panel';

/**
 * CONCLUDI E INVIA RICHIESTA DI CONVALIDA opens the dialog "Invio della richiesta di convalida".
 * It is a link to the /invio page: without JavaScript (or before hydration) the family walks the
 * same steps there. The native modal <dialog> traps focus, closes with Esc and gives focus back.
 */
export function SubmitDialog({ voucherId, status }: { voucherId: string; status: SigningStatus }) {
  const t = useTranslations('Signing');
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <a
        href={`/famiglia/buoni/${voucherId}/invio`}
        className="btn-primary"
        onClick={(e) => {
          if (!dialog.current || typeof dialog.current.showModal !== 'function') return;
          e.preventDefault();
          dialog.current.showModal();
        }}
      >
        {t.rich('openDialog', { it: italian })}
      </a>
      <dialog
        ref={dialog}
        aria-labelledby="invio-titolo"
        className="m-auto w-[min(36rem,calc(100vw-1rem))] rounded-lg p-0 backdrop:bg-black/50"
      >
        <div className="space-y-4 p-4 sm:p-6">
          <div className="flex items-start justify-between gap-3">
            <h2 id="invio-titolo" className="text-xl font-bold">
              {t('title')}
            </h2>
            <form method="dialog">
              <button type="submit" className="btn-secondary" aria-label={t('closeLabel')}>
                {t('close')}
              </button>
            </form>
          </div>
          <SigningPanel voucherId={voucherId} initial={status} idPrefix="dialog-otp" />
        </div>
      </dialog>
    </>
  );
}
