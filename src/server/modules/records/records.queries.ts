import { and, asc, eq, ilike, like, or, type SQL, sql } from 'drizzle-orm';
import { todayInBangkok } from '../../../domain/iso-date.ts';
import { isPhotoDue } from '../../../domain/record/documents.ts';
import { LIST_ITEM_KEYS, type ListItemKey, RECORD_ITEM_KEYS } from '../../../domain/record/items.ts';
import type { HistoryRow, RecordView } from '../../../domain/record/record-view.ts';
import { retirementDate, sixtiethBirthday } from '../../../domain/retirement.ts';
import type { Actor, PersonAccess } from '../../platform/authz/index.ts';
import { personScope } from '../../platform/authz/index.ts';
import type { DbHandle, Executor } from '../../platform/db/index.ts';
import { schema } from '../../platform/db/index.ts';
import { fromRow, RECORD_SQL } from './item-tables.ts';

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

type RecordJson = {
  person: Record<string, unknown>;
  items: Record<ListItemKey, Record<string, unknown>[]>;
  office: RecordView['person']['office'];
  position: RecordView['person']['position'];
};

/** The full record as one round trip, filtered to the items the caller may read. */
export async function readRecord(
  h: DbHandle,
  personId: string,
  access: PersonAccess,
): Promise<RecordView | null> {
  const [row] = await h.query<RecordJson>(RECORD_SQL, [personId]);
  if (!row) return null;
  const p = row.person as Record<string, string | number | null>;
  const readable = new Set(access.read);
  const personal = readable.has('personal');
  const items: RecordView['items'] = {};
  for (const k of LIST_ITEM_KEYS) {
    if (!readable.has(k)) continue;
    (items as Record<string, unknown>)[k] = (row.items[k] ?? []).map((e) => fromRow(k, e));
  }
  const birth = personal ? (p.birthDate as string | null) : null;
  return {
    person: {
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
        ? isPhotoDue(
            (row.items.photos ?? []).map((e) => Number(fromRow('photos', e).yearBE)),
            Number(todayInBangkok().slice(0, 4)) + 543,
          )
        : false,
    },
    items,
    allowed: { read: access.read, edit: access.edit },
    asOf: new Date().toISOString(),
  };
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
