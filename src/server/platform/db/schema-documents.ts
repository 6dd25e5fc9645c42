/**
 * Printouts and certificates issued by modules/documents: every PDF handed out is registered here
 * so that /verify can say whether it is valid, superseded or revoked (ADR 0104). Requests for a
 * certified copy (ข้อ 5.5) or a certificate (หนังสือรับรอง) wait here for an officer.
 */
import {
  char,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const issuedDocuments = pgTable(
  'issued_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull(),
    /** ks16 | ks16_certified | cert_employment | cert_salary | cert_service */
    kind: text('kind').notNull(),
    /** SHA-256 (hex) of the final, sealed PDF: what an uploaded copy is looked up by. */
    sha256: char('sha256', { length: 64 }).notNull(),
    /** SHA-256 (hex) of the printed content; the QR token vouches for it (it cannot hold the PDF's own hash). */
    contentSha256: char('content_sha256', { length: 64 }).notNull(),
    /** valid | superseded | revoked */
    status: text('status').notNull().default('valid'),
    /** kid of the document-token key that signed the QR token. */
    issuerKeyId: text('issuer_key_id').notNull(),
    /** SHA-256 fingerprint of the office seal certificate (PAdES). */
    sealKeyId: text('seal_key_id').notNull(),
    issuerName: text('issuer_name').notNull(),
    reference: text('reference').notNull(),
    recordVersion: integer('record_version'),
    issuedAt: ts('issued_at').notNull().defaultNow(),
    issuedBy: uuid('issued_by'),
    statusChangedAt: ts('status_changed_at'),
    statusReason: text('status_reason'),
  },
  (t) => [
    uniqueIndex('issued_documents_reference_uq').on(t.reference),
    index('issued_documents_sha_idx').on(t.sha256),
    index('issued_documents_person_kind_idx').on(t.personId, t.kind),
  ],
);

export const documentRequests = pgTable(
  'document_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull(),
    /** certified_copy | cert_employment | cert_salary | cert_service */
    kind: text('kind').notNull(),
    /** pending | issued | rejected */
    status: text('status').notNull().default('pending'),
    purpose: text('purpose'),
    options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: ts('requested_at').notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    issuedDocumentId: uuid('issued_document_id'),
    note: text('note'),
  },
  (t) => [index('document_requests_person_idx').on(t.personId, t.status)],
);
