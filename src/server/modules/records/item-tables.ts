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

/** API entry data → table row values. */
export function toRow(item: ListItemKey, data: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = { ...data };
  for (const f of MONEY_FIELDS[item] ?? []) {
    const v = row[f];
    row[f] = v === null || v === undefined ? null : bahtToSatang(String(v));
  }
  if (item === 'leave') {
    for (const t of LEAVE_TYPES) {
      const cell = data[t] as { times: number; days: number };
      delete row[t];
      row[leaveKey(t, 'Times')] = cell.times;
      row[leaveKey(t, 'Days')] = String(cell.days);
    }
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

function jsonObject(table: PgTable, alias: string): string {
  const cols = getTableColumns(table);
  const pairs = Object.entries(cols)
    .filter(([k]) => !HIDDEN.has(k))
    .map(([k, c]) => `'${k}', ${alias}."${c.name}"`);
  // json_build_object takes at most 100 arguments: split and merge for wide tables (leave).
  const chunks: string[] = [];
  for (let i = 0; i < pairs.length; i += 45)
    chunks.push(`jsonb_build_object(${pairs.slice(i, i + 45).join(', ')})`);
  return chunks.join(' || ');
}

/**
 * One SQL statement that returns the person and every list item as JSON: the full record is one
 * round trip to the database, not one query per item.
 */
export const RECORD_SQL = (() => {
  const p = getTableColumns(schema.persons);
  const personCols = Object.entries(p)
    .map(([k, c]) => `'${k}', p."${c.name}"`)
    .join(', ');
  const items = LIST_ITEM_KEYS.map((k) => {
    const t = ITEM_TABLES[k];
    return `'${k}', (select coalesce(jsonb_agg(${jsonObject(t, 'e')} order by ${ORDER[k]
      .split(', ')
      .map((o) =>
        o.startsWith('array_position') ? o.replace(/\((array\[[^\]]+\]), (\w+)\)/, '($1, e.$2)') : `e.${o}`,
      )
      .join(', ')}), '[]'::jsonb) from "${getTableName(t)}" e where e.person_id = p.id)`;
  });
  const itemChunks: string[] = [];
  for (let i = 0; i < items.length; i += 45)
    itemChunks.push(`jsonb_build_object(${items.slice(i, i + 45).join(', ')})`);
  return `select jsonb_build_object(${personCols}) as person, ${itemChunks.join(' || ')} as items,
    (select jsonb_build_object('id', o.id, 'code', o.code, 'nameTh', o.name_th, 'kind', o.kind) from offices o where o.id = p.office_id) as office,
    (select jsonb_build_object('id', po.id, 'positionNumber', po.position_number, 'title', po.title) from positions po where po.id = p.position_id) as position
    from persons p where p.id = $1`;
})();
