import { isConversionEditable, type ConversionStatus } from './state-machines';

export type GatePes = { code: string; kind: string; status: string; providerName: string; hasDocument: boolean };
/** What is missing, as data: the pages say it in the reader's language (catalogue Signing.gate.<kind>). */
export type GateReason = {
  kind: 'alreadySent' | 'closingPending' | 'noNewPes' | 'draft' | 'awaiting' | 'rejected' | 'invalid' | 'noPdf';
  code?: string;
  provider?: string;
};
/** `missing`: the same reasons in Italian (the office and older callers read these). */
export type SubmissionGate = { canSubmit: boolean; missing: string[]; reasons: GateReason[] };

/**
 * Guide §4: CONCLUDI E INVIA RICHIESTA DI CONVALIDA appears only when every requested closing is done,
 * every new PES is validated and every summer PES has its agreed PDF. Otherwise the family reads, PES by
 * PES, what is missing. A closing still pending would change the freed money after the signature, and the
 * office would see a dossier that no longer matches (issue 15, finding 8): signing waits for it.
 */
export function submissionGate(
  conversionStatus: ConversionStatus | null,
  pes: readonly GatePes[],
  standardPes: readonly GatePes[],
): SubmissionGate {
  const reasons = gateReasons(conversionStatus, pes, standardPes);
  return { canSubmit: reasons.length === 0, missing: reasons.map(italianReason), reasons };
}

function gateReasons(
  conversionStatus: ConversionStatus | null,
  pes: readonly GatePes[],
  standardPes: readonly GatePes[],
): GateReason[] {
  if (conversionStatus !== null && !isConversionEditable(conversionStatus)) return [{ kind: 'alreadySent' }];
  const reasons: GateReason[] = standardPes
    .filter((p) => p.status === 'close_requested')
    .sort((a, b) => comparePesCodes(a.code, b.code))
    .map((p) => ({ kind: 'closingPending', code: p.code, provider: p.providerName }));
  const live = pes.filter((p) => p.status !== 'deleted');
  if (live.length === 0) return [...reasons, { kind: 'noNewPes' }];
  for (const p of [...live].sort((a, b) => comparePesCodes(a.code, b.code))) {
    const at = { code: p.code, provider: p.providerName };
    if (p.status === 'draft') reasons.push({ kind: 'draft', ...at });
    else if (p.status === 'awaiting_validation') reasons.push({ kind: 'awaiting', ...at });
    else if (p.status === 'rejected') reasons.push({ kind: 'rejected', ...at });
    else if (p.status !== 'validated') reasons.push({ kind: 'invalid', ...at });
    if (p.kind === 'summer_covid' && !p.hasDocument) reasons.push({ kind: 'noPdf', ...at });
  }
  return reasons;
}

function italianReason({ kind, code, provider }: GateReason): string {
  switch (kind) {
    case 'alreadySent':
      return 'La richiesta di convalida è già stata inviata: la modifica PES non può più essere cambiata.';
    case 'closingPending':
      return `Il soggetto erogatore deve ancora chiudere il PES ${code} (${provider}): potrai firmare la richiesta quando lo avrà chiuso.`;
    case 'noNewPes':
      return 'Nessun nuovo PES inserito: aggiungi almeno un PES servizi babysitting o servizi estivi.';
    case 'draft':
      return `PES ${code}: in bozza — premi RICHIEDI VALIDAZIONE AL SOGGETTO EROGATORE`;
    case 'awaiting':
      return `PES ${code}: in attesa di validazione da ${provider}`;
    case 'rejected':
      return `PES ${code}: rifiutato da ${provider} — correggilo o eliminalo`;
    case 'invalid':
      return `PES ${code}: stato non valido per l’invio`;
    case 'noPdf':
      return `PES ${code}: manca il PDF`;
  }
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
