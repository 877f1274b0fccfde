import { StatusBadge } from '@/app/_components/status-badge';
import type { OfficeConversionFile } from '@/db/queries/office/conversion-file';
import { formatDateTimeIt } from '@/lib/domain/dates';

/**
 * Every signature of the conversion, each verified against the dossier it stored and the PDFs it named:
 * a PDF the family replaced after Richiedi integrazione is still here, as signed (issue 15, finding 4).
 */
export function SignatureHistory({ submissions }: { submissions: OfficeConversionFile['submissions'] }) {
  if (submissions.length === 0) return null;
  return (
    <div className="space-y-2">
      <h3 className="text-lg font-semibold">Storico delle firme</h3>
      <ol className="list-decimal space-y-3 pl-5">
        {submissions.map((s) => (
          <li key={s.id} className="space-y-1">
            <p>
              Firmata il {formatDateTimeIt(s.submittedAt)} (protocollo {s.protocolNumber}, cellulare{' '}
              {s.signature.maskedMobile})
            </p>
            <p className="break-all font-mono text-sm">SHA-256 firmato: {s.signedSha256}</p>
            <div data-testid="submission-check">
              {s.matches ? (
                <StatusBadge
                  label="corrisponde: il fascicolo firmato e i suoi PDF sono conservati senza modifiche"
                  tone="ok"
                />
              ) : (
                <StatusBadge
                  label="NON corrisponde: il fascicolo firmato o un suo PDF non è più quello firmato"
                  tone="err"
                />
              )}
            </div>
            {s.documents.length ? (
              <ul className="list-disc pl-5">
                {s.documents.map((d) => (
                  <li key={`${d.code}-${d.sha256}`}>
                    PES {d.code}:{' '}
                    {d.documentId ? (
                      <a href={`/api/files/${d.documentId}`} className="link break-all" target="_blank" rel="noopener">
                        {d.fileName}
                      </a>
                    ) : (
                      <span>{d.fileName} (documento non trovato)</span>
                    )}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
