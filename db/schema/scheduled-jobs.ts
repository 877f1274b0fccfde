import { sql } from 'drizzle-orm';
import { pes } from './pes';
import { users } from './users';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** What a job runner knows how to do (issue 19): the daily plan and what it fans out to. */
export const JOB_KINDS = [
  'plan_daily',
  'provider_digest',
  'office_digest',
  'family_integration_reminder',
  'family_office_term_passed',
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/**
 * Durable scheduled work, shared by every instance and by `npm run jobs -- --once`. `key` makes each job
 * idempotent ("digest:provider:<id>:<day>"): enqueuing it again does nothing, and a runner works a job
 * only while holding its row lock (FOR UPDATE SKIP LOCKED), marking it done in the same transaction as
 * the outbox rows it writes, so two runners never send twice.
 */
export const scheduledJobs = pgTable(
  'scheduled_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull().unique(),
    kind: text('kind', { enum: JOB_KINDS }).notNull(),
    payload: jsonb('payload').$type<Record<string, string>>().notNull().default({}),
    status: text('status').notNull().default('pending'),
    runAfter: timestamp('run_after', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    // What the run did, for the office digest and for support: e.g. { sent: "no_email" }.
    outcome: jsonb('outcome').$type<Record<string, unknown>>(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('scheduled_jobs_status_check', sql`${t.status} in ('pending', 'done', 'failed')`),
    check(
      'scheduled_jobs_kind_check',
      sql`${t.kind} in ('plan_daily', 'provider_digest', 'office_digest', 'family_integration_reminder', 'family_office_term_passed')`,
    ),
    index('scheduled_jobs_due_idx')
      .on(t.runAfter)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/**
 * «Invia sollecito»: a formal reminder the office sends a provider about one PES, at most once a day per
 * PES (the primary key refuses a second one the same Rome day, whoever clicks).
 */
export const pesReminders = pgTable(
  'pes_reminders',
  {
    pesId: uuid('pes_id')
      .notNull()
      .references(() => pes.id),
    day: text('day').notNull(),
    sentBy: uuid('sent_by')
      .notNull()
      .references(() => users.id),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.pesId, t.day] }),
    check('pes_reminders_day_check', sql`${t.day} ~ '^\\d{4}-\\d{2}-\\d{2}$'`),
  ],
);
