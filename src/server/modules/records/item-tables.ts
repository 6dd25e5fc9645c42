import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { LEAVE_TYPES } from '../../../domain/record/enums.ts';
import { LIST_ITEM_KEYS, type ListItemKey } from '../../../domain/record/items.ts';
import { bahtToSatang, satangToBaht } from '../../../domain/record/primitives.ts';
import { schema } from '../../platform/db/index.ts';

/** The structured table behind each list item of ก.ค.ศ.๑๖. */
export const ITEM_TABLES = {
  names: schema.personNames,
  family: schema.personFamily,
  addresses: schema.personAddresses,
  licences: schema.personLicences,
  education: schema.personEducation,
  service: schema.personService,
  training: schema.personTraining,
  research: schema.personResearch,
  studyVisits: schema.personStudyVisits,
  abilities: schema.personAbilities,
  specialDuties: schema.personSpecialDuties,
  discipline: schema.personDiscipline,
  ethics: schema.personEthics,
  martialLaw: schema.personMartialLaw,
  decorations: schema.personDecorations,
  leave: schema.personLeave,
  others: schema.personOthers,
  photos: schema.personPhotos,
} as const satisfies Record<ListItemKey, PgTable>;

/** Order of entries as printed on the form (oldest first for dated items). */
const ORDER: Record<ListItemKey, string> = {
  names: 'effective_date, created_at',
  family: "array_position(array['father','mother','spouse'], relation), created_at",
  addresses: "array_position(array['registered','contact'], kind), created_at",
  licences: "array_position(array['teacher','school_admin','edu_admin','supervisor'], type), expiry_date",
  education: 'from_month, created_at',
  service: 'effective_date, created_at',
  training: 'from_month, created_at',
  research: 'from_month, created_at',
  studyVisits: 'from_month, created_at',
  abilities: 'created_at',
  specialDuties: 'from_date, created_at',
  discipline: 'year_be, created_at',
  ethics: 'year_be, created_at',
  martialLaw: 'from_date, created_at',
  decorations: 'received_date, created_at',
  leave: 'fiscal_year',
  others: 'created_at',
  photos: 'slot',
};

const MONEY_FIELDS: Partial<Record<ListItemKey, string[]>> = {
  service: ['salary', 'positionAllowance', 'compensation', 'otherSpecialPay'],
};
const HIDDEN = new Set(['personId', 'createdAt', 'updatedAt']);
const leaveKey = (t: string, part: 'Times' | 'Days') => `${t}${part}`;

const LEAVE_TYPE_SET = new Set<string>(LEAVE_TYPES);

/** API entry data → table row values (a fresh object: no `delete`, which deoptimises it). */
export function toRow(item: ListItemKey, data: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  if (item === 'leave') {
    for (const k in data) if (!LEAVE_TYPE_SET.has(k)) row[k] = data[k];
    for (const t of LEAVE_TYPES) {
      const cell = data[t] as { times: number; days: number };
      row[leaveKey(t, 'Times')] = cell.times;
      row[leaveKey(t, 'Days')] = String(cell.days);
    }
    return row;
  }
  for (const k in data) row[k] = data[k];
  for (const f of MONEY_FIELDS[item] ?? []) {
    const v = row[f];
    row[f] = v === null || v === undefined ? null : bahtToSatang(String(v));
  }
  return row;
}

/** Table row (from drizzle or from the JSON read) → API entry. */
export function fromRow(item: ListItemKey, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!HIDDEN.has(k)) out[k] = v;
  for (const f of MONEY_FIELDS[item] ?? []) {
    const v = out[f];
    out[f] = v === null || v === undefined ? null : satangToBaht(v as bigint | number | string);
  }
  if (item === 'leave') {
    for (const t of LEAVE_TYPES) {
      out[t] = { times: Number(out[leaveKey(t, 'Times')]), days: Number(out[leaveKey(t, 'Days')]) };
      delete out[leaveKey(t, 'Times')];
      delete out[leaveKey(t, 'Days')];
    }
  }
  return out;
}

/** The data fields of an item (what item 27 compares), in API shape. */
export function dataFields(item: ListItemKey): string[] {
  const cols = Object.keys(getTableColumns(ITEM_TABLES[item])).filter(
    (k) => !HIDDEN.has(k) && k !== 'id' && k !== 'version' && k !== 'orderId',
  );
  if (item !== 'leave') return cols;
  return ['fiscalYear', ...LEAVE_TYPES.flatMap((t) => [`${t}.times`, `${t}.days`])];
}

/**
 * The columns of an item row in the API's entry shape, aliased for row_to_json: money as baht
 * text with two decimals (satangToBaht's format), leave cells nested as {times, days},
 * person/timestamps left out — the same values fromRow gives for a drizzle row.
 */
function itemColumnsSql(item: ListItemKey, alias: string): string {
  const cols = getTableColumns(ITEM_TABLES[item]) as Record<string, { name: string }>;
  const money = new Set(MONEY_FIELDS[item] ?? []);
  const leaveCols = new Set(
    item === 'leave' ? LEAVE_TYPES.flatMap((t) => [leaveKey(t, 'Times'), leaveKey(t, 'Days')]) : [],
  );
  const out: string[] = [];
  for (const [k, c] of Object.entries(cols)) {
    if (HIDDEN.has(k) || leaveCols.has(k)) continue;
    const ref = `${alias}."${c.name}"`;
    out.push(`${money.has(k) ? `(${ref}::numeric / 100)::numeric(20, 2)::text` : ref} as "${k}"`);
  }
  if (item === 'leave')
    for (const t of LEAVE_TYPES)
      out.push(
        `('{"times":' || ${alias}."${cols[leaveKey(t, 'Times')]!.name}" || ',"days":' || ${alias}."${cols[leaveKey(t, 'Days')]!.name}" || '}')::json as "${t}"`,
      );
  return out.join(', ');
}

/**
 * Every list item of the person in `"persons"`, in API shape, as ONE JSON text. Rows become JSON
 * through json_agg of an aliased row (≈2× cheaper than json_build_object per row, 4× cheaper than
 * the jsonb builders); the ordered subquery gives the form's order (oldest first). This is also
 * what the read model `record_items_json` stores (ADR 0108).
 */
export const ITEMS_JSON_SQL = (() => {
  const items = LIST_ITEM_KEYS.map((k) => {
    const order = ORDER[k]
      .split(', ')
      .map((o) =>
        o.startsWith('array_position') ? o.replace(/\((array\[[^\]]+\]), (\w+)\)/, '($1, e.$2)') : `e.${o}`,
      )
      .join(', ');
    return `'${k}', (select coalesce(json_agg(x), '[]'::json) from (select ${itemColumnsSql(k, 'e')} from "${getTableName(ITEM_TABLES[k])}" e where e.person_id = "persons"."id" order by ${order}) x)`;
  });
  return `json_build_object(${items.join(', ')})::text`;
})();

/**
 * The person columns the record view shows (records.queries `personView`). The others — search
 * keys and their grams, paths, creation time — stay in the database: the hot read (issue 5) built,
 * sent and parsed them for nothing.
 */
export const RECORD_PERSON_FIELDS = [
  'id',
  'nationalId',
  'status',
  'recordVersion',
  'version',
  'birthDate',
  'bloodGroup',
  'appointmentDate',
  'subjectGroup',
  'displayName',
  'updatedAt',
] as const satisfies readonly (keyof typeof schema.persons.$inferSelect)[];

/** The person, office, position and photo years of `"persons"` (the record without its items). */
export const RECORD_HEAD_SELECT = (() => {
  const columns = getTableColumns(schema.persons);
  const personCols = RECORD_PERSON_FIELDS.map((k) => `'${k}', "persons"."${columns[k].name}"`).join(', ');
  return `json_build_object(${personCols}) as person,
    (select json_build_object('id', o.id, 'code', o.code, 'nameTh', o.name_th, 'kind', o.kind) from offices o where o.id = "persons"."office_id") as office,
    (select json_build_object('id', po.id, 'positionNumber', po.position_number, 'title', po.title) from positions po where po.id = "persons"."position_id") as position,
    (select coalesce(array_agg(ph.year_be), '{}') from person_photos ph where ph.person_id = "persons"."id") as photo_years`;
})();

/** The select list of the full record over `"persons"`, items computed from the item tables. */
export const RECORD_SELECT = `${RECORD_HEAD_SELECT}, ${ITEMS_JSON_SQL} as items`;

/** The full record of one person by id ($1). */
export const RECORD_SQL = `select ${RECORD_SELECT} from persons where persons.id = $1`;
