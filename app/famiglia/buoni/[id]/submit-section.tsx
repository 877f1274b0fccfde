import type { SigningStatus } from '@/db/queries/signing-status';
import type { VoucherFile } from '@/db/queries/voucher-file';
import type { ConversionStatus } from '@/lib/domain/state-machines';
import { getTranslations } from 'next-intl/server';
import { gateItems } from '@/lib/domain/submission-gate';
import { italian } from '@/lib/i18n/italian';
import { SubmitDialog } from './invio/submit-dialog';

/** Where CONCLUDI E INVIA RICHIESTA DI CONVALIDA appears; until then, what is still missing. */
export async function SubmitSection({
  voucherId,
  file,
  signing,
}: {
  voucherId: string;
  file: VoucherFile;
  signing: SigningStatus;
}) {
  const t = await getTranslations('VoucherPage');
  const gateText = await getTranslations('SubmissionGate');
  const gate = gateItems(
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
        {t('submitTitle')}
      </h2>
      {gate.canSubmit ? (
        <>
          <p>{t('submitReady')}</p>
          <SubmitDialog voucherId={voucherId} status={signing} />
        </>
      ) : (
        <>
          <p>{t.rich('submitWaiting', { it: italian })}</p>
          <ul className="list-disc pl-5" data-testid="cosa-manca">
            {gate.items.map(({ key, code = '', provider = '' }) => (
              <li key={`${key}-${code}`}>{gateText.rich(key, { code, provider, it: italian })}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
