import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { storedFiles } from '@/db/schema';
import type { FileStorage } from './file-store';
import { assertStorable, assertStorageKey } from './storage-key';

/**
 * Documents in the app's own database (table stored_files): every instance sees them, and the database
 * backup holds them. Same contract as a blob store: callers put before the transaction that records the
 * document and remove on refusal, so each call here commits on its own (`db` is the pool, not a tx).
 * The bytes travel as base64 text, decoded by the database: PGlite converts a bytea parameter or result
 * through hex text in JavaScript, which holds the event loop for seconds on a 2 MB file (≈ 0.2 s this way).
 */
export function databaseFileStorage(db: () => Promise<DbOrTx>): FileStorage {
  return {
    async put(key, bytes) {
      assertStorable(key, bytes);
      const row = {
        key,
        bytes: sql`decode(${Buffer.from(bytes).toString('base64')}, 'base64')`,
        size: bytes.byteLength,
      };
      await (
        await db()
      )
        .insert(storedFiles)
        .values(row)
        .onConflictDoUpdate({ target: storedFiles.key, set: { bytes: row.bytes, size: row.size } });
    },
    async get(key) {
      assertStorageKey(key);
      const [row] = await (
        await db()
      )
        .select({ base64: sql<string>`encode(${storedFiles.bytes}, 'base64')` })
        .from(storedFiles)
        .where(eq(storedFiles.key, key));
      return row ? new Uint8Array(Buffer.from(row.base64, 'base64')) : null;
    },
    async remove(key) {
      assertStorageKey(key);
      await (await db()).delete(storedFiles).where(eq(storedFiles.key, key));
    },
  };
}
