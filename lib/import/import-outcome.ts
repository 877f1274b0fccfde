import type { ImportError } from './parse-voucher-row';

export const IMPORT_AUDIT = { completed: 'voucher_import.completed', rejected: 'voucher_import.rejected' } as const;

export type ImportCounts = {
  families: number;
  vouchers: number;
  children: number;
  pes: number;
  skippedVouchers: number;
  activationEmails: number;
};

/** What an import did, kept in its audit event and shown on the import page. */
export type ImportOutcome =
  | { status: 'imported'; sha256: string; fileName: string; rowCount: number; counts: ImportCounts }
  | {
      status: 'rejected';
      sha256: string;
      fileName: string;
      rowCount: number;
      fileError: string | null;
      errors: ImportError[];
      errorCount: number;
    };
