import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-prose space-y-4">
      <h1 className="text-3xl font-bold">Pagina non trovata</h1>
      <p>La pagina richiesta non esiste oppure riguarda dati che non sono tuoi.</p>
      <Link href="/" className="btn-primary">
        Torna alla pagina iniziale
      </Link>
    </div>
  );
}
