'use client';
import { useState, type FormEvent } from 'react';

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; percent: number }
  | { kind: 'processing' }
  | { kind: 'failed'; message: string };

const REFUSALS: Record<string, string> = {
  no_file: 'Scegli il file CSV da importare.',
  too_large: 'Il file supera 8 MB: dividilo in più file e importali uno alla volta.',
  forbidden: 'Non hai i permessi per importare i buoni.',
  cross_site: 'Richiesta non valida: ricarica la pagina e riprova.',
  unauthenticated: 'La sessione è scaduta. Accedi di nuovo e riprova.',
};
const GENERIC =
  'Il servizio non è momentaneamente disponibile. Riprova tra qualche minuto: nessun dato è stato importato.';

/**
 * Without JavaScript the form posts to the route handler, which redirects back with the outcome.
 * With it, the upload goes through XMLHttpRequest (fetch reports no upload progress): a progress bar
 * while the bytes travel, then "elaborazione" while the server checks and imports.
 */
export function ImportForm({ action }: { action: string }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const busy = phase.kind === 'uploading' || phase.kind === 'processing';

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    const form = e.currentTarget;
    const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
    if (!file) return;
    e.preventDefault();
    const xhr = new XMLHttpRequest();
    xhr.open('POST', action);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (p) =>
      p.lengthComputable && setPhase({ kind: 'uploading', percent: Math.round((p.loaded / p.total) * 100) });
    xhr.upload.onload = () => setPhase({ kind: 'processing' });
    xhr.onerror = () => setPhase({ kind: 'failed', message: GENERIC });
    xhr.onload = () => {
      let body: { ok?: boolean; code?: string; redirect?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        /* not JSON: answered below as a generic failure */
      }
      if (body.ok && body.redirect) window.location.assign(body.redirect);
      else setPhase({ kind: 'failed', message: REFUSALS[body.code ?? ''] ?? GENERIC });
    };
    setPhase({ kind: 'uploading', percent: 0 });
    xhr.send(new FormData(form));
  }

  return (
    <form method="post" action={action} encType="multipart/form-data" onSubmit={onSubmit} className="card space-y-4">
      <div>
        <label htmlFor="file" className="mb-1 block font-semibold">
          File CSV dei buoni assegnati
        </label>
        <p id="file-hint" className="mb-2 text-muted">
          Codifica UTF-8, separatore «;» o «,», al massimo 8 MB (circa 20 000 righe).
        </p>
        <input
          id="file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          aria-describedby="file-hint"
          className="field-input"
          disabled={busy}
        />
      </div>
      <button type="submit" className="btn-primary" disabled={busy} aria-disabled={busy}>
        {busy ? 'Importazione in corso…' : 'Importa'}
      </button>
      <div aria-live="polite">
        {phase.kind === 'uploading' ? (
          <div className="space-y-1">
            <label htmlFor="upload-progress" className="block">
              Caricamento del file: {phase.percent} %
            </label>
            <progress id="upload-progress" max={100} value={phase.percent} className="h-3 w-full" />
          </div>
        ) : null}
        {phase.kind === 'processing' ? (
          <p className="font-semibold">
            File caricato. Controllo e importazione delle righe in corso: con molte righe può richiedere qualche decina
            di secondi.
          </p>
        ) : null}
        {phase.kind === 'failed' ? (
          <p role="alert" className="rounded border-l-4 border-err bg-err-light p-3 text-err">
            {phase.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
