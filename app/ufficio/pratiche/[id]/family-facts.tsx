import type { OfficeConversionFile } from '@/db/queries/office/conversion-file';
import { ageInYears } from '@/lib/domain/bands';
import { formatDateIt, formatDateTimeIt } from '@/lib/domain/dates';
import { EMPLOYMENT_CONDITION_LABELS, type EmploymentCondition } from '@/lib/domain/eligibility';
import { formatEuro } from '@/lib/domain/money';

/** Family, voucher, employer and the declared employment condition, as the office checks them. */
export function FamilyFacts({ f, today }: { f: OfficeConversionFile; today: string }) {
  const c = f.conversion;
  const declarations = c.declarations ?? {};
  return (
    <section aria-labelledby="famiglia" className="card space-y-3">
      <h2 id="famiglia" className="text-xl font-bold">
        Famiglia e buono
      </h2>
      <dl className="grid grid-cols-1 gap-x-3 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">Richiedente</dt>
        <dd>
          {f.holder.givenName} {f.holder.familyName} <span className="break-all">({f.holder.codiceFiscale})</span>
        </dd>
        <dt className="font-semibold">Contatti</dt>
        <dd className="break-all">
          {f.holder.email}
          {f.holder.mobile ? ` — ${f.holder.mobile}` : ''}
          {f.holder.locale === 'en' ? ' — pagine, e-mail e SMS in inglese (scelta della famiglia)' : ''}
        </dd>
        <dt className="font-semibold">Buono di servizio</dt>
        <dd>
          {f.voucher.number} — {formatEuro(f.voucher.totalCents)}, assegnato il {formatDateIt(f.voucher.assignedOn)}
        </dd>
        <dt className="font-semibold">Nucleo</dt>
        <dd>{f.voucher.twoParentHousehold ? 'due genitori' : 'un solo genitore'}</dd>
        <dt className="font-semibold">Datore di lavoro</dt>
        <dd>
          {f.voucher.employerName} (C.F./P.IVA {f.voucher.employerTaxCode}), {f.voucher.employerAddress} — settore{' '}
          {f.voucher.employerSector}
        </dd>
        <dt className="font-semibold">Condizione di occupazione</dt>
        <dd>
          {c.employmentCondition
            ? (EMPLOYMENT_CONDITION_LABELS[c.employmentCondition as EmploymentCondition] ?? c.employmentCondition)
            : 'non dichiarata (nessun PES babysitting)'}
          {c.employmentCondition ? (
            <span className="block text-sm">
              Rientro al lavoro fuori casa: {declarations.returnsToWorkOutsideHome ? 'sì' : 'non dichiarato'}
              {f.voucher.twoParentHousehold
                ? ` — altro genitore occupato: ${declarations.otherParentEmployed ? 'sì' : 'non dichiarato'}`
                : ''}
            </span>
          ) : null}
        </dd>
        <dt className="font-semibold">Conferma dati del datore</dt>
        <dd>
          {c.employerConfirmedAt
            ? `confermati dalla famiglia il ${formatDateTimeIt(c.employerConfirmedAt)}`
            : 'non richiesta o non data'}
        </dd>
      </dl>
      <h3 className="text-lg font-bold">Minori</h3>
      <ul className="space-y-1">
        {f.children.map((k) => (
          <li key={k.id}>
            {k.givenName} {k.familyName} <span className="break-all text-muted">({k.codiceFiscale})</span> — nato/a il{' '}
            {formatDateIt(k.birthDate)}, {ageInYears(k.birthDate, today)} anni
            {k.disability ? ', con disabilità' : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
