import { isConversionEditable, type ConversionStatus } from './state-machines';

export type GatePes = { code: string; kind: string; status: string; providerName: string; hasDocument: boolean };
export type SubmissionGate = { canSubmit: boolean; missing: string[] };

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
  if (conversionStatus !== null && !isConversionEditable(conversionStatus)) {
    return {
      canSubmit: false,
      missing: ['La richiesta di convalida è già stata inviata: la modifica PES non può più essere cambiata.'],
    };
  }
  const missing = standardPes
    .filter((p) => p.status === 'close_requested')
    .sort((a, b) => comparePesCodes(a.code, b.code))
    .map(
      (p) =>
        `Il soggetto erogatore deve ancora chiudere il PES ${p.code} (${p.providerName}): potrai firmare la richiesta quando lo avrà chiuso.`,
    );
  const live = pes.filter((p) => p.status !== 'deleted');
  if (live.length === 0) {
    missing.push('Nessun nuovo PES inserito: aggiungi almeno un PES servizi babysitting o servizi estivi.');
    return { canSubmit: false, missing };
  }
  for (const p of [...live].sort((a, b) => comparePesCodes(a.code, b.code))) {
    if (p.status === 'draft')
      missing.push(`PES ${p.code}: in bozza — premi RICHIEDI VALIDAZIONE AL SOGGETTO EROGATORE`);
    else if (p.status === 'awaiting_validation')
      missing.push(`PES ${p.code}: in attesa di validazione da ${p.providerName}`);
    else if (p.status === 'rejected')
      missing.push(`PES ${p.code}: rifiutato da ${p.providerName} — correggilo o eliminalo`);
    else if (p.status !== 'validated') missing.push(`PES ${p.code}: stato non valido per l’invio`);
    if (p.kind === 'summer_covid' && !p.hasDocument) missing.push(`PES ${p.code}: manca il PDF`);
  }
  return { canSubmit: missing.length === 0, missing };
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
