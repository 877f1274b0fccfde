import type { OidcRefusal } from '@/lib/domain/audit-events';

/** The page that explains a refused SPID/CIE sign-in (app/(public)/accesso-spid), by kind of refusal. */
export const OIDC_OUTCOMES = {
  unknown_fiscal_code: 'nessun-buono',
  inactive: 'nessun-buono',
  staff_account: 'operatore',
  acr_too_low: 'livello',
  claim_missing: 'dati',
  claim_malformed: 'dati',
  protocol: 'non-riuscito',
  gateway_unreachable: 'non-disponibile',
} as const satisfies Record<OidcRefusal, string>;

export type OidcOutcome = (typeof OIDC_OUTCOMES)[OidcRefusal];

export function oidcRefusalPath(reason: OidcRefusal): string {
  return `/accesso-spid?esito=${OIDC_OUTCOMES[reason]}`;
}
