import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { conversions, type SignatureEvidence } from './conversions';

/**
 * One row per OTP-signed submission, kept for ever: a conversion returned by the office and
 * signed again has two. The signed dossier itself is stored, so the receipt always shows
 * exactly what was signed, whatever changed afterwards.
 */
export const conversionSubmissions = pgTable(
  'conversion_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversionId: uuid('conversion_id')
      .notNull()
      .references(() => conversions.id),
    protocolNumber: text('protocol_number').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    dossierSha256: text('dossier_sha256').notNull(),
    dossier: jsonb('dossier').notNull(),
    signature: jsonb('signature').$type<SignatureEvidence>().notNull(),
  },
  (t) => [index('conversion_submissions_conversion_idx').on(t.conversionId, t.submittedAt)],
);
