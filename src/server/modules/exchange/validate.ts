/**
 * Row validation for imports: the SAME zod schemas as the API (nationalId, personalData,
 * LIST_ITEMS[k].schema) plus the reference checks of validate-entry (real address codes, known
 * offices, one leave row per fiscal year, penalty amendments within the person). A person with
 * any bad row is rejected whole: an import never leaves a partial record (ADR 0105).
 */
import { createHash } from 'node:crypto';
import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import addressData from '../../../../data/reference/thai-addresses.json' with { type: 'json' };
import { createAddressBook } from '../../../domain/address.ts';
import { fieldMessage } from '../../../domain/i18n/fields.ts';
import { PERSON_STATUSES } from '../../../domain/record/enums.ts';
import { LIST_ITEMS, personalData } from '../../../domain/record/items.ts';
import { bahtToSatang, nationalId as nationalIdSchema } from '../../../domain/record/primitives.ts';
import { formatDisplayName, ITEM_TABLES, toRow } from '../records/index.ts';
import {
  cellOf,
  coerce,
  EXCHANGE_ITEMS,
  type ExchangeItem,
  type GroupKey,
  type ItemRow,
  toEntry,
} from './format.ts';
import type { Rec } from './sources.ts';

const addressBook = createAddressBook(addressData as never);

/** A deterministic UUID (v5 layout, SHA-1) so a resumed import writes identical ids. */
export function uuidFrom(key: string): string {
  const h = createHash('sha1').update('khru-import\n').update(key).digest('hex');
  const v = `5${h.slice(13, 16)}`;
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16) + h.slice(17, 20);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${v}-${variant}-${h.slice(20, 32)}`;
}

/** New ids of one import job, in input order (see importIds). */
export type ImportIds = {
  /** The id of the person at this position of people.csv (0-based, over the whole input). */
  person(ordinal: number): string;
  /** Ids for that person's item rows: (item no., row index within the item) → id. */
  rows(ordinal: number): (itemNo: number, rowIndex: number) => string;
};

const PERSON_KIND = 0xfff;

/**
 * Ids for the people and item rows an import creates, increasing in input order within the job,
 * as UUIDs of version 8 (RFC 9562, application-defined layout), 32 hex digits:
 *   48 bits of SHA-1(job id) · version 8 · 12-bit kind (item no., or fff for a person) · variant
 *   · 32-bit position in people.csv · 16-bit row index · 12 more bits of the job's hash.
 * Random ids (one hash per person, as before) put every insert on a random page of each table's
 * primary key and person_id index; at the national scale those indexes outgrow the buffer cache
 * and the database's share of the import grew as it went (≈ half of the CPU by the end of a 600k
 * load). Ids in input order append to the right edge of the indexes instead. Deterministic per job
 * (a resumed job writes the same ids); within a job they differ by kind, position or row index;
 * two jobs differ in 60 bits of their hash; version 8 never equals the app's random v4 ids or
 * uuidFrom's v5. A row index or position beyond the layout falls back to uuidFrom.
 */
export function importIds(importId: string): ImportIds {
  const j = createHash('sha1').update('khru-import-ids\n').update(importId).digest('hex');
  const head = `${j.slice(0, 8)}-${j.slice(8, 12)}-8`;
  const tail = j.slice(12, 15);
  const hex = (n: number, w: number) => n.toString(16).padStart(w, '0');
  // The position's hex digits, split around the variant's dash: computed once per person.
  const at = (ordinal: number) => {
    const o = hex(ordinal, 8);
    return { hi: `-8${o.slice(0, 3)}-`, lo: o.slice(3) };
  };
  const id = (kind: number, o: { hi: string; lo: string }, rowIndex: number) =>
    `${head}${hex(kind, 3)}${o.hi}${o.lo}${hex(rowIndex, 4)}${tail}`;
  return {
    person: (ordinal) =>
      ordinal < 2 ** 32 ? id(PERSON_KIND, at(ordinal), 0) : uuidFrom(`person:${importId}:${ordinal}`),
    rows: (ordinal) => {
      const o = ordinal < 2 ** 32 ? at(ordinal) : null;
      return (itemNo, rowIndex) =>
        o && rowIndex < 1 << 16 && itemNo < PERSON_KIND
          ? id(itemNo, o, rowIndex)
          : uuidFrom(`rows:${importId}:${ordinal}:${itemNo}:${rowIndex}`);
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type RowError = {
  sheet: GroupKey;
  rowNo: number;
  nationalId: string | null;
  field: string | null;
  message: string;
};

export type OfficeRef = { id: string; path: string; code: string };

/** A validated person ready to write: table rows keyed by column name. */
export type PersonPlan = {
  personId: string;
  nationalId: string;
  person: Record<string, unknown>;
  position: { officeId: string; positionNumber: string; title: string } | null;
  /**
   * Item rows, per item: on PostgreSQL their COPY text as UTF-8 bytes (`ValidateCtx.copyText`),
   * otherwise value arrays in ITEM_COLUMNS order (PGlite's json_populate_recordset path).
   */
  items: Partial<Record<ExchangeItem, Buffer | unknown[][]>>;
  counts: Record<string, number>;
};

export type Bundle = { people: Rec; items: Partial<Record<ExchangeItem, ItemRow[]>> };

export type ValidateCtx = {
  offices: Map<string, OfficeRef>;
  /** Officer uploads: people must belong under one of these office paths. */
  officePaths: string[] | null;
  now: string;
  /** The job's ids for new people and rows. */
  ids: ImportIds;
  /**
   * Plans carry each item's rows as COPY text bytes (PostgreSQL). A plan waits for its batch's
   * write; as value arrays it is tens of thousands of small heap objects per batch, some of them
   * slices of the CSV chunk they were read from (keeping the chunk alive), all surviving into
   * V8's old generation. As one Buffer per item they live outside the heap and the cells die
   * young. GC was ≈28 % of a shard's CPU (issue 5 profile).
   */
  copyText?: boolean;
};

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * One value in COPY's text format (PostgreSQL manual, COPY, "Text Format"): `\N` is NULL; a
 * backslash, newline, carriage return or tab inside a value is written as its backslash escape.
 */
function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  const s = typeof v === 'string' ? v : String(v);
  return /[\\\n\r\t]/.test(s) ? s.replace(/[\\\n\r\t]/g, (c) => COPY_ESCAPES[c]!) : s;
}

/**
 * Value arrays as COPY text lines (each ending in a newline). `plain[i]` marks a column whose
 * values the importer makes itself (ids, times, numbers, satang): they never hold a character
 * to escape, so only the data columns pay for the escape check.
 */
function copyLines(rows: readonly unknown[][], plain: readonly boolean[]): string {
  let out = '';
  for (const r of rows) {
    for (let i = 0; i < r.length; i++) {
      const v = r[i];
      const s = v === null || v === undefined ? '\\N' : plain[i] ? String(v) : copyValue(v);
      out += i ? `\t${s}` : s;
    }
    out += '\n';
  }
  return out;
}

/** A table's columns an insert writes, in table order: field key and column name (generated columns left out). */
export function writableColumns(table: PgTable): { key: string; name: string }[] {
  return Object.entries(getTableColumns(table))
    .filter(([, c]) => !(c as unknown as { generated?: unknown }).generated)
    .map(([key, c]) => ({ key, name: c.name }));
}

/** Table columns written by the importer per item, in table order. */
export const ITEM_COLUMNS = Object.fromEntries(
  EXCHANGE_ITEMS.map((k) => [k, writableColumns(ITEM_TABLES[k])]),
) as Record<ExchangeItem, { key: string; name: string }[]>;

type RowMeta = { id: string; personId: string; now: string };

/**
 * Per item, API entry data → the row's values in ITEM_COLUMNS order, as toRow maps them (money
 * to satang as exact decimal text, leave cells to their two columns), in one pass with one array:
 * an import makes tens of millions of these (issue 5).
 */
const ROW_BUILDERS = Object.fromEntries(
  EXCHANGE_ITEMS.map((k) => {
    const cols = ITEM_COLUMNS[k];
    // Money columns are the ones toRow itself turns into satang (found by probing it).
    const money = new Set(
      k === 'leave'
        ? []
        : cols.map((c) => c.key).filter((key) => typeof toRow(k, { [key]: '1.00' })[key] === 'bigint'),
    );
    // Each column's source is decided once per item, not once per cell; `plain` marks the columns
    // whose values the importer makes (ids, times, numbers, satang), not the person's data.
    type Getter = (data: Record<string, unknown>, meta: RowMeta) => unknown;
    const made = (get: Getter) => ({ get, plain: true });
    const sources = cols.map((c): { get: Getter; plain: boolean } => {
      switch (c.key) {
        case 'id':
          return made((_, m) => m.id);
        case 'personId':
          return made((_, m) => m.personId);
        case 'version':
          return made(() => 1);
        case 'createdAt':
        case 'updatedAt':
          return made((_, m) => m.now);
      }
      const leave = k === 'leave' ? /^(\w+?)(Times|Days)$/.exec(c.key) : null;
      if (leave && leave[1] !== 'fiscalYear') {
        const cell = leave[1]!;
        return made(
          leave[2] === 'Times'
            ? (d) => (d[cell] as { times: number }).times
            : (d) => String((d[cell] as { days: number }).days),
        );
      }
      const key = c.key;
      if (money.has(key))
        return made((d) => {
          const v = d[key];
          return v === undefined || v === null ? null : bahtToSatang(String(v)).toString();
        });
      return { get: (d) => d[key] ?? null, plain: false };
    });
    const getters = sources.map((x) => x.get);
    return [
      k,
      {
        plain: sources.map((x) => x.plain),
        build: (data: Record<string, unknown>, meta: RowMeta): unknown[] => {
          const out = new Array<unknown>(getters.length);
          for (let i = 0; i < getters.length; i++) out[i] = getters[i]!(data, meta);
          return out;
        },
      },
    ];
  }),
) as Record<
  ExchangeItem,
  { plain: boolean[]; build: (data: Record<string, unknown>, meta: RowMeta) => unknown[] }
>;

function msgKey(m: string | undefined): string {
  return m?.startsWith('err.') ? m : 'err.invalid';
}

/** Validates one person and all their item rows; returns the plan or the errors. */
export function validateBundle(
  b: Bundle,
  ctx: ValidateCtx,
  ordinal: number,
): { plan: PersonPlan | null; errors: RowError[] } {
  const errors: RowError[] = [];
  const rec = b.people.rec;
  const rawNid = (rec.nationalId ?? '').trim();
  const err = (sheet: GroupKey, rowNo: number, field: string | null, message: string) =>
    errors.push({ sheet, rowNo, nationalId: rawNid || null, field, message });
  const pRow = b.people.rowNo;

  const nid = nationalIdSchema.safeParse(rawNid);
  if (!nid.success)
    err('people', pRow, 'nationalId', fieldMessage('nationalId', msgKey(nid.error.issues[0]?.message)));
  const office = ctx.offices.get((rec.officeCode ?? '').trim());
  if (!office) err('people', pRow, 'officeCode', 'รหัสหน่วยงาน: ไม่พบหน่วยงานนี้ในระบบ');
  else if (ctx.officePaths && !ctx.officePaths.some((p) => office.path.startsWith(p)))
    err('people', pRow, 'officeCode', 'รหัสหน่วยงาน: อยู่นอกหน่วยงานที่ท่านรับผิดชอบ');
  const personal = personalData.safeParse({
    birthDate: coerce('text', rec.birthDate),
    bloodGroup: coerce('text', rec.bloodGroup),
    appointmentDate: coerce('text', rec.appointmentDate),
    subjectGroup: coerce('text', rec.subjectGroup),
  });
  if (!personal.success)
    for (const i of personal.error.issues) {
      const f = i.path.join('.');
      err('people', pRow, f, fieldMessage(f, msgKey(i.message)));
    }
  const status = (rec.status ?? '').trim() || 'active';
  if (!(PERSON_STATUSES as readonly string[]).includes(status))
    err('people', pRow, 'status', fieldMessage('status', 'err.choice'));
  const givenId = (rec.personId ?? '').trim();
  if (givenId && !UUID.test(givenId)) err('people', pRow, 'personId', 'รหัสบุคคล: ต้องเป็น UUID หรือเว้นว่าง');
  const personId = givenId ? givenId.toLowerCase() : ctx.ids.person(ordinal);

  const items: PersonPlan['items'] = {};
  const counts: Record<string, number> = {};
  const parsedByItem: Partial<Record<ExchangeItem, Record<string, unknown>[]>> = {};
  const rowId = ctx.ids.rows(ordinal);
  for (const [itemNo, k] of EXCHANGE_ITEMS.entries()) {
    const rows = b.items[k] ?? [];
    if (!rows.length) continue;
    const out: unknown[][] = [];
    const parsedList: Record<string, unknown>[] = [];
    const fiscalYears = new Set<number>();
    // Penalty amendments point at a row of the same person (discipline only).
    const ids =
      k === 'discipline'
        ? new Set(rows.map((r) => cellOf(r, 'id').trim().toLowerCase()).filter(Boolean))
        : null;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const parsed = LIST_ITEMS[k].schema.safeParse(toEntry(k, r));
      if (!parsed.success) {
        for (const iss of parsed.error.issues) {
          const f = iss.path.join('.');
          err(k, r.rowNo, f, fieldMessage(f, msgKey(iss.message)));
        }
        continue;
      }
      const data = parsed.data as Record<string, unknown>;
      if (k === 'addresses') {
        const p = addressBook.checkAddress(String(data.tambonCode), String(data.postcode));
        if (p) {
          const f = p === 'err.address.tambon' ? 'tambonCode' : 'postcode';
          err(k, r.rowNo, f, fieldMessage(f, p));
          continue;
        }
      }
      if (k === 'service') {
        const code = cellOf(r, 'officeCode').trim();
        if (code) {
          const o = ctx.offices.get(code);
          if (!o) {
            err(k, r.rowNo, 'officeCode', 'รหัสหน่วยงาน: ไม่พบหน่วยงานนี้ในระบบ');
            continue;
          }
          data.officeId = o.id;
        } else data.officeId = null;
      }
      if (k === 'leave') {
        const fy = Number(data.fiscalYear);
        if (fiscalYears.has(fy)) {
          err(k, r.rowNo, 'fiscalYear', 'ปีงบประมาณ: มีรายการของปีงบประมาณนี้แล้ว');
          continue;
        }
        fiscalYears.add(fy);
      }
      if (ids && data.amendsId && !ids.has(String(data.amendsId).toLowerCase())) {
        err(k, r.rowNo, 'amendsId', fieldMessage('amendsId', 'err.invalid'));
        continue;
      }
      const rid = cellOf(r, 'id').trim();
      if (rid && !UUID.test(rid)) {
        err(k, r.rowNo, 'id', 'รหัสรายการ: ต้องเป็น UUID หรือเว้นว่าง');
        continue;
      }
      const id = rid ? rid.toLowerCase() : rowId(itemNo, i);
      parsedList.push(data);
      out.push(ROW_BUILDERS[k].build(data, { id, personId, now: ctx.now }));
    }
    items[k] = ctx.copyText ? Buffer.from(copyLines(out, ROW_BUILDERS[k].plain), 'utf8') : out;
    parsedByItem[k] = parsedList;
    counts[k] = out.length;
  }
  const names = parsedByItem.names ?? [];
  if (!names.length) err('names', pRow, 'names', 'ชื่อ-นามสกุล: ต้องมีอย่างน้อยหนึ่งรายการ');
  if (errors.length || !nid.success || !personal.success || !office) return { plan: null, errors };

  // The current name and position are the latest by date (ties: the later row), as refreshDerived keeps them.
  const latest = <T extends Record<string, unknown>>(xs: T[], key: string) =>
    xs.reduce<T | undefined>((a, x) => (!a || String(x[key]) >= String(a[key]) ? x : a), undefined);
  const n = latest(names, 'effectiveDate')!;
  const s = latest(parsedByItem.service ?? [], 'effectiveDate');
  const positionNumber = (rec.positionNumber ?? '').trim();
  const positionTitle = (s?.positionTitle as string | undefined) ?? null;
  const plan: PersonPlan = {
    personId,
    nationalId: nid.data,
    person: {
      id: personId,
      national_id: nid.data,
      status,
      record_version: 1,
      version: 1,
      birth_date: personal.data.birthDate,
      blood_group: personal.data.bloodGroup,
      appointment_date: personal.data.appointmentDate,
      subject_group: personal.data.subjectGroup,
      office_id: office.id,
      position_id: null,
      display_name: formatDisplayName({
        prefix: String(n.prefix),
        rankTitle: (n.rankTitle as string | null) ?? null,
        firstName: String(n.firstName),
        middleName: (n.middleName as string | null) ?? null,
        lastName: String(n.lastName),
      }),
      search_name: `${n.firstName} ${n.lastName}`,
      current_standing: s ? ((s.standing as string | undefined) ?? 'none') : null,
      current_position_title: positionTitle,
      last_owner_review_at: null,
      created_at: ctx.now,
      updated_at: ctx.now,
    },
    position: positionNumber ? { officeId: office.id, positionNumber, title: positionTitle ?? 'ครู' } : null,
    items,
    counts,
  };
  return { plan, errors };
}
