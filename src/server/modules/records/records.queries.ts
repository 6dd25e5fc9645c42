import { createHash } from 'node:crypto';
import { and, asc, eq, ilike, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import { PgDialect, union } from 'drizzle-orm/pg-core';
import { todayInBangkok } from '../../../domain/iso-date.ts';
import { stripNameTitles } from '../../../domain/name-search.ts';
import { isPhotoDue } from '../../../domain/record/documents.ts';
import { LIST_ITEM_KEYS, type ListItemKey, RECORD_ITEM_KEYS } from '../../../domain/record/items.ts';
import type { HistoryRow, RecordView } from '../../../domain/record/record-view.ts';
import { retirementDate, sixtiethBirthday } from '../../../domain/retirement.ts';
import type { Actor, PersonAccess } from '../../platform/authz/index.ts';
import { accessFactsSql, accessFromFacts, personScope } from '../../platform/authz/index.ts';
import type { DbHandle, Executor } from '../../platform/db/index.ts';
import { schema } from '../../platform/db/index.ts';
import { ITEMS_JSON_SQL, RECORD_HEAD_SELECT, type RECORD_PERSON_FIELDS, RECORD_SQL } from './item-tables.ts';

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
  person: Record<(typeof RECORD_PERSON_FIELDS)[number], string | number | null>;
  items: string;
  office: RecordView['person']['office'];
  position: RecordView['person']['position'];
  photo_years: number[];
};

function personView(row: Omit<RecordRow, 'items'>, readable: ReadonlySet<string>): RecordView['person'] {
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
    allowed: { read: access.read, edit: access.edit, correctionOnly: access.correctionOnly },
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
 * The items JSON of one person for the read model (ADR 0108): computed from the item tables and
 * stored, under FOR SHARE on the person so that a concurrent change (whose trigger takes FOR NO KEY
 * UPDATE on the person and then removes the stored JSON) is either wholly before the computation
 * or removes it afterwards. A cache fill, not a change of the record: no audit event.
 */
async function fillItemsJson(h: DbHandle, personId: string): Promise<string> {
  return h.db.transaction(async (tx) => {
    await tx.execute(sql`select 1 from ${persons} where ${persons.id} = ${personId} for share`);
    const r = (await tx.execute(
      sql`insert into record_items_json (person_id, items)
          select ${persons.id}, ${sql.raw(ITEMS_JSON_SQL)} from ${persons} where ${persons.id} = ${personId}
          on conflict (person_id) do update set items = excluded.items, built_at = now()
          returning items`,
    )) as unknown as { rows: { items: string }[] };
    return r.rows[0]!.items;
  });
}

type RecordStatement = { sql: string; params: unknown[]; personAt: number; name: string };
const recordStatements = new Map<string, RecordStatement>();
const byAssignments = new WeakMap<Actor['assignments'], { personId: string | null; st: RecordStatement }>();
/**
 * Stands for the record's person id while the statement is built. No actor value can equal it:
 * actors come from the database, and PostgreSQL text cannot hold NUL.
 */
const PERSON_SLOT = '\u0000record-person-id';

/**
 * The full-record statement for an actor: its text and parameters depend only on the actor's own
 * person and assignments (personScope, accessFactsSql), so it is built once per distinct actor
 * scope and reused with the record's id put in its slot, instead of being built with drizzle on
 * every request of the hot read (issue 5). Bounded: cleared after 1,000 distinct scopes.
 */
function recordStatement(actor: Actor): RecordStatement {
  // A session served from the session cache (ADR 0109) brings the same frozen assignments array
  // on every request: its statement is remembered on it, without building the key.
  const memo = byAssignments.get(actor.assignments);
  if (memo?.personId === actor.personId) return memo.st;
  const key = JSON.stringify([actor.personId, actor.assignments]);
  let st = recordStatements.get(key);
  if (!st) {
    const q = dialect.sqlToQuery(
      sql`select ${sql.raw(RECORD_HEAD_SELECT)}, (select c.items from record_items_json c where c.person_id = ${persons.id}) as items,
        ${accessFactsSql(actor)} from ${persons} where ${persons.id} = ${PERSON_SLOT} and ${personScope(actor)}`,
    );
    const personAt = q.params.indexOf(PERSON_SLOT);
    if (personAt < 0 || q.params.lastIndexOf(PERSON_SLOT) !== personAt)
      throw new Error('record statement: the person id must be exactly one parameter');
    if (recordStatements.size >= 1000) recordStatements.clear();
    st = { sql: q.sql, params: q.params, personAt, name: statementName(q.sql) };
    recordStatements.set(key, st);
  }
  if (Object.isFrozen(actor.assignments))
    byAssignments.set(actor.assignments, { personId: actor.personId, st });
  return st;
}

/**
 * GET /people/:id/record in ONE statement: scope check (personScope), the facts for access, the
 * person and the items JSON from the read model; the response is assembled around that JSON text
 * with no parse and re-serialise of the ≈25 KB body when every item is readable (the common case
 * for officers). A person read for the first time since a change fills the read model first.
 * null → 404: outside scope, or nothing readable.
 */
export async function readRecordResponse(
  h: DbHandle,
  actor: Actor,
  personId: string,
): Promise<string | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(personId)) return null;
  const q = recordStatement(actor);
  const params = q.params.slice();
  params[q.personAt] = personId;
  const [row] = await h.query<
    Omit<RecordRow, 'items'> & {
      items: string | null;
      office_path: string | null;
      office_province: string | null;
      assigned_here: string[];
      onboarding_open: boolean;
      onboarding_in_progress: boolean;
    }
  >(q.sql, params, q.name);
  if (!row) return null;
  const access = accessFromFacts(
    actor,
    { id: row.person.id as string, status: row.person.status as string },
    {
      officePath: row.office_path,
      officeProvince: row.office_province,
      assignedHere: row.assigned_here,
      onboardingOpen: row.onboarding_open,
      onboardingInProgress: row.onboarding_in_progress,
    },
  );
  if (access.read.length === 0) return null;
  const itemsJson = row.items ?? (await fillItemsJson(h, row.person.id as string));
  const readable = new Set<string>(access.read);
  const items = LIST_ITEM_KEYS.every((k) => readable.has(k))
    ? itemsJson
    : JSON.stringify(readableItems(itemsJson, readable));
  return `{"person":${JSON.stringify(personView(row, readable))},"items":${items},"allowed":${JSON.stringify({ read: access.read, edit: access.edit, correctionOnly: access.correctionOnly })},"asOf":"${new Date().toISOString()}"}`;
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

/** Matches counted at most; beyond it the result says "more than" (totalCapped). */
export const SEARCH_COUNT_CAP = 1000;

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
  const filters = and(...conds);
  let prefix: SQL | undefined;
  let substring: SQL | undefined;
  if (s.q) {
    // Typed as on a document ("นางสาวปิยะนุช ใจดี"): the title is not part of search_name.
    const q = stripNameTitles(s.q);
    const esc = q.replace(/[\\%_]/g, (c) => `\\${c}`);
    // Prefix: btree (text_pattern_ops) on search_name. Substring: the GIN index of the name's
    // character grams narrows the candidates (the query's trigrams, khru_query_grams), LIKE
    // rechecks them (ADR 0106; pg_trgm does not index Thai in C-locale databases). One character
    // is matched as a prefix only.
    prefix = like(persons.searchName, `${esc}%`);
    // Thai has no letter case: for a query without cased letters LIKE finds exactly what ILIKE
    // would, without lower-casing every candidate name (≈2 µs a row).
    const uncased = q === q.toLowerCase() && q === q.toUpperCase();
    const contains = uncased ? like(persons.searchName, `%${esc}%`) : ilike(persons.searchName, `%${esc}%`);
    if (q.length >= 2) substring = and(sql`${persons.searchGrams} @> khru_query_grams(${q})`, contains);
  }
  const where = and(filters, substring ? or(prefix, substring) : prefix);
  const order =
    s.sort === 'office'
      ? [sql`${offices.nameTh} collate th`, sql`${persons.searchName} collate th`]
      : s.sort === 'appointmentDate'
        ? [asc(persons.appointmentDate), sql`${persons.searchName} collate th`]
        : // By first name, then surname, titles ignored, as Thai offices list people.
          [sql`${persons.searchName} collate th`, asc(persons.id)];
  // The count stops at SEARCH_COUNT_CAP + 1 matches: a broad name ("ศิร…" is 13,000 people
  // nationally) need not be counted to the last row to say "more than 1,000 — narrow it down".
  const matches = ex
    .select({ one: sql`1` })
    .from(persons)
    .where(where)
    .limit(SEARCH_COUNT_CAP + 1)
    .as('matches');
  const count = ex.select({ total: sql<number>`count(*)::int` }).from(matches);
  const fields = {
    id: persons.id,
    nationalId: persons.nationalId,
    displayName: persons.displayName,
    status: persons.status,
    officeId: persons.officeId,
    positionTitle: persons.currentPositionTitle,
    standing: persons.currentStanding,
    appointmentDate: persons.appointmentDate,
  };
  // The office name as a scalar subquery: with ORDER BY … LIMIT the planner evaluates it for the
  // page's rows only, instead of hashing every office of the country into a join.
  const officeName = sql<
    string | null
  >`(select ${offices.nameTh} from ${offices} where ${offices.id} = ${persons.officeId})`;
  /** A page sorted by office or by a column: the persons matching `pageWhere`, office name joined. */
  const sortedPage = (
    base: Pick<typeof ex, 'select'>,
    pageWhere: SQL | undefined,
    matches: SQL<number | null>,
  ) =>
    s.sort === 'office'
      ? base
          .select({ ...fields, officeName: offices.nameTh, matches })
          .from(persons)
          .leftJoin(offices, eq(offices.id, persons.officeId))
          .where(pageWhere)
          .orderBy(...order)
          .limit(s.pageSize)
          .offset((s.page - 1) * s.pageSize)
      : base
          .select({ ...fields, officeName, matches })
          .from(persons)
          .where(pageWhere)
          .orderBy(...order)
          .limit(s.pageSize)
          .offset((s.page - 1) * s.pageSize);
  if (!s.q) return { count, page: sortedPage(ex, where, sql<number | null>`null::int`) };
  // A name query: ONE statement finds at most SEARCH_COUNT_CAP + 1 matches (the candidates),
  // counts them and fetches the page. The prefix btree is read first; the substring GIN index
  // only when the prefix alone leaves room under the cap (its gating subquery is a one-time
  // filter: a broad prefix never runs the GIN scan). The page is the same as sorting all matches
  // whenever the count is exact; past the cap (totalCapped) the officer is asked to narrow the
  // name, and no query fetches and collates 13,000 rows for one page of 20. The candidates carry
  // the display name, so the sort reads no person twice; the page joins back for its 20 rows.
  const cap = SEARCH_COUNT_CAP + 1;
  const pre = ex
    .$with('pre')
    .as(
      ex
        .select({ id: persons.id, dn: persons.searchName })
        .from(persons)
        .where(and(filters, prefix))
        .limit(cap),
    );
  const cand = ex.$with('cand').as(
    substring
      ? union(
          ex.select().from(pre),
          ex
            .select({ id: persons.id, dn: persons.searchName })
            .from(persons)
            .where(and(filters, substring, sql`(select count(*) from ${pre}) < ${cap}`))
            .limit(cap),
        ).limit(cap)
      : ex.select().from(pre),
  );
  const matchCount = sql<number | null>`(select count(*)::int from ${cand})`;
  if (s.sort !== 'name')
    return {
      count,
      page: sortedPage(
        ex.with(pre, cand),
        inArray(persons.id, ex.select({ id: cand.id }).from(cand)),
        matchCount,
      ),
    };
  // Sorted by an expression no index covers ((dn || '') collate th): the planner sorts the
  // candidates instead of walking the display-name index and filtering (ADR 0106).
  const byName = [sql`(${cand.dn} || '') collate th`, asc(cand.id)];
  const pg = ex.$with('pg').as(
    ex
      .select({ id: cand.id, dn: cand.dn })
      .from(cand)
      .orderBy(...byName)
      .limit(s.pageSize)
      .offset((s.page - 1) * s.pageSize),
  );
  const page = ex
    .with(pre, cand, pg)
    .select({ ...fields, officeName, matches: matchCount })
    .from(pg)
    .innerJoin(persons, eq(persons.id, pg.id))
    .orderBy(sql`(${pg.dn} || '') collate th`, asc(pg.id));
  return { count, page };
}

/** Officer search within the caller's scope: Thai name (prefix or substring), ID, office, position, standing. */
export async function searchPeople(ex: Executor, actor: Actor, s: SearchParams) {
  const q = searchQueries(ex, actor, s);
  const rows = await q.page;
  // A name query's page carries the (capped) count; otherwise, or past the last page, count apart.
  const n =
    rows[0] && rows[0].matches !== null ? Number(rows[0].matches) : Number((await q.count)[0]?.total ?? 0);
  return {
    total: Math.min(n, SEARCH_COUNT_CAP),
    totalCapped: n > SEARCH_COUNT_CAP,
    page: s.page,
    pageSize: s.pageSize,
    items: rows.map(({ matches: _, ...r }) => r) as PersonListItem[],
  };
}

export const ALL_ITEMS = RECORD_ITEM_KEYS;
