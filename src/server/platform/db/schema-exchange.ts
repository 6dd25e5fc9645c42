/**
 * Bulk import checkpoints (modules/exchange, ADR 0105). A batch of people is written in one
 * transaction together with its row in import_batches and its audit events, so an import killed
 * at any moment resumes from the batches that committed: no partial person, no duplicate.
 */
import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const importJobs = pgTable('import_jobs', {
  id: uuid('id').primaryKey(),
  /** File name(s) or upload name, for the officer's list. */
  source: text('source').notNull(),
  /** running | done | failed */
  status: text('status').notNull().default('running'),
  createdBy: uuid('created_by'),
  /** People rows in the input, once known (from the manifest or after the last batch). */
  totalPeople: integer('total_people'),
  importedPeople: integer('imported_people').notNull().default(0),
  rejectedPeople: integer('rejected_people').notNull().default(0),
  message: text('message'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  finishedAt: ts('finished_at'),
});

export const importBatches = pgTable(
  'import_batches',
  {
    importId: uuid('import_id').notNull(),
    /** Batch number in input order; -1 is the final check (rows of unknown people). */
    batchNo: integer('batch_no').notNull(),
    imported: integer('imported').notNull(),
    rejected: integer('rejected').notNull(),
    committedAt: ts('committed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.batchNo] })],
);

/** Row-level problems, in Thai, downloadable as a spreadsheet. */
export const importErrors = pgTable(
  'import_errors',
  {
    importId: uuid('import_id').notNull(),
    batchNo: integer('batch_no').notNull(),
    seq: integer('seq').notNull(),
    sheet: text('sheet').notNull(),
    rowNo: integer('row_no').notNull(),
    nationalId: text('national_id'),
    field: text('field'),
    message: text('message').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.importId, t.batchNo, t.seq] }),
    index('import_errors_import_idx').on(t.importId),
  ],
);
