import path from 'node:path';
import type { DbOrTx } from '@/db/open';
import { fileStorageKind } from '@/lib/config/runtime-config';
import { blobFileStorage } from './blob-file-storage';
import { databaseFileStorage } from './database-file-storage';
import { localFileStorage } from './local-file-storage';

import type { FileStorage } from './file-store';

export type { FileStorage } from './file-store';

/**
 * The store FILE_STORAGE names (lib/config/runtime-config.ts; production refuses a bad value at start).
 * The caller hands its database (the database store keeps the files there): storage never opens the app
 * database itself, which also lets the demo seed store files while that database is still opening.
 */
export function fileStorage(db: DbOrTx): FileStorage {
  const kind = fileStorageKind();
  switch (kind) {
    case 'database':
      return databaseFileStorage(async () => db);
    case 'blob':
      return blobFileStorage();
    case 'local':
      return localFileStorage(process.env.FILES_DIR ?? path.join(process.cwd(), '.data', 'files'));
    case null:
      throw new Error('FILE_STORAGE must be database, blob or local');
  }
}
