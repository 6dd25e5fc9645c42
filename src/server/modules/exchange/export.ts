/**
 * Export in the import format (re-importable: export → import into an empty database gives the
 * same content; see contentHashOfRecords). People are paged by national ID (keyset, 500 at a
 * time) within the caller's scope, so an office's full dataset streams out without being held
 * in memory. Entry and person ids are written too, so references (e.g. penalty amendments)
 * survive the round trip.
 */

import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';
import { and, asc, getTableColumns, getTableName, gt, like, type SQL, sql } from 'drizzle-orm';
import type { DbHandle } from '../../platform/db/index.ts';
import { schema } from '../../platform/db/index.ts';
import { fromRow, ITEM_TABLES } from '../records/index.ts';
import { loadExcel } from './excel.ts';
import {
  COLUMNS,
  CSV_WRITE_OPTIONS,
  cellText,
  EXCHANGE_ITEMS,
  type ExchangeItem,
  fromEntry,
  GROUPS,
  type GroupKey,
  heading,
} from './format.ts';

const { persons, offices } = schema;

export type ExportScope = {
  /** Visibility condition over persons (personScope(actor)); undefined = everyone (operator CLI). */
  where?: SQL | undefined;
  /**
   * Per group: the people whose group the caller may read (itemScope, ADR 0110), or null when
   * the caller may read the group for nobody (the group is then left out). Replaces `where`.
   */
  whereFor?: (group: GroupKey) => SQL | null;
  /** The groups written (default: all). */
  groups?: GroupKey[];
  /** Only people of this office and the offices below it. */
  officePath?: string | null;
  /** Include offices.csv (the office subtree) so the dataset can be loaded into an empty database. */
  includeOffices?: boolean;
};

/** Receives the cells of one row of one group (in COLUMNS order). */
export type RowSink = (group: GroupKey, cells: string[]) => Promise<void> | void;

const ORDER: Partial<Record<ExchangeItem, string>> = {
  names: 'e.effective_date, e.id',
  service: 'e.effective_date, e.id',
  leave: 'e.fiscal_year',
  decorations: 'e.received_date, e.id',
  education: 'e.from_month, e.id',
  training: 'e.from_month, e.id',
};

const CAMEL = Object.fromEntries(
  EXCHANGE_ITEMS.map((k) => [
    k,
    Object.fromEntries(
      Object.entries(getTableColumns(ITEM_TABLES[k])).map(([key, c]) => [(c as { name: string }).name, key]),
    ),
  ]),
) as Record<ExchangeItem, Record<string, string>>;

const ids = (list: string[]) => JSON.stringify(list);

async function officeRows(h: DbHandle, s: ExportScope, sink: RowSink) {
  const rows = await h.query<{ j: string }>(
    `select to_json(x)::text as j from (
       select o.code, o.name_th, o.name_en, o.kind, p.code as parent_code, o.province_code
         from offices o left join offices p on p.id = o.parent_id
        where $1::text is null or o.path like $1 || '%' or $1 like o.path || '%'
        order by o.path) x`,
    [s.officePath ?? null],
  );
  for (const r of rows) {
    const o = JSON.parse(r.j) as Record<string, string | null>;
    await sink(
      'offices',
      [o.code, o.name_th, o.name_en, o.kind, o.parent_code, o.province_code].map(cellText),
    );
  }
}

/** Streams every group (or only `only`) of the people in scope to the sink, in national-ID order. */
export async function exportRows(
  h: DbHandle,
  s: ExportScope,
  sink: RowSink,
  only?: Set<GroupKey>,
): Promise<number> {
  if (s.whereFor) {
    // Each group under its own condition: one keyset pass per group.
    let total = 0;
    for (const g of only ?? s.groups ?? GROUPS) {
      if (g === 'offices') {
        if (s.includeOffices) await officeRows(h, s, sink);
        continue;
      }
      const where = s.whereFor(g);
      if (where === null) continue;
      total = Math.max(total, await exportRows(h, { ...s, whereFor: undefined, where }, sink, new Set([g])));
    }
    return total;
  }
  const want = (g: GroupKey) => (!only || only.has(g)) && (!s.groups || s.groups.includes(g));
  if (s.includeOffices && want('offices')) await officeRows(h, s, sink);
  let last = '';
  let total = 0;
  const officeCond = s.officePath
    ? sql`${persons.officeId} in (select ${offices.id} from ${offices} where ${like(offices.path, `${s.officePath}%`)})`
    : undefined;
  for (;;) {
    const page = await h.db
      .select({ id: persons.id, nationalId: persons.nationalId })
      .from(persons)
      .where(and(s.where, officeCond, gt(persons.nationalId, last)))
      .orderBy(asc(persons.nationalId))
      .limit(500);
    if (!page.length) break;
    last = page[page.length - 1]!.nationalId;
    total += page.length;
    const pids = ids(page.map((p) => p.id));
    if (want('people')) {
      const rows = await h.query<{ j: string }>(
        `select to_json(x)::text as j from (
           select p.national_id, p.id, o.code as office_code, po.position_number, p.status, p.birth_date,
                  p.blood_group, p.appointment_date, p.subject_group
             from persons p left join offices o on o.id = p.office_id left join positions po on po.id = p.position_id
            where p.id in (select (json_array_elements_text($1::json))::uuid) order by p.national_id) x`,
        [pids],
      );
      for (const r of rows) {
        const p = JSON.parse(r.j) as Record<string, unknown>;
        await sink(
          'people',
          [
            p.national_id,
            p.id,
            p.office_code,
            p.position_number,
            p.status,
            p.birth_date,
            p.blood_group,
            p.appointment_date,
            p.subject_group,
          ].map(cellText),
        );
      }
    }
    for (const k of EXCHANGE_ITEMS) {
      if (!want(k)) continue;
      const t = getTableName(ITEM_TABLES[k]);
      const rows = await h.query<{ n: string; oc: string | null; j: string }>(
        `select p.national_id as n, ${k === 'service' ? '(select code from offices o where o.id = e.office_id)' : 'null'} as oc,
                to_json(e)::text as j
           from "${t}" e join persons p on p.id = e.person_id
          where e.person_id in (select (json_array_elements_text($1::json))::uuid)
          order by p.national_id, ${ORDER[k] ?? 'e.created_at, e.id'}`,
        [pids],
      );
      for (const r of rows) {
        const raw = JSON.parse(r.j) as Record<string, unknown>;
        const camel: Record<string, unknown> = {};
        for (const [c, v] of Object.entries(raw)) {
          const key = CAMEL[k][c];
          if (key) camel[key] = v;
        }
        const flat = fromEntry(k, fromRow(k, camel));
        flat.nationalId = r.n;
        flat.officeCode = r.oc;
        await sink(
          k,
          COLUMNS[k].map((c) => cellText(flat[c.key])),
        );
      }
    }
  }
  return total;
}

/**
 * Writes a CSV dataset directory (UTF-8 with BOM so Excel opens Thai correctly). Rows are
 * buffered per file and serialised a few thousand at a time with csv-stringify's sync API, which
 * is an order of magnitude faster than one stream write per row; memory stays bounded.
 */
export class CsvDatasetWriter {
  private files = new Map<GroupKey, { out: WriteStream; buf: string[][]; done: Promise<unknown> }>();
  constructor(dir: string, groups: GroupKey[] = GROUPS) {
    mkdirSync(dir, { recursive: true });
    for (const g of groups) {
      const out = createWriteStream(path.join(dir, `${g}.csv`));
      out.write(stringifySync([COLUMNS[g].map(heading)], { bom: true, ...CSV_WRITE_OPTIONS }));
      this.files.set(g, { out, buf: [], done: once(out, 'finish') });
    }
  }
  /** Writes one row (cells in COLUMNS order); waits when the file stream is behind. */
  async write(group: GroupKey, cells: unknown[]): Promise<void> {
    const f = this.files.get(group);
    if (!f) throw new Error(`group ${group} not open`);
    f.buf.push(cells.map(cellText));
    if (f.buf.length >= 2000) await this.flush(f);
  }
  private async flush(f: { out: WriteStream; buf: string[][] }) {
    if (!f.buf.length) return;
    const chunk = stringifySync(f.buf, CSV_WRITE_OPTIONS);
    f.buf = [];
    if (!f.out.write(chunk)) await once(f.out, 'drain');
  }
  async close(): Promise<void> {
    for (const f of this.files.values()) {
      await this.flush(f);
      f.out.end();
    }
    await Promise.all([...this.files.values()].map((x) => x.done));
  }
}

/** Export to a CSV directory. */
export async function exportCsvDir(h: DbHandle, s: ExportScope, dir: string): Promise<number> {
  const w = new CsvDatasetWriter(dir, s.includeOffices ? GROUPS : GROUPS.filter((g) => g !== 'offices'));
  const n = await exportRows(h, s, (g, cells) => w.write(g, cells));
  await w.close();
  return n;
}

/** Streams one CSV group to a writable (HTTP download of one item group). */
export async function exportCsvGroup(
  h: DbHandle,
  s: ExportScope,
  group: GroupKey,
  out: Writable,
): Promise<void> {
  const st = stringify({ bom: true, ...CSV_WRITE_OPTIONS });
  st.pipe(out);
  st.write(COLUMNS[group].map(heading));
  await exportRows(
    h,
    s,
    async (_g, cells) => {
      if (!st.write(cells)) await once(st, 'drain');
    },
    new Set([group]),
  );
  st.end();
  await once(out, 'finish');
}

/**
 * Streams a whole workbook (one sheet per group) to a writable with exceljs' streaming writer:
 * one keyset pass per sheet, rows committed as they are written.
 */
export async function exportXlsx(h: DbHandle, s: ExportScope, out: Writable): Promise<void> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  for (const g of s.groups ?? GROUPS) {
    if (g === 'offices' && !s.includeOffices) continue;
    if (g !== 'offices' && s.whereFor?.(g) === null) continue;
    const ws = wb.addWorksheet(g);
    ws.addRow(COLUMNS[g].map(heading)).commit();
    await exportRows(
      h,
      s,
      (_g, cells) => {
        ws.addRow(cells).commit();
      },
      new Set([g]),
    );
    ws.commit();
  }
  await wb.commit();
}

/**
 * A fingerprint of the record content, independent of timestamps and of the order rows were
 * written in: the person (with office code and position number) and every item table.
 */
export async function contentHashOfRecords(
  h: DbHandle,
): Promise<{ hash: string; persons: number; rows: number }> {
  const parts: string[] = [];
  const [p] = await h.query<{ h: string | null; n: number }>(
    `select md5(string_agg(j, '|' order by j)) as h, count(*)::int as n from (
       select jsonb_build_object('id', p.id, 'nid', p.national_id, 'status', p.status, 'birth', p.birth_date,
         'blood', p.blood_group, 'appt', p.appointment_date, 'subject', p.subject_group, 'office', o.code,
         'position', po.position_number, 'name', p.display_name, 'search', p.search_name,
         'standing', p.current_standing, 'title', p.current_position_title)::text as j
       from persons p left join offices o on o.id = p.office_id left join positions po on po.id = p.position_id) x`,
  );
  parts.push(`persons:${p?.h}`);
  let rows = 0;
  for (const k of EXCHANGE_ITEMS) {
    const t = getTableName(ITEM_TABLES[k]);
    const [r] = await h.query<{ h: string | null; n: number }>(
      `select md5(string_agg(j, '|' order by j)) as h, count(*)::int as n from (
         select (to_jsonb(e) - 'created_at' - 'updated_at')::text as j from "${t}" e) x`,
    );
    rows += Number(r?.n ?? 0);
    parts.push(`${k}:${r?.h}`);
  }
  const { createHash } = await import('node:crypto');
  return {
    hash: createHash('sha256').update(parts.join(',')).digest('hex'),
    persons: Number(p?.n ?? 0),
    rows,
  };
}
