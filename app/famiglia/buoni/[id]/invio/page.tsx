import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Alert } from '@/app/_components/alert';
import { getDb } from '@/db';
import { getSigningStatus } from '@/db/queries/signing-status';
import { getFamilyVoucherFile } from '@/db/queries/voucher-file';
import { requireRole } from '@/lib/auth/current-actor';
import type { ConversionStatus } from '@/lib/domain/state-machines';
import { submissionGate } from '@/lib/domain/submission-gate';
import { idSchema } from '@/lib/validation/ids';
import { SigningPanel } from './signing-panel';
import { PageHeader } from '@/app/_components/page-header';

export const metadata: Metadata = { title: 'Invio della richiesta di convalida' };

/** The signing steps as a page: where the dialog's link leads without JavaScript, and a fallback for everyone. */
export default async function SubmitPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole('family');
  const { id } = await params;
  if (!idSchema.safeParse(id).success) notFound();
  const db = await getDb();
  const [file, status] = await Promise.all([
    getFamilyVoucherFile(db, actor.userId, id),
    getSigningStatus(db, actor.userId, id),
  ]);
  if (!file || !status) notFound();
  const conv = (file.conversion?.status ?? null) as ConversionStatus | null;
  const gate = submissionGate(
    conv,
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
    <div className="space-y-6">
      <PageHeader back={{ href: `/famiglia/buoni/${id}`, label: `Modifica PES del buono ${file.voucher.number}` }}>
        Invio della richiesta di convalida
      </PageHeader>
      {/* A conversion the office returned keeps its submission date and protocol, and is signed again here. */}
      {file.conversion?.submittedAt && conv !== 'returned' ? (
        <Alert kind="info" title="Richiesta già inviata">
          <Link href={`/famiglia/buoni/${id}/ricevuta`} className="link">
            Apri la ricevuta (protocollo {file.conversion.protocolNumber})
          </Link>
        </Alert>
      ) : gate.canSubmit ? (
        <section className="card" aria-label="Firma con codice OTP">
          <SigningPanel voucherId={id} initial={status} />
        </section>
      ) : (
        <Alert kind="warning" title="La richiesta non può ancora essere inviata">
          <ul className="list-disc pl-5">
            {gate.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </Alert>
      )}
    </div>
  );
}
