import { demoUsers } from '../../db/seed/demo-data';

/** The SPID attribute that carries the fiscal code, as SPID/CIE gateways release it. */
export const FISCAL_NUMBER_CLAIM = 'https://attributes.eid.gov.it/fiscal_number';

export type GatewayIdentity = {
  /** Null: the identity provider does not release the fiscal code at all. */
  fiscalCode: string | null;
  givenName: string;
  familyName: string;
  email: string | null;
  phoneNumber: string | null;
};

/**
 * Who can sign in at the local gateway: the demo data's people (families and, to test the refusal, staff), as a
 * SPID identity provider would describe them. The test gateway also takes any other fiscal code typed in.
 */
export const demoIdentities: readonly GatewayIdentity[] = demoUsers.map((u) => ({
  fiscalCode: u.codiceFiscale,
  givenName: u.givenName,
  familyName: u.familyName,
  // What the identity provider knows may differ from the imported record: the profile page shows both.
  email: u.role === 'family' ? u.email.replace('@example.it', '@spid.example.it') : u.email,
  phoneNumber: u.mobile,
}));

/** The ID token claims of an identity, SPID style: the fiscal code as `TINIT-<codice fiscale>`. */
export function identityClaims(sub: string, who: GatewayIdentity): Record<string, unknown> {
  return {
    sub,
    given_name: who.givenName,
    family_name: who.familyName,
    ...(who.fiscalCode !== null ? { [FISCAL_NUMBER_CLAIM]: `TINIT-${who.fiscalCode}` } : {}),
    ...(who.email ? { email: who.email } : {}),
    ...(who.phoneNumber ? { phone_number: who.phoneNumber } : {}),
  };
}
