import { StatusBadge } from '@/app/_components/status-badge';
import type { OfficeConversionFile } from '@/db/queries/office/conversion-file';
import { formatDateTimeIt } from '@/lib/domain/dates';
import { SignatureHistory } from './signature-history';

/** The OTP signature evidence, and the dossier hash recomputed now: any change since the signature shows. */
export function SignatureFacts({ f }: { f: OfficeConversionFile }) {
  const sig = f.conversion.signature;
  const d = f.dossier;
  return (
    <section aria-labelledby="firma" className="card space-y-3">
      <h2 id="firma" className="text-xl font-bold">
        Firma OTP e ricevuta
      </h2>
      {sig ? (
        <dl className="grid grid-cols-1 gap-x-3 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">Protocollo</dt>
          <dd>{f.conversion.protocolNumber ?? '—'}</dd>
          <dt className="font-semibold">Firmata il</dt>
          <dd>{formatDateTimeIt(sig.signedAt)}</dd>
          <dt className="font-semibold">Cellulare</dt>
          <dd>{sig.maskedMobile}</dd>
          <dt className="font-semibold">Identificativo del codice</dt>
          <dd className="break-all font-mono text-sm">{sig.otpId}</dd>
          <dt className="font-semibold">SHA-256 firmato</dt>
          <dd className="break-all font-mono text-sm">{d.signedSha256}</dd>
          <dt className="font-semibold">SHA-256 ricalcolato ora</dt>
          <dd className="break-all font-mono text-sm">{d.recomputedSha256}</dd>
          <dt className="font-semibold">Verifica</dt>
          <dd data-testid="dossier-check">
            {d.matches ? (
              <StatusBadge label="corrisponde: i dati non sono cambiati dopo la firma" tone="ok" />
            ) : (
              <StatusBadge
                label={
                  f.conversion.status === 'submitted' || f.conversion.status === 'approved'
                    ? 'NON corrisponde: i dati sono cambiati dopo la firma'
                    : 'non corrisponde: la famiglia sta correggendo la pratica'
                }
                tone="err"
              />
            )}
          </dd>
        </dl>
      ) : (
        <p>Nessuna firma registrata.</p>
      )}
      <SignatureHistory submissions={f.submissions} />
      <p>
        <a href={`/ufficio/ricevute/${f.voucher.id}?pratica=${f.conversion.id}`} className="link">
          Ricevuta della richiesta di convalida
        </a>
      </p>
    </section>
  );
}
