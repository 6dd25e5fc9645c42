/**
 * Personal electronic signatures (ADR 0107): WebAuthn passkeys registered for signing, and the
 * evidence of every signature — enough for anyone holding the public key to re-verify it.
 */
import {
  boolean,
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
import { persons, users } from './schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const signingCredentials = pgTable(
  'signing_credentials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** WebAuthn credential id, base64url. */
    credentialId: text('credential_id').notNull(),
    /** COSE public key, base64url. */
    publicKey: text('public_key').notNull(),
    counter: integer('counter').notNull().default(0),
    transports: jsonb('transports').$type<string[]>(),
    label: text('label'),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    uniqueIndex('signing_credentials_credential_uq').on(t.credentialId),
    index('signing_credentials_user_idx').on(t.userId),
  ],
);

/** Registration challenges (single use, short-lived). */
export const webauthnChallenges = pgTable('webauthn_challenges', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  challenge: text('challenge').notNull(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
});

export const signatures = pgTable(
  'signatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    credentialId: text('credential_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    recordVersion: integer('record_version').notNull(),
    /** SHA-256 (hex) of the canonical JSON of the signed record content (the snapshot). */
    contentHash: char('content_hash', { length: 64 }).notNull(),
    /** owner-attest | officer-verify | certify (ข้อ 3.2–3.4). */
    decision: text('decision').notNull(),
    /** The canonical JSON (RFC 8785) that was signed, and its SHA-256 (hex) = the WebAuthn challenge. */
    payload: text('payload').notNull(),
    payloadHash: char('payload_hash', { length: 64 }).notNull(),
    authenticatorData: text('authenticator_data').notNull(),
    clientDataJson: text('client_data_json').notNull(),
    signature: text('signature').notNull(),
    userVerified: boolean('user_verified').notNull(),
    /** The record content as signed, item by item: a later change is reported per item. */
    snapshot: jsonb('snapshot').notNull().$type<Record<string, unknown>>(),
    signedAt: ts('signed_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('signatures_payload_hash_uq').on(t.payloadHash),
    index('signatures_person_idx').on(t.personId),
  ],
);
