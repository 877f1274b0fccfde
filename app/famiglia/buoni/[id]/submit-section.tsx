import type { SigningStatus } from '@/db/queries/signing-status';
import type { VoucherFile } from '@/db/queries/voucher-file';
import type { ConversionStatus } from '@/lib/domain/state-machines';
import { submissionGate } from '@/lib/domain/submission-gate';
import { SubmitDialog } from './invio/submit-dialog';

/** Where CONCLUDI E INVIA RICHIESTA DI CONVALIDA appears; until then, what is still missing. */
export function SubmitSection({
  voucherId,
  file,
  signing,
}: {
  voucherId: string;
  file: VoucherFile;
  signing: SigningStatus;
}) {
  const gate = submissionGate(
    (file.conversion?.status ?? null) as ConversionStatus | null,
    file.newPes.map((p) => ({
      code: p.code,
      kind: p.kind,
      status: p.status,
      providerName: p.providerName,
      hasDocument: Boolean(p.document),
    })),
    file.standardPes.map((p) => ({
      code: p.code,
      kind: p.kind,
      status: p.status,
      providerName: p.providerName,
      hasDocument: false,
    })),
  );
  return (
    <section aria-labelledby="invio" className="card space-y-3">
      <h2 id="invio" className="text-xl font-bold">
        Richiesta di convalida
      </h2>
      {gate.canSubmit ? (
        <>
          <p>
            Tutti i nuovi PES sono pronti. Invia la richiesta all’ufficio firmandola con il codice OTP che riceverai via
            SMS.
          </p>
          <SubmitDialog voucherId={voucherId} status={signing} />
        </>
      ) : (
        <>
          <p>Il pulsante «Concludi e invia richiesta di convalida» comparirà quando sarà completo quanto segue:</p>
          <ul className="list-disc pl-5" data-testid="cosa-manca">
            {gate.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
