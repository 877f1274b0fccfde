import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { familyProfile } from '@/db/queries/family-profile';
import { requireRole } from '@/lib/auth/current-actor';
import { formatDateTimeIt } from '@/lib/domain/dates';
import { ContactChoiceForm } from './contact-choice-form';

export const metadata: Metadata = { title: 'I tuoi dati' };

const orDash = (v: string | null) => v ?? '—';
const fullName = (g: string | null, f: string | null) => [g, f].filter(Boolean).join(' ') || '—';

/**
 * The family's record (what notifications and the OTP use) and what SPID/CIE said at the last sign-in. A
 * different e-mail or mobile from the identity provider is offered, never applied without the family's say.
 */
export default async function FamilyProfilePage() {
  const actor = await requireRole('family');
  const profile = await familyProfile(await getDb(), actor.userId);
  if (!profile) notFound();
  const idp = profile.identity;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">I tuoi dati</h1>
      <section aria-labelledby="comunicazioni" className="card space-y-3">
        <h2 id="comunicazioni" className="text-xl font-bold">
          Dati per le comunicazioni
        </h2>
        <p>Le notifiche arrivano a questo indirizzo e il codice OTP per la firma a questo numero.</p>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">Nome e cognome</dt>
          <dd>{fullName(profile.givenName, profile.familyName)}</dd>
          <dt className="font-semibold">Codice fiscale</dt>
          <dd>{profile.codiceFiscale}</dd>
          <dt className="font-semibold">E-mail</dt>
          <dd className="break-all">{profile.email}</dd>
          <dt className="font-semibold">Cellulare</dt>
          <dd>{orDash(profile.mobile)}</dd>
        </dl>
      </section>
      <section aria-labelledby="identita" className="card space-y-3">
        <h2 id="identita" className="text-xl font-bold">
          Dati dell’identità digitale (SPID o CIE)
        </h2>
        {idp ? (
          <>
            <p>Comunicati dal gestore dell’identità all’ultimo accesso, il {formatDateTimeIt(idp.seenAt)}.</p>
            <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
              <dt className="font-semibold">Nome e cognome</dt>
              <dd>{fullName(idp.givenName, idp.familyName)}</dd>
              <dt className="font-semibold">E-mail</dt>
              <dd className="break-all">{orDash(idp.email)}</dd>
              <dt className="font-semibold">Cellulare</dt>
              <dd>{orDash(idp.mobile)}</dd>
            </dl>
            {idp.email ? (
              <ContactChoiceForm field="email" value={idp.email} inUse={idp.email === profile.email} />
            ) : null}
            {idp.mobile ? (
              <ContactChoiceForm field="mobile" value={idp.mobile} inUse={idp.mobile === profile.mobile} />
            ) : null}
          </>
        ) : (
          <p>
            Non hai ancora effettuato l’accesso con SPID o CIE: qui vedrai i dati comunicati dal gestore dell’identità.
          </p>
        )}
      </section>
    </div>
  );
}
