import { sql } from 'drizzle-orm';
import { check, customType, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * bytea, which drizzle has no builder for. Both drivers take a Buffer (a Uint8Array) as a bytea parameter;
 * postgres-js gives a Buffer back and PGlite a Uint8Array, so reads are normalised to a plain Uint8Array.
 */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

/**
 * Uploaded documents kept in the database (FILE_STORAGE=database), so every app instance serves them and
 * the database backup holds them. Rows are written and deleted outside the use case's transaction, like a
 * blob store's (lib/storage/database-file-storage.ts); `documents.storage_key` names them.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    key: text('key').primaryKey(),
    bytes: bytea('bytes').notNull(),
    size: integer('size').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The upload limit (F1, MAX_PDF_BYTES) on the bytes themselves: a size that lies about them is refused too.
  (t) => [
    check('stored_files_size_check', sql`${t.size} between 1 and 2097152 and octet_length(${t.bytes}) = ${t.size}`),
  ],
);
