/**
 * Workflows (ระเบียบ ก.ค.ศ. คู่มือ ข้อ 3–5): one row per case, one row per step taken. The steps
 * table is the case's history — who, when, which decision, the reason and the signature evidence.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { offices, persons, users } from './schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const day = (name: string) => date(name, { mode: 'string' });

export const workflowCases = pgTable(
  'workflow_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** A key of WORKFLOWS (src/domain/workflow/definitions.ts). */
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    /** The person's office when the case was opened: whose officers act on it. */
    officeId: uuid('office_id').references(() => offices.id),
    filedBy: uuid('filed_by')
      .notNull()
      .references(() => users.id),
    /** Case-specific content (requested changes, attachments' document ids, order data). */
    data: jsonb('data').notNull().$type<Record<string, unknown>>(),
    /** When the current status was entered, and its business-day deadline (null: none). */
    statusSince: ts('status_since').notNull().defaultNow(),
    stepDueDate: day('step_due_date'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    closedAt: ts('closed_at'),
  },
  (t) => [
    index('workflow_cases_person_idx').on(t.personId),
    index('workflow_cases_open_idx').on(t.status).where(sql`${t.closedAt} is null`),
    /**
     * One open move or transfer per person (ข้อ 5.2, ADR 0111): two concurrent requests cannot
     * both open one; the commands check the same rule first (src/domain/transfer/service-status.ts).
     */
    uniqueIndex('workflow_cases_one_open_transfer')
      .on(t.personId)
      .where(sql`${t.kind} in ('move', 'transfer') and ${t.closedAt} is null`),
  ],
);

export const workflowSteps = pgTable(
  'workflow_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => workflowCases.id),
    seq: integer('seq').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorUserId: uuid('actor_user_id')
      .notNull()
      .references(() => users.id),
    /** The workflow role the actor acted in. */
    actorRole: text('actor_role').notNull(),
    at: ts('at').notNull().defaultNow(),
    /** submit | approve | return | reject | apply | … (the action's decision). */
    decision: text('decision').notNull(),
    reason: text('reason'),
    /** Approval reference (มติ ก.ค.ศ., อ.ก.ค.ศ. …) where the step needs one. */
    reference: text('reference'),
    /** The personal signature evidence of this step, when signed (signatures table). */
    signatureId: uuid('signature_id'),
    /** Deadline of the status this step left, and whether the step was taken after it. */
    dueDate: day('due_date'),
    late: boolean('late').notNull().default(false),
  },
  (t) => [uniqueIndex('workflow_steps_case_seq_uq').on(t.caseId, t.seq)],
);

/**
 * One pending OpenID Connect login (Digital ID / ThaiD): the state, nonce and PKCE verifier that
 * the callback must match. Single use, short-lived; the browser holds only the random id.
 */
export const oidcLogins = pgTable('oidc_logins', {
  id: text('id').primaryKey(),
  state: text('state').notNull(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  usedAt: ts('used_at'),
});

/**
 * Orders recorded into the register (ข้อ 4.4.1): each produces item-15 entries (person_service
 * .order_id). A correction or cancellation is itself an order that points at the one it amends;
 * nothing is ever deleted.
 */
export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    /** One of the 14 kinds of ข้อ 4.4.1 (src/domain/workflow/orders.ts). */
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    orderDate: day('order_date').notNull(),
    /** The scanned order in the document store (optional: e-signed orders need no scan). */
    documentId: uuid('document_id'),
    /** The order this one corrects or cancels (kinds 12, 13). */
    amendsOrderId: uuid('amends_order_id'),
    /** active | corrected | cancelled. */
    status: text('status').notNull().default('active'),
    /** Due: 5 business days after the order date (ข้อ 4.4); late when recorded after it. */
    dueDate: day('due_date').notNull(),
    recordedOn: day('recorded_on').notNull(),
    late: boolean('late').notNull().default(false),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('orders_person_idx').on(t.personId)],
);
