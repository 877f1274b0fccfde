'use client';
import { useRouter } from 'next/navigation';
import { useActionState, useState, type FormEvent } from 'react';
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
    if (!file) return setNotice({ ok: false, message: 'Scegli il file PDF del PES concordato da caricare.' });
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
          ? {
              ok: true,
              message: `Documento caricato${body.backToDraft ? ': il P.E.S. torna in bozza e va inviato di nuovo in validazione' : ''}.`,
            }
          : { ok: false, message: body.message ?? 'Caricamento non riuscito: riprova tra qualche minuto.' },
      );
      form.reset();
      if (body.ok) router.refresh();
    };
    xhr.onerror = () => {
      setUpload(null);
      setNotice({ ok: false, message: 'Caricamento interrotto: controlla la connessione e riprova.' });
    };
    expectOutcomeFocus();
    setUpload({ name: file.name, size: formatFileSize(file.size), percent: 0 });
    xhr.send(new FormData(form));
  };

  return (
    <li className="card space-y-2">
      <h3 className="text-lg font-bold">
        PES {v.code} — {v.title} <span className="text-sm font-normal">({v.statusLabel})</span>
      </h3>
      {v.document ? (
        <p>
          PES concordato: <strong>{v.document.fileName}</strong> ({v.document.size}){' '}
          <a className="link" href={`/api/files/${v.document.id}`}>
            Visualizza<span className="sr-only"> il PES concordato {v.code}</span>
          </a>
        </p>
      ) : (
        <p>
          Nessun documento caricato: carica il PES concordato con il soggetto erogatore (solo .pdf, al massimo 2 MB).
        </p>
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
          {shown.ok ? shown.message : `Errore: ${shown.message}`}
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
            {v.document ? 'Nuovo file PDF' : 'File PDF del PES concordato'}
          </label>
          <input id={inputId} name="file" type="file" accept="application/pdf,.pdf" required className="field-input" />
        </div>
        <button type="submit" className="btn-primary" disabled={upload !== null}>
          {v.document ? 'Sostituisci' : 'carica'}
          <span className="sr-only"> il PES concordato {v.code}</span>
        </button>
      </form>
      {upload ? (
        <div role="status">
          <p>
            {upload.name} ({upload.size}) — {upload.percent}%
          </p>
          <progress max={100} value={upload.percent} aria-label={`Caricamento di ${upload.name}`} className="w-full" />
        </div>
      ) : null}
      {v.document ? (
        <form action={removeAction} onSubmit={expectOutcomeFocus}>
          <input type="hidden" name="voucherId" value={voucherId} />
          <input type="hidden" name="pesId" value={v.pesId} />
          <button type="submit" className="btn-danger" disabled={removing}>
            Elimina<span className="sr-only"> il PES concordato {v.code}</span>
          </button>
        </form>
      ) : null}
    </li>
  );
}
