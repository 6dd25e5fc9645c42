import { createHash } from 'node:crypto';
import { and, asc, eq, ilike, like, or, type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { todayInBangkok } from '../../../domain/iso-date.ts';
import { isPhotoDue } from '../../../domain/record/documents.ts';
import { LIST_ITEM_KEYS, type ListItemKey, RECORD_ITEM_KEYS } from '../../../domain/record/items.ts';
import type { HistoryRow, RecordView } from '../../../domain/record/record-view.ts';
import { retirementDate, sixtiethBirthday } from '../../../domain/retirement.ts';
import type { Actor, PersonAccess } from '../../platform/authz/index.ts';
import { accessFactsSql, accessFromFacts, personScope } from '../../platform/authz/index.ts';
import type { DbHandle, Executor } from '../../platform/db/index.ts';
import { schema } from '../../platform/db/index.ts';
import { RECORD_SELECT, RECORD_SQL } from './item-tables.ts';

const { persons, offices, auditEvents } = schema;

export type PersonRow = typeof persons.$inferSelect;

/** Loads a person only if the actor may see them; otherwise null (→ 404). */
export async function findPersonInScope(
  ex: Executor,
  actor: Actor,
  personId: string,
): Promise<PersonRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(personId)) return null;
  const [row] = await ex
    .select()
    .from(persons)
    .where(and(eq(persons.id, personId), personScope(actor)));
  return row ?? null;
}

/** A row of RECORD_SELECT: `items` is the JSON text of every list item in API shape. */
type RecordRow = {
  person: Record<string, string | number | null>;
  items: string;
  office: RecordView['person']['office'];
  position: RecordView['person']['position'];
  photo_years: number[];
};

function personView(row: RecordRow, readable: ReadonlySet<string>): RecordView['person'] {
  const p = row.person;
  const personal = readable.has('personal');
  const birth = personal ? (p.birthDate as string | null) : null;
  return {
    id: p.id as string,
    nationalId: p.nationalId as string,
    status: p.status as RecordView['person']['status'],
    recordVersion: Number(p.recordVersion),
    version: Number(p.version),
    birthDate: birth,
    bloodGroup: personal ? (p.bloodGroup as string | null) : null,
    appointmentDate: personal ? (p.appointmentDate as string | null) : null,
    retirementDate: birth ? retirementDate(birth) : null,
    sixtiethBirthday: birth ? sixtiethBirthday(birth) : null,
    subjectGroup: personal ? (p.subjectGroup as string | null) : null,
    office: row.office,
    position: row.position,
    displayName: p.displayName as string,
    updatedAt: new Date(p.updatedAt as string).toISOString(),
    photoDue: readable.has('photos')
      ? isPhotoDue(row.photo_years.map(Number), Number(todayInBangkok().slice(0, 4)) + 543)
      : false,
  };
}

/** The list items the caller may read, from the record's items JSON. */
function readableItems(itemsJson: string, readable: ReadonlySet<string>): RecordView['items'] {
  const all = JSON.parse(itemsJson) as Record<ListItemKey, Record<string, unknown>[]>;
  const items: RecordView['items'] = {};
  for (const k of LIST_ITEM_KEYS) if (readable.has(k)) (items as Record<string, unknown>)[k] = all[k] ?? [];
  return items;
}

/** The full record as one round trip, filtered to the items the caller may read. */
export async function readRecord(
  h: DbHandle,
  personId: string,
  access: PersonAccess,
): Promise<RecordView | null> {
  const [row] = await h.query<RecordRow>(RECORD_SQL, [personId], 'khru_record');
  if (!row) return null;
  const readable = new Set<string>(access.read);
  return {
    person: personView(row, readable),
    items: readableItems(row.items, readable),
    allowed: { read: access.read, edit: access.edit },
    asOf: new Date().toISOString(),
  };
}

const dialect = new PgDialect();
const statementNames = new Map<string, string>();
/** A prepared-statement name per distinct SQL text (scopes differ by shape, not by value). */
function statementName(text: string): string {
  let n = statementNames.get(text);
  if (!n) {
    n = `khru_rec_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    statementNames.set(text, n);
  }
  return n;
}

/**
 * GET /people/:id/record in ONE statement: scope check (personScope), the facts for access and
 * the whole record; the response is assembled around the items JSON text PostgreSQL built, with
 * no parse and re-serialise of the ≈25 KB body when every item is readable (the common case for
 * officers). null → 404: outside scope, or nothing readable.
 */
export async function readRecordResponse(
  h: DbHandle,
  actor: Actor,
  personId: string,
): Promise<string | null> {
  if (!/^[0-9a-f-]{36}$/i.test(personId)) return null;
  const q = dialect.sqlToQuery(
    sql`select ${sql.raw(RECORD_SELECT)}, ${accessFactsSql(actor)} from ${persons} where ${persons.id} = ${personId} and ${personScope(actor)}`,
  );
  const [row] = await h.query<
    RecordRow & {
      office_path: string | null;
      office_province: string | null;
      assigned_here: string[];
      onboarding_open: boolean;
    }
  >(q.sql, q.params, statementName(q.sql));
  if (!row) return null;
  const access = accessFromFacts(
    actor,
    { id: row.person.id as string, status: row.person.status as string },
    {
      officePath: row.office_path,
      officeProvince: row.office_province,
      assignedHere: row.assigned_here,
      onboardingOpen: row.onboarding_open,
    },
  );
  if (access.read.length === 0) return null;
  const readable = new Set<string>(access.read);
  const items = LIST_ITEM_KEYS.every((k) => readable.has(k))
    ? row.items
    : JSON.stringify(readableItems(row.items, readable));
  return `{"person":${JSON.stringify(personView(row, readable))},"items":${items},"allowed":${JSON.stringify({ read: access.read, edit: access.edit })},"asOf":"${new Date().toISOString()}"}`;
}

/** Item 27: change history from the audit trail, limited to the items the caller may read. */
export async function readHistory(
  ex: Executor,
  personId: string,
  readable: readonly string[],
  limit = 500,
): Promise<HistoryRow[]> {
  const rows = await ex
    .select({ seq: auditEvents.seq, payload: auditEvents.payload })
    .from(auditEvents)
    .where(and(eq(auditEvents.personId, personId), eq(auditEvents.entityType, 'record')))
    .orderBy(sql`${auditEvents.seq} desc`)
    .limit(limit);
  const allowed = new Set(readable);
  const out: HistoryRow[] = [];
  for (const r of rows) {
    const p = JSON.parse(r.payload) as {
      occurredAt: string;
      item: string;
      actor: { name: string };
      changes: { field: string; from: string | null; to: string | null }[];
    };
    if (!allowed.has(p.item)) continue;
    for (const c of p.changes)
      out.push({
        at: p.occurredAt,
        item: p.item as HistoryRow['item'],
        field: c.field,
        from: c.from,
        to: c.to,
        actorName: p.actor.name,
        eventSeq: r.seq,
      });
  }
  return out;
}

export type SearchParams = {
  q?: string | undefined;
  nationalId?: string | undefined;
  officeId?: string | undefined;
  positionTitle?: string | undefined;
  standing?: string | undefined;
  status?: 'active' | 'removed' | undefined;
  page: number;
  pageSize: number;
  sort: 'name' | 'office' | 'appointmentDate';
};

export type PersonListItem = {
  id: string;
  nationalId: string;
  displayName: string;
  status: string;
  officeId: string | null;
  officeName: string | null;
  positionTitle: string | null;
  standing: string | null;
  appointmentDate: string | null;
};

/**
 * The two statements of the officer search (count and page), built but not run: searchPeople
 * runs them; the plan test (tests/api/search-plans.test.ts) EXPLAINs them.
 */
export function searchQueries(ex: Executor, actor: Actor, s: SearchParams) {
  const conds: (SQL | undefined)[] = [personScope(actor)];
  if (s.q) {
    const q = s.q.normalize('NFC').trim().replace(/\s+/g, ' ');
    const esc = q.replace(/[\\%_]/g, (c) => `\\${c}`);
    // Prefix: btree (text_pattern_ops) on search_name. Substring: the GIN index of the name's
    // character bigrams/trigrams narrows the candidates, ILIKE rechecks them (ADR 0106; pg_trgm
    // does not index Thai in C-locale databases). One character is matched as a prefix only.
    const prefix = like(persons.searchName, `${esc}%`);
    conds.push(
      q.length >= 2
        ? or(
            prefix,
            and(sql`${persons.searchGrams} @> khru_grams(${q})`, ilike(persons.searchName, `%${esc}%`)),
          )
        : prefix,
    );
  }
  if (s.nationalId) conds.push(eq(persons.nationalId, s.nationalId));
  if (s.officeId)
    conds.push(
      sql`${persons.officeId} in (select o.id from ${offices} o where o.path like (select path from ${offices} where id = ${s.officeId}) || '%')`,
    );
  // Position titles are matched from their start (ครู, ครูผู้ช่วย, ผู้อำนวยการ…), from the btree index.
  if (s.positionTitle)
    conds.push(like(persons.currentPositionTitle, `${s.positionTitle.replace(/[\\%_]/g, '')}%`));
  if (s.standing) conds.push(eq(persons.currentStanding, s.standing));
  if (s.status) conds.push(eq(persons.status, s.status));
  const where = and(...conds);
  const order =
    s.sort === 'office'
      ? [sql`${offices.nameTh} collate th`, sql`${persons.displayName} collate th`]
      : s.sort === 'appointmentDate'
        ? [asc(persons.appointmentDate), sql`${persons.displayName} collate th`]
        : s.q
          ? // A name query matches a few thousand people at most: fetch them from the name indexes and
            // sort those. Ordering by an expression the display-name index does not cover stops the
            // planner from walking that index and filtering most of the country (ADR 0106: 472 → 18 ms
            // at 100k people).
            [sql`(${persons.displayName} || '') collate th`, asc(persons.id)]
          : [sql`${persons.displayName} collate th`, asc(persons.id)];
  const count = ex.select({ total: sql<number>`count(*)::int` }).from(persons).where(where);
  const page = ex
    .select({
      id: persons.id,
      nationalId: persons.nationalId,
      displayName: persons.displayName,
      status: persons.status,
      officeId: persons.officeId,
      officeName: offices.nameTh,
      positionTitle: persons.currentPositionTitle,
      standing: persons.currentStanding,
      appointmentDate: persons.appointmentDate,
    })
    .from(persons)
    .leftJoin(offices, eq(offices.id, persons.officeId))
    .where(where)
    .orderBy(...order)
    .limit(s.pageSize)
    .offset((s.page - 1) * s.pageSize);
  return { count, page };
}

/** Officer search within the caller's scope: Thai name (prefix or substring), ID, office, position, standing. */
export async function searchPeople(ex: Executor, actor: Actor, s: SearchParams) {
  const q = searchQueries(ex, actor, s);
  const [{ total } = { total: 0 }] = await q.count;
  const rows = await q.page;
  return { total: Number(total), page: s.page, pageSize: s.pageSize, items: rows as PersonListItem[] };
}

export const ALL_ITEMS = RECORD_ITEM_KEYS;
