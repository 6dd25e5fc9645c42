/**
 * Database schema (Drizzle, PostgreSQL dialect; runs on PostgreSQL 15 and PGlite).
 * One structured table per item of the form ก.ค.ศ.๑๖; money in integer satang (bigint), never float.
 * Column names follow the API field names (camelCase → snake_case) so entries map 1:1.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const id = () => uuid('id').primaryKey().defaultRandom();
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const money = (name: string) => bigint(name, { mode: 'bigint' });
const day = (name: string) => date(name, { mode: 'string' });

// ---------------------------------------------------------------- offices and positions
/** The kinds an office may have (CHECK offices_kind_ck, migration 0001). */
export const OFFICE_KINDS = [
  'otepc',
  'agency',
  'area_office',
  'provincial_office',
  'school',
  'unit',
] as const;

export const offices = pgTable(
  'offices',
  {
    id: id(),
    code: text('code').notNull(),
    nameTh: text('name_th').notNull(),
    nameEn: text('name_en'),
    /** One of OFFICE_KINDS (CHECK offices_kind_ck). */
    kind: text('kind', { enum: OFFICE_KINDS }).notNull(),
    parentId: uuid('parent_id'),
    /** Materialised path of codes, '/OTEPC/OBEC/…/'; a scope on an office covers its subtree. */
    path: text('path').notNull(),
    provinceCode: char('province_code', { length: 2 }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('offices_code_uq').on(t.code),
    index('offices_path_idx').on(sql`${t.path} text_pattern_ops`),
    index('offices_parent_idx').on(t.parentId),
  ],
);

export const positions = pgTable(
  'positions',
  {
    id: id(),
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id),
    positionNumber: text('position_number').notNull(),
    title: text('title').notNull(),
    positionType: text('position_type'),
    holderPersonId: uuid('holder_person_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('positions_office_number_uq').on(t.officeId, t.positionNumber),
    uniqueIndex('positions_holder_uq').on(t.holderPersonId),
  ],
);

// ---------------------------------------------------------------- the person (items 2–4, 8–10)
export const persons = pgTable(
  'persons',
  {
    id: id(),
    nationalId: char('national_id', { length: 13 }).notNull(),
    status: text('status').notNull().default('active'),
    recordVersion: integer('record_version').notNull().default(1),
    version: integer('version').notNull().default(1),
    birthDate: day('birth_date'),
    bloodGroup: text('blood_group'),
    appointmentDate: day('appointment_date'),
    subjectGroup: text('subject_group'),
    officeId: uuid('office_id').references(() => offices.id),
    /**
     * The office's materialised path, kept by triggers (migration 0012) whenever office_id or an
     * office's path changes: scope checks are a prefix match on the person's row instead of a join
     * with every office in the caller's subtree (35,000+ for a national role).
     */
    officePath: text('office_path'),
    positionId: uuid('position_id'),
    /** Current name, maintained with item 1 for lists, headings and sorting (COLLATE th). */
    displayName: text('display_name').notNull().default(''),
    /** First + last name of the current name, for search. */
    searchName: text('search_name').notNull().default(''),
    /** วิทยฐานะ and position title of the latest service entry, for search. */
    currentStanding: text('current_standing'),
    currentPositionTitle: text('current_position_title'),
    /**
     * Character bigrams and trigrams of search_name (khru_grams, migration 0004): the GIN-indexed
     * key for Thai substring search, which pg_trgm cannot index under C-locale databases (ADR 0106).
     */
    searchGrams: text('search_grams').array().generatedAlwaysAs(sql`khru_grams(search_name)`),
    lastOwnerReviewAt: ts('last_owner_review_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('persons_national_id_uq').on(t.nationalId),
    index('persons_office_idx').on(t.officeId),
    index('persons_office_path_idx').on(sql`${t.officePath} text_pattern_ops`),
    index('persons_search_name_idx').on(sql`${t.searchName} text_pattern_ops`),
    // Search at scale (ADR 0106): Thai substring, position and standing answer from indexes.
    index('persons_search_grams_idx').using('gin', t.searchGrams),
    index('persons_position_title_idx').on(sql`${t.currentPositionTitle} text_pattern_ops`),
    index('persons_standing_idx').on(t.currentStanding),
  ],
);

/**
 * Read model of the full record (ADR 0108): every list item of one person as the JSON text the API
 * sends, filled on the first read and removed, in the same transaction, by the statement triggers
 * of migration 0010 whenever any item table changes for that person. Never the source of truth.
 */
export const recordItemsJson = pgTable('record_items_json', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => persons.id, { onDelete: 'cascade' }),
  items: text('items').notNull(),
  builtAt: ts('built_at').notNull().defaultNow(),
});

const entryCols = () => ({
  id: id(),
  personId: uuid('person_id')
    .notNull()
    .references(() => persons.id, { onDelete: 'cascade' }),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
// biome-ignore lint/suspicious/noExplicitAny: drizzle's extra-config column type is internal
const byPerson = (name: string) => (t: { personId: any }) => [index(name).on(t.personId)];

// item 1
export const personNames = pgTable(
  'person_names',
  {
    ...entryCols(),
    prefix: text('prefix').notNull(),
    rankTitle: text('rank_title'),
    firstName: text('first_name').notNull(),
    middleName: text('middle_name'),
    lastName: text('last_name').notNull(),
    effectiveDate: day('effective_date').notNull(),
    reference: text('reference'),
  },
  byPerson('person_names_person_idx'),
);

// items 5–7
export const personFamily = pgTable(
  'person_family',
  {
    ...entryCols(),
    relation: text('relation').notNull(),
    prefix: text('prefix'),
    firstName: text('first_name').notNull(),
    middleName: text('middle_name'),
    lastName: text('last_name').notNull(),
  },
  byPerson('person_family_person_idx'),
);

// items 11–12
export const personAddresses = pgTable(
  'person_addresses',
  {
    ...entryCols(),
    kind: text('kind').notNull(),
    houseNo: text('house_no').notNull(),
    moo: text('moo'),
    soi: text('soi'),
    road: text('road'),
    tambonCode: char('tambon_code', { length: 6 }).notNull(),
    postcode: char('postcode', { length: 5 }).notNull(),
  },
  byPerson('person_addresses_person_idx'),
);

// item 13
export const personLicences = pgTable(
  'person_licences',
  {
    ...entryCols(),
    type: text('type').notNull(),
    number: text('number').notNull(),
    issueDate: day('issue_date'),
    expiryDate: day('expiry_date').notNull(),
  },
  byPerson('person_licences_person_idx'),
);

// item 14
export const personEducation = pgTable(
  'person_education',
  {
    ...entryCols(),
    level: text('level').notNull(),
    institution: text('institution').notNull(),
    from: char('from_month', { length: 7 }).notNull(),
    to: char('to_month', { length: 7 }),
    degree: text('degree'),
    major: text('major'),
    minor: text('minor'),
    usedForAppointment: boolean('used_for_appointment').notNull().default(false),
  },
  byPerson('person_education_person_idx'),
);

// item 15
export const personService = pgTable(
  'person_service',
  {
    ...entryCols(),
    effectiveDate: day('effective_date').notNull(),
    positionTitle: text('position_title').notNull(),
    agency: text('agency').notNull(),
    officeId: uuid('office_id'),
    standing: text('standing').notNull().default('none'),
    positionNumber: text('position_number'),
    positionType: text('position_type'),
    rankLevel: text('rank_level'),
    salary: money('salary_satang'),
    positionAllowance: money('position_allowance_satang'),
    compensation: money('compensation_satang'),
    otherSpecialPay: money('other_special_pay_satang'),
    referenceDocument: text('reference_document'),
    mode: text('mode').notNull().default('current'),
    note: text('note'),
    /** Set when the entry was produced by recording an order (ข้อ 4.4.1). */
    orderId: uuid('order_id'),
  },
  (t) => [index('person_service_person_idx').on(t.personId, t.effectiveDate)],
);

// item 16
export const personTraining = pgTable(
  'person_training',
  {
    ...entryCols(),
    from: char('from_month', { length: 7 }).notNull(),
    to: char('to_month', { length: 7 }),
    course: text('course').notNull(),
    place: text('place'),
    organiser: text('organiser'),
  },
  byPerson('person_training_person_idx'),
);

// item 17
export const personResearch = pgTable(
  'person_research',
  {
    ...entryCols(),
    from: char('from_month', { length: 7 }).notNull(),
    to: char('to_month', { length: 7 }),
    title: text('title').notNull(),
    organiser: text('organiser'),
  },
  byPerson('person_research_person_idx'),
);

// item 18
export const personStudyVisits = pgTable(
  'person_study_visits',
  {
    ...entryCols(),
    from: char('from_month', { length: 7 }).notNull(),
    to: char('to_month', { length: 7 }),
    place: text('place').notNull(),
    abroad: boolean('abroad').notNull().default(false),
    note: text('note'),
  },
  byPerson('person_study_visits_person_idx'),
);

// item 19
export const personAbilities = pgTable(
  'person_abilities',
  {
    ...entryCols(),
    field: text('field').notNull(),
    detail: text('detail').notNull(),
    note: text('note'),
  },
  byPerson('person_abilities_person_idx'),
);

// item 20
export const personSpecialDuties = pgTable(
  'person_special_duties',
  {
    ...entryCols(),
    from: day('from_date').notNull(),
    to: day('to_date'),
    detail: text('detail').notNull(),
    reference: text('reference'),
  },
  byPerson('person_special_duties_person_idx'),
);

// item 21
export const personDiscipline = pgTable(
  'person_discipline',
  {
    ...entryCols(),
    yearBE: integer('year_be').notNull(),
    penalty: text('penalty').notNull(),
    offence: text('offence').notNull(),
    reference: text('reference'),
    note: text('note'),
    amendsId: uuid('amends_id'),
    changeKind: text('change_kind'),
  },
  byPerson('person_discipline_person_idx'),
);

// item 22
export const personEthics = pgTable(
  'person_ethics',
  {
    ...entryCols(),
    yearBE: integer('year_be').notNull(),
    behaviour: text('behaviour').notNull(),
    law: text('law'),
    result: text('result').notNull(),
    reference: text('reference'),
  },
  byPerson('person_ethics_person_idx'),
);

// item 23
export const personMartialLaw = pgTable(
  'person_martial_law',
  {
    ...entryCols(),
    from: day('from_date').notNull(),
    to: day('to_date'),
    detail: text('detail').notNull(),
    reference: text('reference'),
  },
  byPerson('person_martial_law_person_idx'),
);

// item 24
export const personDecorations = pgTable(
  'person_decorations',
  {
    ...entryCols(),
    receivedDate: day('received_date').notNull(),
    decoration: text('decoration').notNull(),
    otherName: text('other_name'),
    gazetteVolume: text('gazette_volume'),
    gazetteSection: text('gazette_section'),
    gazetteDate: day('gazette_date'),
    page: text('page'),
    sequence: text('sequence'),
  },
  byPerson('person_decorations_person_idx'),
);

// item 25: one row per fiscal year, every leave column NOT NULL (an explicit 0, ข้อ 4.4.11)
const leave = (k: string) => ({
  [`${k}Times`]: integer(`${k}_times`).notNull(),
  [`${k}Days`]: numeric(`${k}_days`, { precision: 5, scale: 1 }).notNull(),
});
export const personLeave = pgTable(
  'person_leave',
  {
    ...entryCols(),
    fiscalYear: integer('fiscal_year').notNull(),
    ...leave('sick'),
    ...leave('personal'),
    ...leave('maternity'),
    ...leave('paternity'),
    ...leave('vacation'),
    ...leave('ordination'),
    ...leave('military'),
    ...leave('study_domestic'),
    ...leave('study_abroad'),
    ...leave('international_org'),
    ...leave('follow_spouse'),
    ...leave('rehabilitation'),
    ...leave('absent'),
    ...leave('late'),
  },
  (t) => [uniqueIndex('person_leave_person_fy_uq').on(t.personId, t.fiscalYear)],
);

// item 26
export const personOthers = pgTable(
  'person_others',
  {
    ...entryCols(),
    category: text('category').notNull(),
    text: text('text').notNull(),
  },
  byPerson('person_others_person_idx'),
);

// photos (ข้อ 3.2.1)
export const personPhotos = pgTable(
  'person_photos',
  {
    ...entryCols(),
    slot: integer('slot').notNull(),
    yearBE: integer('year_be').notNull(),
    documentId: uuid('document_id').notNull(),
  },
  (t) => [uniqueIndex('person_photos_slot_uq').on(t.personId, t.slot)],
);

// ---------------------------------------------------------------- documents (content-addressed store)
export const documents = pgTable(
  'documents',
  {
    id: id(),
    sha256: char('sha256', { length: 64 }).notNull(),
    size: integer('size').notNull(),
    mime: text('mime').notNull(),
    category: text('category').notNull(),
    fileName: text('file_name').notNull(),
    personId: uuid('person_id'),
    uploadedBy: uuid('uploaded_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('documents_person_idx').on(t.personId), index('documents_sha_idx').on(t.sha256)],
);

// ---------------------------------------------------------------- users, sessions, roles
export const users = pgTable(
  'users',
  {
    id: id(),
    nationalId: char('national_id', { length: 13 }).notNull(),
    personId: uuid('person_id').references(() => persons.id),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    status: text('status').notNull().default('active'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: ts('locked_until'),
    passwordChangedAt: ts('password_changed_at'),
    lastLoginAt: ts('last_login_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_national_id_uq').on(t.nationalId),
    uniqueIndex('users_person_uq').on(t.personId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the session token; the token itself is never stored. */
    id: char('id', { length: 64 }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    absoluteExpiresAt: ts('absolute_expires_at').notNull(),
    /** Time of the last real authentication (password / passkey): step-up checks use it. */
    authTime: ts('auth_time').notNull(),
    authMethod: text('auth_method').notNull(),
    revokedAt: ts('revoked_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    officeId: uuid('office_id')
      .notNull()
      .references(() => offices.id),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
    lastReviewedAt: ts('last_reviewed_at').notNull().defaultNow(),
    grantedBy: uuid('granted_by'),
    grantedAt: ts('granted_at').notNull().defaultNow(),
    /** A written permission (ข้อ 6.1.9) or order reference for the grant. */
    reference: text('reference'),
    revokedAt: ts('revoked_at'),
    revokedBy: uuid('revoked_by'),
    revokeReason: text('revoke_reason'),
  },
  (t) => [
    index('role_assignments_user_idx').on(t.userId),
    index('role_assignments_office_idx').on(t.officeId),
  ],
);

/** People assigned to an officer's (or access controller's) assignment (ข้อ 6.1.2, 6.1.4). */
export const assignmentPeople = pgTable(
  'assignment_people',
  {
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => roleAssignments.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.assignmentId, t.personId] }),
    index('assignment_people_person_idx').on(t.personId),
  ],
);

/** Record items assigned to a clerk (ข้อ 6.1.3). */
export const assignmentItems = pgTable(
  'assignment_items',
  {
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => roleAssignments.id),
    itemKey: text('item_key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.itemKey] })],
);

// ---------------------------------------------------------------- reference tables
/** Thai public holidays: a dated table an administrator can edit (business-day deadlines). */
export const holidays = pgTable('holidays', {
  date: day('date').primaryKey(),
  nameTh: text('name_th').notNull(),
  kind: text('kind').notNull(),
  confidence: text('confidence'),
  source: text('source'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

// ---------------------------------------------------------------- audit trail
/**
 * Append-only, hash-chained audit trail. `payload` is the canonical JSON (RFC 8785) of the whole
 * event; hash = sha256(prevHash + "\n" + payload). A trigger (migration) refuses UPDATE/DELETE/TRUNCATE.
 * The other columns repeat payload fields for indexing; the verifier checks they agree.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    occurredAt: ts('occurred_at').notNull(),
    eventType: text('event_type').notNull(),
    actorUserId: uuid('actor_user_id'),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    personId: uuid('person_id'),
    payload: text('payload').notNull(),
    prevHash: char('prev_hash', { length: 64 }).notNull(),
    hash: char('hash', { length: 64 }).notNull(),
  },
  (t) => [
    index('audit_events_person_idx').on(t.personId, t.seq),
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
    // The audit screen's filters (ADR 0118): by actor, by period; by item is an expression index
    // on the payload in migration 0018's SQL (drizzle does not model it).
    index('audit_events_actor_idx').on(t.actorUserId, t.seq),
    index('audit_events_occurred_idx').on(t.occurredAt),
  ],
);

// ---------------------------------------------------------------- issued documents and requests (modules/documents)
export * from './schema-documents.ts';
// ---------------------------------------------------------------- bulk import checkpoints (modules/exchange)
export * from './schema-exchange.ts';
// ---------------------------------------------------------------- personal signatures (src/server/modules/signatures)
export * from './schema-signatures.ts';
// ---------------------------------------------------------------- workflows (src/server/modules/workflows)
export * from './schema-workflows.ts';
