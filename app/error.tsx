'use client';
import Link from 'next/link';

/** Shown when a page cannot be produced (for example the database is unreachable): nothing was changed. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-prose space-y-4">
      <h1 className="text-3xl font-bold">Servizio momentaneamente non disponibile</h1>
      <p>Non è stato possibile caricare la pagina. Nessun dato è stato modificato: riprova tra qualche istante.</p>
      <div className="flex flex-col gap-3 sm:flex-row">
        <button type="button" className="btn-primary" onClick={() => reset()}>
          Riprova
        </button>
        <Link href="/" className="btn-secondary">
          Torna alla pagina iniziale
        </Link>
      </div>
    </div>
  );
}
