/**
 * The import/export format (docs/import-format.md): one CSV file or XLSX sheet per item group,
 * a header row of Thai headings each ending with the field key in brackets, e.g.
 * "วันเกิด (birthDate)". Item rows are keyed by national ID. The same column lists drive the
 * template, the importer and the exporter, so an export is always re-importable.
 */
import { getTableColumns } from 'drizzle-orm';
import { fieldLabel } from '../../../domain/i18n/fields.ts';
import { LEAVE_TYPE_LABELS, LEAVE_TYPES } from '../../../domain/record/enums.ts';
import { LIST_ITEMS, type ListItemKey } from '../../../domain/record/items.ts';
import { ITEM_TABLES } from '../records/index.ts';

/** Item groups carried by the format; photos need their image files and are not exchanged. */
export const EXCHANGE_ITEMS = (Object.keys(LIST_ITEMS) as ListItemKey[]).filter((k) => k !== 'photos');
export type ExchangeItem = (typeof EXCHANGE_ITEMS)[number];
export type GroupKey = 'offices' | 'people' | ExchangeItem;
export const GROUPS: GroupKey[] = ['offices', 'people', ...EXCHANGE_ITEMS];

export type ColKind = 'text' | 'int' | 'num' | 'bool';
export type Column = { key: string; kind: ColKind; th: string };

const EXTRA_LABELS: Record<string, string> = {
  nationalId: 'เลขประจำตัวประชาชน',
  id: 'รหัสรายการ (ว่างได้)',
  personId: 'รหัสบุคคล (ว่างได้)',
  officeCode: 'รหัสหน่วยงาน',
  positionNumber: 'เลขที่ตำแหน่ง',
  status: 'สถานะ (active/removed)',
  code: 'รหัสหน่วยงาน',
  nameTh: 'ชื่อหน่วยงาน',
  nameEn: 'ชื่อหน่วยงาน (อังกฤษ)',
  kind: 'ประเภท',
  parentCode: 'รหัสหน่วยงานต้นสังกัด',
  provinceCode: 'รหัสจังหวัด',
  birthDate: 'วันเกิด',
  bloodGroup: 'หมู่โลหิต',
  appointmentDate: 'วันบรรจุ',
  subjectGroup: 'กลุ่มวิชา/สาขา',
};

function label(key: string): string {
  const leave = /^(\w+)\.(times|days)$/.exec(key);
  if (leave && leave[1]! in LEAVE_TYPE_LABELS)
    return `${LEAVE_TYPE_LABELS[leave[1] as keyof typeof LEAVE_TYPE_LABELS].th} ${leave[2] === 'times' ? 'ครั้ง' : 'วัน'}`;
  return EXTRA_LABELS[key] ?? fieldLabel(key, 'th');
}
const col = (key: string, kind: ColKind = 'text'): Column => ({ key, kind, th: label(key) });

const NOT_DATA = new Set(['id', 'personId', 'version', 'createdAt', 'updatedAt', 'orderId']);

/** The data fields of an item in API shape (as records' item 27 compares them; leave flattened). */
function dataFields(item: ExchangeItem): string[] {
  const cols = Object.keys(getTableColumns(ITEM_TABLES[item])).filter((k) => !NOT_DATA.has(k));
  if (item !== 'leave') return cols;
  return ['fiscalYear', ...LEAVE_TYPES.flatMap((t) => [`${t}.times`, `${t}.days`])];
}

function itemColumns(item: ExchangeItem): Column[] {
  const table = getTableColumns(ITEM_TABLES[item]) as Record<string, { columnType: string }>;
  const out: Column[] = [col('nationalId'), col('id')];
  for (const f of dataFields(item)) {
    if (item === 'service' && f === 'officeId') {
      out.push(col('officeCode'));
      continue;
    }
    if (item === 'leave' && f.includes('.')) {
      out.push(col(f, f.endsWith('.times') ? 'int' : 'num'));
      continue;
    }
    const t = table[f]?.columnType;
    out.push(col(f, t === 'PgInteger' ? 'int' : t === 'PgBoolean' ? 'bool' : 'text'));
  }
  return out;
}

/** Column list per group, in template order. */
export const COLUMNS: Record<GroupKey, Column[]> = {
  offices: ['code', 'nameTh', 'nameEn', 'kind', 'parentCode', 'provinceCode'].map((k) => col(k)),
  people: [
    col('nationalId'),
    col('personId'),
    col('officeCode'),
    col('positionNumber'),
    col('status'),
    col('birthDate'),
    col('bloodGroup'),
    col('appointmentDate'),
    col('subjectGroup'),
  ],
  ...(Object.fromEntries(EXCHANGE_ITEMS.map((k) => [k, itemColumns(k)])) as Record<ExchangeItem, Column[]>),
};

/** Thai sheet titles (the XLSX sheet itself is named by the group key: Excel allows 31 characters). */
export const GROUP_TITLES: Record<GroupKey, string> = {
  offices: 'หน่วยงาน',
  people: 'บุคลากร (ข้อมูลส่วนตัว)',
  ...(Object.fromEntries(EXCHANGE_ITEMS.map((k) => [k, LIST_ITEMS[k].th])) as Record<ExchangeItem, string>),
};

/** The heading written for a column: "วันเกิด (birthDate)". */
export const heading = (c: Column) => `${c.th} (${c.key})`;

/** Maps a header cell back to its key: the bracketed key, the bare key, or the Thai label. */
export function headerKey(group: GroupKey, cell: string): string {
  const s = cell.replace(/^\uFEFF/, '').trim();
  const m = /\(([A-Za-z][A-Za-z0-9_.]*)\)\s*$/.exec(s);
  if (m) return m[1]!;
  const cols = COLUMNS[group];
  return (cols.find((c) => c.key === s) ?? cols.find((c) => c.th === s))?.key ?? s;
}

const TRUE = new Set(['true', '1', 'y', 'yes', 'ใช่', 'จริง']);
const FALSE = new Set(['false', '0', 'n', 'no', 'ไม่ใช่', 'ไม่']);

/**
 * A cell string → the value the API schema expects. Empty is null; numbers and booleans are
 * converted only when they parse, otherwise the raw text goes on so the schema names the error.
 */
export function coerce(kind: ColKind, raw: string | null | undefined): unknown {
  if (raw === null || raw === undefined) return null;
  const s = String(raw).trim();
  if (s === '') return null;
  if (kind === 'int' || kind === 'num') {
    const n = Number(s);
    return Number.isFinite(n) ? n : s;
  }
  if (kind === 'bool') {
    const l = s.toLowerCase();
    return TRUE.has(l) ? true : FALSE.has(l) ? false : s;
  }
  return s;
}

/** Header key → cell index, one per file (or sheet), shared by all its rows. */
export type ColumnIndex = Readonly<Record<string, number>>;

/**
 * An item row as read: its cells as strings, its file's column index, and its row number as a
 * spreadsheet shows it. Item rows are tens of millions in a national import, so a row is not
 * turned into an object keyed by field: toEntry reads the cells by index.
 */
export type ItemRow = { rowNo: number; cells: readonly string[]; cols: ColumnIndex };

/** The column index of a header row (its field keys, in file order). */
export function columnIndex(keys: readonly string[]): ColumnIndex {
  // No prototype: a heading is the file's text, and a key like "constructor" must not find one.
  const cols: Record<string, number> = Object.create(null);
  // A repeated heading: the last one wins, as it did when rows were objects keyed by field.
  keys.forEach((k, i) => {
    cols[k] = i;
  });
  return cols;
}

/** A cell of an item row by field key ('' if the file has no such column). */
export function cellOf(r: ItemRow, key: string): string {
  const i = r.cols[key];
  return i === undefined ? '' : (r.cells[i] ?? '');
}

type EntryPlan = {
  /** Plain fields: entry key, kind, cell index (-1: not in the file). */
  fields: { key: string; kind: ColKind; at: number }[];
  /** Leave cells: entry key and the cell indexes of its times and days (-1: not in the file). */
  leave: { key: string; times: number; days: number }[];
};

/** Per item and file, where toEntry finds each field, decided once per file (not per row). */
const ENTRY_PLANS = new WeakMap<ColumnIndex, Partial<Record<ExchangeItem, EntryPlan>>>();

function entryPlan(item: ExchangeItem, cols: ColumnIndex): EntryPlan {
  let perFile = ENTRY_PLANS.get(cols);
  if (!perFile) {
    perFile = {};
    ENTRY_PLANS.set(cols, perFile);
  }
  const known = perFile[item];
  if (known) return known;
  const at = (key: string) => cols[key] ?? -1;
  const plan: EntryPlan = { fields: [], leave: [] };
  for (const c of COLUMNS[item]) {
    if (c.key === 'nationalId' || c.key === 'id' || c.key === 'officeCode') continue;
    const dot = item === 'leave' ? c.key.indexOf('.') : -1;
    if (dot < 0) {
      plan.fields.push({ key: c.key, kind: c.kind, at: at(c.key) });
      continue;
    }
    const key = c.key.slice(0, dot);
    if (!plan.leave.some((l) => l.key === key))
      plan.leave.push({ key, times: at(`${key}.times`), days: at(`${key}.days`) });
  }
  perFile[item] = plan;
  return plan;
}

/** Flat CSV/XLSX row of an item → the API entry shape (leave cells nested as {times, days}). */
export function toEntry(item: ExchangeItem, row: ItemRow): Record<string, unknown> {
  const plan = entryPlan(item, row.cols);
  const cells = row.cells;
  const out: Record<string, unknown> = {};
  for (const f of plan.fields) out[f.key] = f.at < 0 ? null : coerce(f.kind, cells[f.at]);
  for (const l of plan.leave)
    out[l.key] = {
      times: (l.times < 0 ? null : coerce('int', cells[l.times])) ?? 0,
      days: (l.days < 0 ? null : coerce('num', cells[l.days])) ?? 0,
    };
  return out;
}

/** API entry → flat cells for CSV/XLSX (inverse of toEntry). */
export function fromEntry(item: ExchangeItem, e: Record<string, unknown>): Record<string, unknown> {
  if (item !== 'leave') return e;
  const out: Record<string, unknown> = { ...e };
  for (const t of LEAVE_TYPES) {
    const cell = e[t] as { times: number; days: number } | undefined;
    delete out[t];
    out[`${t}.times`] = cell?.times ?? 0;
    out[`${t}.days`] = cell?.days ?? 0;
  }
  return out;
}

/**
 * CSV cells that a spreadsheet would run as a formula (OWASP "CSV injection": a cell beginning
 * with =, +, -, @, tab or CR, or a full-width =, +, -, @) are written with a leading apostrophe by csv-stringify's
 * `escape_formulas` (issue 17 §4, ADR 0114). These are the options every CSV writer uses.
 */
export const CSV_WRITE_OPTIONS = { escape_formulas: true } as const;

/**
 * Undoes `escape_formulas` on import, so an exported CSV re-imports to the same content: an
 * apostrophe followed by one of the escaped first characters is dropped; anything else is kept.
 */
export function unescapeCsvFormula(v: string): string {
  return v.length > 1 && v[0] === "'" && '=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20'.includes(v[1]!) ? v.slice(1) : v;
}

/** Cell text for a value (dates stay ISO, booleans true/false, null empty). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v);
}
