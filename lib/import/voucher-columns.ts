/**
 * The row format of the assigned-voucher import: ONE ROW PER PES. The voucher, family and
 * employer columns are repeated on every row of the voucher and must be identical; the child
 * columns are repeated on every row of that child. A child with no PES has one row with the
 * five PES columns left empty. Columns are found by their header name, in any order.
 */
export const VOUCHER_COLUMNS = [
  {
    key: 'numero_buono',
    label: 'Numero del buono',
    help: 'Identifica il buono, ad esempio BS-2020-0101. Ripetuto su ogni riga del buono.',
  },
  { key: 'data_assegnazione', label: 'Data di assegnazione', help: 'GG/MM/AAAA (oppure AAAA-MM-GG), non futura.' },
  { key: 'importo_buono', label: 'Importo del buono', help: 'In euro, con la virgola per i centesimi: 4.200,00.' },
  { key: 'nucleo_biparentale', label: 'Nucleo con due genitori', help: '«sì» oppure «no».' },
  { key: 'cf_richiedente', label: 'Codice fiscale del richiedente', help: 'Diventa il nome utente della famiglia.' },
  { key: 'nome_richiedente', label: 'Nome del richiedente', help: '' },
  { key: 'cognome_richiedente', label: 'Cognome del richiedente', help: '' },
  { key: 'email_richiedente', label: 'E-mail del richiedente', help: 'Riceve il collegamento per attivare l’accesso.' },
  {
    key: 'cellulare_richiedente',
    label: 'Cellulare del richiedente',
    help: 'Numero italiano, riceve il codice OTP: +39 347 123 4567.',
  },
  { key: 'datore_denominazione', label: 'Datore di lavoro: denominazione', help: '' },
  {
    key: 'datore_codice_fiscale',
    label: 'Datore di lavoro: codice fiscale o partita IVA',
    help: '11 cifre oppure 16 caratteri.',
  },
  { key: 'datore_indirizzo', label: 'Datore di lavoro: indirizzo', help: '' },
  { key: 'datore_settore', label: 'Datore di lavoro: settore', help: 'Ad esempio «privato» o «pubblico — sanità».' },
  { key: 'cf_minore', label: 'Codice fiscale del minore', help: 'Ripetuto su ogni riga dei PES del minore.' },
  { key: 'nome_minore', label: 'Nome del minore', help: '' },
  { key: 'cognome_minore', label: 'Cognome del minore', help: '' },
  { key: 'data_nascita_minore', label: 'Data di nascita del minore', help: 'GG/MM/AAAA (oppure AAAA-MM-GG).' },
  { key: 'disabilita_minore', label: 'Minore con disabilità', help: '«sì» oppure «no».' },
  {
    key: 'codice_pes',
    label: 'Codice del PES',
    help: 'Unico, ad esempio BS-2020-0101/1. Vuoto con gli altri campi PES se il minore non ha PES.',
  },
  {
    key: 'codice_erogatore',
    label: 'Codice del soggetto erogatore',
    help: 'Il codice con cui il soggetto erogatore è registrato, ad esempio PRV1.',
  },
  {
    key: 'fascia',
    label: 'Fascia del servizio',
    help: 'A, B o C: deve corrispondere all’età del minore alla data dell’importazione.',
  },
  { key: 'ore', label: 'Ore', help: 'Numero intero di ore.' },
  {
    key: 'importo_pes',
    label: 'Importo del PES',
    help: 'In euro, con la virgola. La somma dei PES non supera l’importo del buono.',
  },
] as const;

export type VoucherColumn = (typeof VOUCHER_COLUMNS)[number]['key'];

export const PES_COLUMNS: readonly VoucherColumn[] = ['codice_pes', 'codice_erogatore', 'fascia', 'ore', 'importo_pes'];

export const COLUMN_LABELS = Object.fromEntries(VOUCHER_COLUMNS.map((c) => [c.key, c.label])) as Record<
  VoucherColumn,
  string
>;

/** The most rows one file may hold: 10 000 must import in one go, with room to spare. */
export const MAX_IMPORT_ROWS = 20_000;
/** Kept under the 10 MB the proxy buffers for a request body; 20 000 rows fit in about 7 MB. */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;
