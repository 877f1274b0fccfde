import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { pes } from './pes';
import { users } from './users';

export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pesId: uuid('pes_id')
      .notNull()
      .references(() => pes.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull().unique(),
    fileName: text('file_name').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // Set when the family replaced or removed a PDF that a signed submission names: the row and its blob
    // stay as evidence of what was signed, but the PES no longer has it (issue 15, finding 4).
    detachedAt: timestamp('detached_at', { withTimezone: true }),
  },
  (t) => [
    check('documents_size_check', sql`${t.sizeBytes} > 0 and ${t.sizeBytes} <= 2097152`),
    // Exactly one current agreed-PES PDF per summer PES: replacing swaps the row in one transaction.
    uniqueIndex('documents_pes_unique')
      .on(t.pesId)
      .where(sql`${t.detachedAt} is null`),
    check('documents_sha256_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);
