import { createHash } from 'node:crypto';
import { comparePesCodes } from './submission-gate';

/**
 * The exact content a family signs with the OTP code (guide §4): the voucher, the closed PES and
 * the money they freed, each new PES, the SHA-256 of every agreed-PES document and the declared
 * employment condition. Its SHA-256 binds the code to this content: any change after sending
 * the code gives another hash and the code is refused.
 */
export const DOSSIER_VERSION = 1;

export type DossierChild = { name: string; codiceFiscale: string };
export type DossierDocument = { fileName: string; sizeBytes: number; sha256: string };
export type DossierInput = {
  conversionId: string;
  voucher: { number: string; totalCents: number; holderName: string; holderCodiceFiscale: string };
  closedPes: readonly { code: string; providerName: string; amountCents: number; usedCents: number }[];
  newPes: readonly {
    code: string;
    kind: string;
    band: string | null;
    providerName: string;
    hours: number;
    amountCents: number;
    hourlyRateCents: number | null;
    status: string;
    children: readonly DossierChild[];
    document: DossierDocument | null;
  }[];
  declarations: {
    employmentCondition: string | null;
    statements: Record<string, boolean> | null;
    employerConfirmed: boolean;
  };
};

export type Dossier = ReturnType<typeof canonicalDossier>;

function cents(n: number, what: string): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what}: importo non intero in centesimi (${n})`);
  return n;
}

/** Same content → same object, whatever the order the rows came from the database in. */
export function canonicalDossier(i: DossierInput) {
  const closedPes = [...i.closedPes]
    .sort((a, b) => comparePesCodes(a.code, b.code))
    .map((p) => ({
      code: p.code,
      providerName: p.providerName,
      amountCents: cents(p.amountCents, p.code),
      usedCents: cents(p.usedCents, p.code),
      freedCents: cents(Math.max(0, p.amountCents - p.usedCents), p.code),
    }));
  const newPes = [...i.newPes]
    .filter((p) => p.status !== 'deleted')
    .sort((a, b) => comparePesCodes(a.code, b.code))
    .map((p) => ({
      code: p.code,
      kind: p.kind,
      band: p.band,
      providerName: p.providerName,
      hours: p.hours,
      amountCents: cents(p.amountCents, p.code),
      hourlyRateCents: p.hourlyRateCents === null ? null : cents(p.hourlyRateCents, p.code),
      // The office's Respingi cancels PES the family signed as validated: the signed content is the same.
      status: p.status === 'cancelled' ? 'validated' : p.status,
      children: [...p.children]
        .sort((a, b) => (a.codiceFiscale < b.codiceFiscale ? -1 : a.codiceFiscale > b.codiceFiscale ? 1 : 0))
        .map((c) => ({ name: c.name, codiceFiscale: c.codiceFiscale })),
      document: p.document
        ? { fileName: p.document.fileName, sizeBytes: p.document.sizeBytes, sha256: p.document.sha256.toLowerCase() }
        : null,
    }));
  const freedCents = closedPes.reduce((s, p) => s + p.freedCents, 0);
  const committedCents = newPes.filter((p) => p.status !== 'rejected').reduce((s, p) => s + p.amountCents, 0);
  return {
    version: DOSSIER_VERSION,
    conversionId: i.conversionId,
    voucher: { ...i.voucher, totalCents: cents(i.voucher.totalCents, i.voucher.number) },
    closedPes,
    newPes,
    freedCents,
    committedCents,
    residualCents: freedCents - committedCents,
    declarations: {
      employmentCondition: i.declarations.employmentCondition,
      statements: i.declarations.statements ?? {},
      employerConfirmed: i.declarations.employerConfirmed,
    },
  };
}

/** JSON with object keys sorted at every level: the byte string that is hashed. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError('numero non finito nel fascicolo');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function dossierSha256(dossier: unknown): string {
  return createHash('sha256').update(canonicalJson(dossier), 'utf8').digest('hex');
}
