import { formatDateIt, yearsAgo } from '@/lib/domain/dates';
import { VOUCHER_COLUMNS, type VoucherColumn } from './voucher-columns';

type Example = Record<VoucherColumn, string>;

const giuseppina = {
  numero_buono: 'BS-2020-0901',
  data_assegnazione: '15/01/2020',
  importo_buono: '3.000,00',
  nucleo_biparentale: 'sì',
  cf_richiedente: 'FRNGPP85A41L378R',
  nome_richiedente: 'Giuseppina',
  cognome_richiedente: 'Forni',
  email_richiedente: 'giuseppina.forni@example.it',
  cellulare_richiedente: '+39 347 000 0901',
  datore_denominazione: 'Cassa Rurale di Trento',
  datore_codice_fiscale: '00107860223',
  datore_indirizzo: 'Via Belenzani 12, 38122 Trento (TN)',
  datore_settore: 'privato',
};
const sara = {
  numero_buono: 'BS-2020-0902',
  data_assegnazione: '03/02/2020',
  importo_buono: '1.500,00',
  nucleo_biparentale: 'no',
  cf_richiedente: 'CLMSRA88D50L378O',
  nome_richiedente: 'Sara',
  cognome_richiedente: 'Colombo',
  email_richiedente: 'sara.colombo@example.it',
  cellulare_richiedente: '3470000902',
  datore_denominazione: 'Azienda Provinciale per i Servizi Sanitari',
  datore_codice_fiscale: '01429410226',
  datore_indirizzo: 'Via Alcide Degasperi 79, 38123 Trento (TN)',
  datore_settore: 'pubblico — sanità',
};

/**
 * Example rows for the downloadable template. Birth dates are computed from `today` so that the
 * bands stay right and the template imports cleanly into the demo database whenever it is downloaded.
 */
export function templateExamples(today: string): Example[] {
  const child = (cf: string, given: string, family: string, years: number, months: number) => ({
    cf_minore: cf,
    nome_minore: given,
    cognome_minore: family,
    data_nascita_minore: formatDateIt(yearsAgo(today, years, months)),
    disabilita_minore: 'no',
  });
  const tommaso = child('FRNTMS15B01L378Y', 'Tommaso', 'Forni', 8, 2);
  const elisa = child('FRNLSE19C41L378J', 'Elisa', 'Forni', 4, 5);
  const pietro = child('CLMPTR13E01L378G', 'Pietro', 'Colombo', 1, 6);
  const pes = (code: string, provider: string, band: string, hours: string, amount: string) => ({
    codice_pes: code,
    codice_erogatore: provider,
    fascia: band,
    ore: hours,
    importo_pes: amount,
  });
  return [
    { ...giuseppina, ...tommaso, ...pes('BS-2020-0901/1', 'PRV1', 'C', '60', '1.200,00') },
    { ...giuseppina, ...elisa, ...pes('BS-2020-0901/2', 'PRV2', 'B', '50', '900,00') },
    { ...giuseppina, ...elisa, ...pes('BS-2020-0901/3', 'PRV1', 'B', '20', '400,00') },
    { ...sara, ...pietro, ...pes('BS-2020-0902/1', 'PRV3', 'A', '40', '600,00') },
  ];
}

function csvField(s: string): string {
  return /[";\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** UTF-8 with BOM and `;`: Italian spreadsheet programs open it with accents and columns right. */
export function voucherTemplateCsv(today: string): string {
  const keys = VOUCHER_COLUMNS.map((c) => c.key);
  const lines = [keys.join(';'), ...templateExamples(today).map((e) => keys.map((k) => csvField(e[k])).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
