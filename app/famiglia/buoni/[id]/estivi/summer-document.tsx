'use client';
import { useRouter } from 'next/navigation';
import { useActionState, useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { italian } from '@/lib/i18n/italian';
import { srOnly } from './sr-only';
import { expectOutcomeFocus, OutcomeFocus } from '@/app/_components/outcome-focus';
import { removeSummerDocumentAction, type DocumentActionState } from '@/lib/actions/family/summer';
import { formatFileSize } from '@/lib/domain/file-size';

export type SummerDocumentView = {
  pesId: string;
  code: string;
  title: string;
  statusLabel: string;
  document: { id: string; fileName: string; size: string } | null;
  notice?: { ok: boolean; message: string };
};

type Upload = { name: string; size: string; percent: number } | null;

/**
 * carica / Visualizza / Elimina / Sostituisci for one summer PES (guide §3.3). A plain multipart form to
 * the upload route (works without JavaScript, answered with a redirect back here); with JavaScript the
 * same form goes through XMLHttpRequest to show the file's name, size and upload progress.
 */
export function SummerDocument({ voucherId, v }: { voucherId: string; v: SummerDocumentView }) {
  const t = useTranslations('SummerPes');
  const router = useRouter();
  const [upload, setUpload] = useState<Upload>(null);
  const [notice, setNotice] = useState(v.notice ?? null);
  const [removed, removeAction, removing] = useActionState<DocumentActionState, FormData>(
    removeSummerDocumentAction,
    null,
  );
  const shown = removed ?? notice;
  const inputId = `file-${v.pesId}`;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
    if (!file) return setNotice({ ok: false, message: t('chooseFile') });
    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (p) =>
      p.lengthComputable &&
      setUpload({ name: file.name, size: formatFileSize(file.size), percent: Math.round((p.loaded / p.total) * 100) });
    xhr.onload = () => {
      setUpload(null);
      let body: { ok: boolean; message?: string; code?: string; backToDraft?: boolean } = { ok: false };
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        /* an HTML error page: keep the generic message */
      }
      setNotice(
        body.ok
          ? { ok: true, message: t('uploaded', { backToDraft: String(Boolean(body.backToDraft)) }) }
          : { ok: false, message: body.message ?? t('uploadFailed') },
      );
      form.reset();
      if (body.ok) router.refresh();
    };
    xhr.onerror = () => {
      setUpload(null);
      setNotice({ ok: false, message: t('uploadInterrupted') });
    };
    expectOutcomeFocus();
    setUpload({ name: file.name, size: formatFileSize(file.size), percent: 0 });
    xhr.send(new FormData(form));
  };

  return (
    <li className="card space-y-2">
      <h3 className="text-lg font-bold">
        {t('docHeading', { code: v.code, title: v.title })}{' '}
        <span className="text-sm font-normal">({v.statusLabel})</span>
      </h3>
      {v.document ? (
        <p>
          {t.rich('agreed', {
            file: v.document.fileName,
            size: v.document.size,
            b: (chunks) => <strong>{chunks}</strong>,
          })}{' '}
          <a className="link" href={`/api/files/${v.document.id}`}>
            {t.rich('view', { code: v.code, sr: srOnly })}
          </a>
        </p>
      ) : (
        <p>{t('noDoc')}</p>
      )}
      {shown ? (
        <p
          role={shown.ok ? 'status' : 'alert'}
          tabIndex={-1}
          className={`font-semibold ${shown.ok ? 'text-ok' : 'text-err'}`}
        >
          <OutcomeFocus />
          {shown.ok ? null : (
            <span aria-hidden="true" className="mr-1">
              ⚠
            </span>
          )}
          {shown.ok ? shown.message : t('error', { message: shown.message })}
        </p>
      ) : null}
      <form
        method="post"
        action="/api/documents"
        encType="multipart/form-data"
        onSubmit={onSubmit}
        className="flex flex-col gap-2 sm:flex-row sm:items-end"
      >
        <input type="hidden" name="voucherId" value={voucherId} />
        <input type="hidden" name="pesId" value={v.pesId} />
        <div>
          <label htmlFor={inputId} className="block font-semibold">
            {v.document ? t('newFile') : t('fileLabel')}
          </label>
          <input id={inputId} name="file" type="file" accept="application/pdf,.pdf" required className="field-input" />
        </div>
        <button type="submit" className="btn-primary" disabled={upload !== null}>
          {t.rich(v.document ? 'replace' : 'upload', { code: v.code, it: italian, sr: srOnly })}
        </button>
      </form>
      {upload ? (
        <div role="status">
          <p>
            {upload.name} ({upload.size}) — {upload.percent}%
          </p>
          <progress
            max={100}
            value={upload.percent}
            aria-label={t('uploading', { name: upload.name })}
            className="w-full"
          />
        </div>
      ) : null}
      {v.document ? (
        <form action={removeAction} onSubmit={expectOutcomeFocus}>
          <input type="hidden" name="voucherId" value={voucherId} />
          <input type="hidden" name="pesId" value={v.pesId} />
          <button type="submit" className="btn-danger" disabled={removing}>
            {t.rich('delete', { code: v.code, it: italian, sr: srOnly })}
          </button>
        </form>
      ) : null}
    </li>
  );
}
