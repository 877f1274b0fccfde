import path from 'node:path';
import type { DbOrTx } from '@/db/open';
import { fileStorageKind } from '@/lib/config/runtime-config';
import { blobFileStorage } from './blob-file-storage';
import { databaseFileStorage } from './database-file-storage';
import { localFileStorage } from './local-file-storage';

/** Files are private: they are only ever read back through an authorised route, never by URL. */
export type FileStorage = {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  remove(key: string): Promise<void>;
};

// Imported when first used: db/index.ts loads the seed, which stores files through this module.
const appDb = async (): Promise<DbOrTx> => (await import('@/db')).getDb();

/**
 * The store FILE_STORAGE names (lib/config/runtime-config.ts; production refuses a bad value at start).
 * `db` is for code that runs while the app database is still opening (the demo seed), when getDb() would
 * wait for itself.
 */
export function fileStorage(opts: { db?: DbOrTx } = {}): FileStorage {
  const kind = fileStorageKind();
  switch (kind) {
    case 'database':
      return databaseFileStorage(opts.db ? async () => opts.db! : appDb);
    case 'blob':
      return blobFileStorage();
    case 'local':
      return localFileStorage(process.env.FILES_DIR ?? path.join(process.cwd(), '.data', 'files'));
    case null:
      throw new Error('FILE_STORAGE must be database, blob or local');
  }
}
