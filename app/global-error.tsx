'use client';

/** Last resort when even the root layout fails: still Italian, still says nothing was changed. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="it">
      <body style={{ fontFamily: "'Titillium Web', Arial, sans-serif", margin: 0, padding: '2rem', color: '#1a1a1a' }}>
        <main style={{ maxWidth: '40rem', margin: '0 auto' }}>
          <h1>Servizio momentaneamente non disponibile</h1>
          <p>Non è stato possibile caricare la pagina. Nessun dato è stato modificato: riprova tra qualche istante.</p>
          <button type="button" onClick={() => reset()} style={{ padding: '0.75rem 1.25rem', fontWeight: 700 }}>
            Riprova
          </button>
        </main>
      </body>
    </html>
  );
}
