'use client';
import en from '@/messages/en/ErrorPages.json';
import it from '@/messages/it/ErrorPages.json';

/**
 * Last resort when even the root layout fails: no catalogue provider and no way to know the reader's language
 * here, so it says it in both (Italian first, the English marked as such), and still says nothing was changed.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="it">
      <body style={{ fontFamily: "'Titillium Web', Arial, sans-serif", margin: 0, padding: '2rem', color: '#1a1a1a' }}>
        <main style={{ maxWidth: '40rem', margin: '0 auto' }}>
          <h1>{it.unavailableTitle}</h1>
          <p>{it.unavailableText}</p>
          <div lang="en">
            <h2>{en.unavailableTitle}</h2>
            <p>{en.unavailableText}</p>
          </div>
          <button type="button" onClick={() => reset()} style={{ padding: '0.75rem 1.25rem', fontWeight: 700 }}>
            {it.retry} / <span lang="en">{en.retry}</span>
          </button>
        </main>
      </body>
    </html>
  );
}
