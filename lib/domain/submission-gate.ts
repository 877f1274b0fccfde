import words from '@/messages/it/SubmissionGate.json';
import { isConversionEditable, type ConversionStatus } from './state-machines';

export type GatePes = { code: string; kind: string; status: string; providerName: string; hasDocument: boolean };
/** One thing still missing, as a catalogue key (namespace SubmissionGate) and its values. */
export type GateItem = { key: keyof typeof words; code?: string; provider?: string };
export type SubmissionGate = { canSubmit: boolean; missing: string[] };

/**
 * Guide §4: CONCLUDI E INVIA RICHIESTA DI CONVALIDA appears only when every requested closing is done,
 * every new PES is validated and every summer PES has its agreed PDF. Otherwise the family reads, PES by
 * PES, what is missing. A closing still pending would change the freed money after the signature, and the
 * office would see a dossier that no longer matches (issue 15, finding 8): signing waits for it.
 */
export function gateItems(
  conversionStatus: ConversionStatus | null,
  pes: readonly GatePes[],
  standardPes: readonly GatePes[],
): { canSubmit: boolean; items: GateItem[] } {
  if (conversionStatus !== null && !isConversionEditable(conversionStatus)) {
    return { canSubmit: false, items: [{ key: 'alreadySent' }] };
  }
  const items: GateItem[] = standardPes
    .filter((p) => p.status === 'close_requested')
    .sort((a, b) => comparePesCodes(a.code, b.code))
    .map((p) => ({ key: 'closePending', code: p.code, provider: p.providerName }));
  const live = pes.filter((p) => p.status !== 'deleted');
  if (live.length === 0) {
    items.push({ key: 'none' });
    return { canSubmit: false, items };
  }
  for (const p of [...live].sort((a, b) => comparePesCodes(a.code, b.code))) {
    const on = { code: p.code, provider: p.providerName };
    if (p.status === 'draft') items.push({ key: 'draft', ...on });
    else if (p.status === 'awaiting_validation') items.push({ key: 'awaiting', ...on });
    else if (p.status === 'rejected') items.push({ key: 'rejected', ...on });
    else if (p.status !== 'validated') items.push({ key: 'invalid', ...on });
    if (p.kind === 'summer_covid' && !p.hasDocument) items.push({ key: 'noPdf', ...on });
  }
  return { canSubmit: items.length === 0, items };
}

/** The gate in Italian words, for the services that refuse a signature with them. */
export function submissionGate(
  conversionStatus: ConversionStatus | null,
  pes: readonly GatePes[],
  standardPes: readonly GatePes[],
): SubmissionGate {
  const { canSubmit, items } = gateItems(conversionStatus, pes, standardPes);
  return { canSubmit, missing: items.map(italianGateText) };
}

// The Italian catalogue's sentence with its values: only {code}, {provider} and <it>…</it> occur in it.
function italianGateText({ key, code = '', provider = '' }: GateItem): string {
  return words[key]
    .replace(/<\/?it>/g, '')
    .replace('{code}', code)
    .replace('{provider}', provider);
}

/** BS-2020-0001/10 after BS-2020-0001/9: the number after the slash is compared as a number. */
export function comparePesCodes(a: string, b: string): number {
  const [pa, na] = splitCode(a);
  const [pb, nb] = splitCode(b);
  if (pa !== pb) return pa < pb ? -1 : 1;
  return na - nb;
}

function splitCode(code: string): [string, number] {
  const i = code.lastIndexOf('/');
  const n = Number(code.slice(i + 1));
  return i < 0 || !Number.isFinite(n) ? [code, 0] : [code.slice(0, i), n];
}
