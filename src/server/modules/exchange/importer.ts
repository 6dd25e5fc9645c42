/**
 * Bulk import (ADR 0105). People are read in input order and cut into batches of N people; a
 * person and all their item rows always fall in the same batch. Each batch is ONE transaction:
 * its checkpoint row (import id, batch no.) first, then the people, positions, item rows, row
 * errors, job counters and one audit event per person. A `kill -9` at any moment therefore
 * leaves either the whole batch or none of it, and a rerun with the same import id skips the
 * committed batches and writes the rest with the same deterministic ids: same final content.
 * Rows go in with COPY on PostgreSQL (set-based INSERT … SELECT FROM json_populate_recordset on
 * PGlite), one statement per table per batch, not Drizzle's row-by-row SQL building (spike-notes §1).
 */
import { getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { fieldMessage } from '../../../domain/i18n/fields.ts';
import { refusedWrites } from '../../../domain/record/protected-fields.ts';
import { type AuditActor, appendAuditBulk, type RequestMeta } from '../../platform/audit/index.ts';
import type { CopyFn, DbHandle, Tx } from '../../platform/db/index.ts';
import { schema } from '../../platform/db/index.ts';
import { ITEM_TABLES } from '../records/index.ts';
import { cellOf, EXCHANGE_ITEMS, type ExchangeItem } from './format.ts';
import { CompactKeySet } from './key-set.ts';
import type { Rec, Source } from './sources.ts';
import {
  type Bundle,
  ITEM_COLUMNS,
  importIds,
  type OfficeRef,
  type PersonPlan,
  type RowError,
  uuidFrom,
  validateBundle,
  writableColumns,
} from './validate.ts';

export type ImportProgress = {
  importId: string;
  batchNo: number;
  peopleRead: number;
  imported: number;
  rejected: number;
  skippedBatch: boolean;
};

export type ImportOptions = {
  importId: string;
  actor: AuditActor;
  meta: RequestMeta;
  createdBy?: string | null;
  /** People per batch (one transaction each). */
  batchSize?: number;
  /** Operators (CLI) may create offices from offices.csv; officers may not. */
  allowOffices?: boolean;
  /** Officer uploads: office paths the people must fall under. */
  officePaths?: string[] | null;
  /** Records officer uploads: add the imported people to this assignment (ข้อ 6.1.2). */
  assignmentId?: string | null;
  onProgress?: (p: ImportProgress) => void;
};

/** What writeBatch needs besides the options: whether the role may switch row triggers off. */
type WriteOptions = ImportOptions & { rowTriggersOff: boolean };

export type ImportResult = {
  importId: string;
  imported: number;
  rejected: number;
  errors: number;
  batches: number;
  skippedBatches: number;
  ms: number;
  /** Time spent in batch transactions (the database side), for the bench's breakdown. */
  writeMs: number;
};

type InsertFn = (tx: Tx, rows: Record<string, unknown>[]) => Promise<unknown>;

/**
 * Bulk insert of column-named rows, generated columns left out, as INSERT … SELECT cols FROM
 * json_populate_recordset(null::table, $json) — one statement, same SQL on PostgreSQL and PGlite.
 */
function insertSql(table: PgTable, suffix = ''): InsertFn {
  const name = getTableName(table);
  const cols = writableColumns(table)
    .map((c) => `"${c.name}"`)
    .join(', ');
  const head = `insert into "${name}" (${cols}) select ${cols} from json_populate_recordset(null::"${name}", `;
  return async (tx, rows) => {
    if (!rows.length) return;
    await tx.execute(sql`${sql.raw(head)}${JSON.stringify(rows)}::json)${sql.raw(suffix)}`);
  };
}

type InsertValuesFn = (tx: Tx, rows: (Buffer | unknown[][])[], copy: CopyFn | null) => Promise<void>;

/**
 * Item rows of a batch, one part per person: on PostgreSQL COPY text bytes (validateBundle with
 * copyText) sent with COPY … FROM STDIN on the batch transaction's connection (no JSON to build
 * or parse; ~1.5× cheaper on the server). On PGlite value arrays in ITEM_COLUMNS order, through
 * the json_populate_recordset path.
 */
function insertValues(item: ExchangeItem): InsertValuesFn {
  const cols = ITEM_COLUMNS[item];
  const copySql = `copy "${getTableName(ITEM_TABLES[item])}" (${cols.map((c) => `"${c.name}"`).join(', ')}) from stdin`;
  const viaJson = insertSql(ITEM_TABLES[item]);
  return async (tx, parts, copy) => {
    if (!parts.length) return;
    // importPeople validates with copyText exactly when the handle is PostgreSQL, where `copy` is
    // given: parts are COPY bytes there (Buffer.concat refuses anything else) and arrays here.
    if (copy) {
      await copy(copySql, Buffer.concat(parts as Buffer[]));
      return;
    }
    const rows = parts.flatMap((p) => {
      if (Buffer.isBuffer(p)) throw new Error('COPY text needs PostgreSQL');
      return p;
    });
    if (rows.length)
      await viaJson(
        tx,
        rows.map((r) => Object.fromEntries(cols.map((c, i) => [c.name, r[i]]))),
      );
  };
}

const { OFFICE_KINDS } = schema;
const INSERT_PERSONS = insertSql(schema.persons);
const INSERT_ITEMS = Object.fromEntries(EXCHANGE_ITEMS.map((k) => [k, insertValues(k)])) as Record<
  ExchangeItem,
  InsertValuesFn
>;
const INSERT_ERRORS = insertSql(schema.importErrors);

async function loadOffices(h: DbHandle): Promise<Map<string, OfficeRef>> {
  const rows = await h.query<{ id: string; code: string; path: string }>(
    'select id, code, path from offices',
  );
  return new Map(rows.map((r) => [r.code, r]));
}

/** offices.csv: creates the offices that do not exist yet (parents first); existing codes are left as they are. */
async function importOffices(
  h: DbHandle,
  rows: Rec[],
  opts: ImportOptions,
): Promise<{ created: number; errors: RowError[] }> {
  const known = await loadOffices(h);
  const errors: RowError[] = [];
  let pending = rows.filter((r) => !known.has((r.rec.code ?? '').trim()));
  const toInsert: Record<string, unknown>[] = [];
  const now = new Date().toISOString();
  // Parents first: each pass takes the rows whose parent is known (existing, or taken earlier in
  // this or a previous pass) and keeps the rest for the next pass, until a pass takes none.
  for (let progress = true; progress && pending.length; ) {
    progress = false;
    const waiting: Rec[] = [];
    for (const row of pending) {
      const r = row.rec;
      const code = (r.code ?? '').trim();
      const parentCode = (r.parentCode ?? '').trim();
      const parent = parentCode ? known.get(parentCode) : null;
      if (parentCode && !parent) {
        waiting.push(row);
        continue;
      }
      progress = true;
      const nameTh = (r.nameTh ?? '').trim();
      const kind = (r.kind ?? '').trim();
      const bad = (field: string, message: string) =>
        errors.push({ sheet: 'offices', rowNo: row.rowNo, nationalId: null, field, message });
      if (!code || !nameTh || !kind) {
        bad(!code ? 'code' : !nameTh ? 'nameTh' : 'kind', 'หน่วยงาน: ต้องกรอกรหัส ชื่อ และประเภท');
        continue;
      }
      if (!(OFFICE_KINDS as readonly string[]).includes(kind)) {
        bad('kind', `ประเภทหน่วยงาน: ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้ ${OFFICE_KINDS.join(', ')}`);
        continue;
      }
      const id = uuidFrom(`office:${code}`);
      const path = `${parent?.path ?? '/'}${code}/`;
      known.set(code, { id, code, path });
      toInsert.push({
        id,
        code,
        name_th: nameTh,
        name_en: (r.nameEn ?? '').trim() || null,
        kind,
        parent_id: parent?.id ?? null,
        path,
        province_code: (r.provinceCode ?? '').trim() || null,
        created_at: now,
      });
    }
    pending = waiting;
  }
  for (const p of pending)
    errors.push({
      sheet: 'offices',
      rowNo: p.rowNo,
      nationalId: null,
      field: 'parentCode',
      message: 'รหัสหน่วยงานต้นสังกัด: ไม่พบหน่วยงานต้นสังกัด',
    });
  if (toInsert.length)
    await h.db.transaction(async (tx) => {
      for (let i = 0; i < toInsert.length; i += 5000)
        await insertSql(schema.offices, ' on conflict (code) do nothing')(tx, toInsert.slice(i, i + 5000));
      await appendAuditBulk(tx, opts.actor, opts.meta, [
        {
          eventType: 'import.offices',
          entityType: 'import',
          entityId: opts.importId,
          data: { importId: opts.importId, offices: toInsert.length },
        },
      ]);
    });
  return { created: toInsert.length, errors };
}

/**
 * Which of these national IDs already have a record (a batch's duplicate check). The IDs are cast
 * to character(13), the column's type, so the unique index answers: compared as text, PostgreSQL
 * casts the column instead, cannot use the index and hash-joins a scan of every person, on every
 * batch (seen at 600k: 259 million rows read by the time 360,000 people were in).
 */
export function existingPeople(nationalIds: string[]): SQL {
  return sql`select national_id, birth_date::text, appointment_date::text from persons where national_id in (select json_array_elements_text(${JSON.stringify(nationalIds)}::json)::bpchar)`;
}

/** Writes one batch in one transaction; returns false if another run already committed it. */
async function writeBatch(
  h: DbHandle,
  opts: WriteOptions,
  batchNo: number,
  plans: PersonPlan[],
  errors: RowError[],
  invalidPeople: number,
): Promise<{ imported: number; rejected: number } | null> {
  return h.transactionWithCopy(async (tx, copy) => {
    // Only NEW people are written (duplicates are refused below), whom no reader can have cached:
    // the read model's invalidation triggers have nothing to do (migration 0010, ADR 0108).
    await tx.execute(sql`select set_config('khru.new_people_only', 'on', true)`);
    const seen = new Set(plans.map((p) => p.nationalId));
    // Checkpoint first: a concurrent or earlier run that committed this batch makes this a no-op.
    const claimed = (await tx.execute(
      sql`insert into import_batches (import_id, batch_no, imported, rejected) values (${opts.importId}, ${batchNo}, 0, 0)
          on conflict do nothing returning batch_no`,
    )) as unknown as { rows: unknown[] };
    if (!claimed.rows.length) return null;
    const existing = (await tx.execute(existingPeople([...seen]))) as unknown as {
      rows: { national_id: string; birth_date: string | null; appointment_date: string | null }[];
    };
    const byId = new Map(existing.rows.map((r) => [r.national_id, r]));
    const dup = new Set(byId.keys());
    const ok = plans.filter((p) => !dup.has(p.nationalId));
    const allErrors = [...errors];
    for (const p of plans) {
      const had = byId.get(p.nationalId);
      if (!had) continue;
      // An import creates people (onboarding data); it never changes an existing record. A row
      // that would change a date of birth or appointment date says so, naming the field: only an
      // approved correction changes them (ข้อ 4.2.1/4.2.2, domain/record/protected-fields.ts).
      const refused = refusedWrites(
        { birthDate: had.birth_date, appointmentDate: had.appointment_date },
        { birthDate: p.person.birth_date, appointmentDate: p.person.appointment_date },
        { via: 'direct', stage: 'established' },
      );
      for (const f of refused)
        allErrors.push({
          sheet: 'people',
          rowNo: 0,
          nationalId: p.nationalId,
          field: f,
          message: fieldMessage(f, `err.protected.${f}`),
        });
      if (!refused.length)
        allErrors.push({
          sheet: 'people',
          rowNo: 0,
          nationalId: p.nationalId,
          field: 'nationalId',
          message: 'เลขประจำตัวประชาชน: มีทะเบียนประวัติของบุคคลนี้ในระบบแล้ว',
        });
    }
    // Positions: create missing (office, number); link the person; take the holder slot if free.
    const pos = ok.filter((p) => p.position);
    if (pos.length) {
      const posRows = pos.map((p) => ({
        id: uuidFrom(`position:${p.position!.officeId}:${p.position!.positionNumber}`),
        office_id: p.position!.officeId,
        position_number: p.position!.positionNumber,
        title: p.position!.title,
        position_type: null,
        holder_person_id: p.personId,
        created_at: p.person.created_at,
      }));
      const json = JSON.stringify(posRows);
      await tx.execute(sql`insert into positions (id, office_id, position_number, title, position_type, created_at)
          select id, office_id, position_number, title, position_type, created_at from json_populate_recordset(null::positions, ${json}::json)
          on conflict (office_id, position_number) do nothing`);
      const got = (await tx.execute(sql`select po.id, x.holder_person_id as pid from positions po
          join json_populate_recordset(null::positions, ${json}::json) x
            on x.office_id = po.office_id and x.position_number = po.position_number`)) as unknown as {
        rows: { id: string; pid: string }[];
      };
      const byPerson = new Map(got.rows.map((r) => [r.pid, r.id]));
      for (const p of ok) if (p.position) p.person.position_id = byPerson.get(p.personId) ?? null;
      await INSERT_PERSONS(
        tx,
        ok.map((p) => p.person),
      );
      await tx.execute(sql`update positions po set holder_person_id = x.holder_person_id
          from json_populate_recordset(null::positions, ${json}::json) x
         where x.office_id = po.office_id and x.position_number = po.position_number and po.holder_person_id is null
           and not exists (select 1 from positions o where o.holder_person_id = x.holder_person_id)`);
    } else
      await INSERT_PERSONS(
        tx,
        ok.map((p) => p.person),
      );
    // Item rows reference only their person (person_id), inserted just above in this same
    // transaction and invisible to anyone else until it commits: the per-row foreign-key check
    // (half the server's cost of an item row, measured) cannot fail, and the read-model triggers
    // have nothing to do for new people. Where the role may, item rows therefore go in with
    // row triggers off, as pg_restore --disable-triggers loads data (ADR 0105).
    if (opts.rowTriggersOff) await tx.execute(sql`set local session_replication_role = replica`);
    for (const k of EXCHANGE_ITEMS)
      await INSERT_ITEMS[k](
        tx,
        ok.flatMap((p) => (p.items[k] ? [p.items[k]] : [])),
        copy,
      );
    if (opts.rowTriggersOff) await tx.execute(sql`set local session_replication_role = origin`);
    if (opts.assignmentId && ok.length)
      await tx.execute(sql`insert into assignment_people (assignment_id, person_id)
          select ${opts.assignmentId}::uuid, (x::text)::uuid from json_array_elements_text(${JSON.stringify(ok.map((p) => p.personId))}::json) x
          on conflict do nothing`);
    await INSERT_ERRORS(
      tx,
      allErrors.map((e, i) => ({
        import_id: opts.importId,
        batch_no: batchNo,
        seq: i,
        sheet: e.sheet,
        row_no: e.rowNo,
        national_id: e.nationalId,
        field: e.field,
        message: e.message,
      })),
    );
    const rejected = invalidPeople + (plans.length - ok.length);
    await tx.execute(sql`update import_batches set imported = ${ok.length}, rejected = ${rejected}
        where import_id = ${opts.importId} and batch_no = ${batchNo}`);
    await tx.execute(sql`update import_jobs set imported_people = imported_people + ${ok.length},
        rejected_people = rejected_people + ${rejected}, updated_at = now() where id = ${opts.importId}`);
    await appendAuditBulk(
      tx,
      opts.actor,
      opts.meta,
      ok.map((p) => ({
        eventType: 'record.imported',
        entityType: 'person',
        entityId: p.personId,
        personId: p.personId,
        data: { importId: opts.importId, batchNo, items: p.counts },
      })),
    );
    return { imported: ok.length, rejected };
  });
}

/** Creates (or resumes) the job row. */
export async function ensureJob(h: DbHandle, importId: string, source: string, createdBy: string | null) {
  await h.query(
    `insert into import_jobs (id, source, created_by) values ($1, $2, $3)
     on conflict (id) do update set status = 'running', updated_at = now()`,
    [importId, source, createdBy],
  );
}

/** Batch numbers below 0 are the job's own steps: offices (-2) and rows left unmatched (-1). */
const OFFICES_BATCH = -2;
const LEFTOVERS_BATCH = -1;

/**
 * One of `count` importers sharing a job: it writes the batches whose number modulo `count` is
 * `index` and passes over the others' rows (ADR 0105). Shard 0 also writes the leftovers batch.
 */
export type ImportShard = { index: number; count: number };

export type ShardResult = Omit<ImportResult, 'errors' | 'ms'> & { peopleRead: number };

/**
 * Whether this connection's role may set session_replication_role: a superuser, or (PostgreSQL
 * 15+) a role granted it with GRANT SET ON PARAMETER session_replication_role TO … (README).
 */
async function mayDisableRowTriggers(h: DbHandle): Promise<boolean> {
  const [r] = await h.query<{ su: string; v: string }>(
    "select current_setting('is_superuser') as su, current_setting('server_version_num') as v",
  );
  if (r?.su === 'on') return true;
  if (Number(r?.v) < 150000) return false;
  const [g] = await h.query<{ ok: boolean }>(
    "select has_parameter_privilege('session_replication_role', 'SET') as ok",
  );
  return g?.ok === true;
}

async function committedBatches(h: DbHandle, importId: string): Promise<Set<number>> {
  const rows = await h.query<{ batch_no: number }>(
    'select batch_no from import_batches where import_id = $1',
    [importId],
  );
  return new Set(rows.map((r) => Number(r.batch_no)));
}

/**
 * The job's first step, run once before the people (by the only importer, or by the parent of
 * sharded importers): the job row and offices.csv. Office errors are written as their own
 * checkpointed batch, so a resumed job does not repeat the step.
 */
export async function prepareImport(h: DbHandle, src: Source, opts: ImportOptions): Promise<void> {
  await ensureJob(h, opts.importId, src.name, opts.createdBy ?? null);
  if (src.expectedPeople !== null)
    await h.query('update import_jobs set total_people = $2 where id = $1', [
      opts.importId,
      src.expectedPeople,
    ]);
  if ((await committedBatches(h, opts.importId)).has(OFFICES_BATCH)) return;
  const errors: RowError[] = [];
  const officeRows: Rec[] = [];
  for await (const r of src.offices()) officeRows.push(r);
  if (officeRows.length) {
    if (opts.allowOffices) errors.push(...(await importOffices(h, officeRows, opts)).errors);
    else
      errors.push({
        sheet: 'offices',
        rowNo: officeRows[0]!.rowNo,
        nationalId: null,
        field: null,
        message: 'หน่วยงาน: การนำเข้าหน่วยงานทำได้โดยผู้ดูแลระบบเท่านั้น แถวหน่วยงานถูกข้าม',
      });
  }
  await writeBatch(h, { ...opts, rowTriggersOff: false }, OFFICES_BATCH, [], errors, 0);
}

/**
 * Reads every person and their item rows in input order and writes this shard's batches (all of
 * them without a shard). Duplicates are decided in input order over ALL people, the same in
 * every shard and on every (re)run, whichever batches are already committed.
 */
export async function importPeople(
  h: DbHandle,
  src: Source,
  opts: ImportOptions,
  shard: ImportShard = { index: 0, count: 1 },
): Promise<ShardResult> {
  const batchSize = opts.batchSize ?? 500;
  const wopts: WriteOptions = { ...opts, rowTriggersOff: await mayDisableRowTriggers(h) };
  const done = await committedBatches(h, opts.importId);
  const offices = await loadOffices(h);
  const readers = await src.items();
  const vctx = {
    offices,
    officePaths: opts.officePaths ?? null,
    now: new Date().toISOString(),
    ids: importIds(opts.importId),
    copyText: h.kind === 'postgres',
  };
  const seenIds = new CompactKeySet(13);
  const seenPositions = new CompactKeySet(7);
  // A person is validated as soon as their rows are read, so the raw cells die young (in V8's
  // nursery) and only the plan waits for the batch's write, instead of every raw bundle of the
  // batch surviving into the old generation; on PostgreSQL the plan's rows are COPY bytes outside
  // the heap (ValidateCtx.copyText).
  let batch: { plans: PersonPlan[]; errors: RowError[]; people: number } = {
    plans: [],
    errors: [],
    people: 0,
  };
  let peopleRead = 0;
  let imported = 0;
  let rejected = 0;
  let skipped = 0;
  let batches = 0;
  let inFlight: Promise<void> = Promise.resolve();
  let writeMs = 0;

  const flush = async (no: number) => {
    const { plans, errors, people } = batch;
    batch = { plans: [], errors: [], people: 0 };
    // Pipelining: this batch is written while the next one is read and validated (the database
    // works on one core, the importer on another). A shard's batches commit in order.
    const prev = inFlight;
    const read = peopleRead;
    inFlight = (async () => {
      await prev;
      const w0 = performance.now();
      const r = await writeBatch(h, wopts, no, plans, errors, people - plans.length);
      writeMs += performance.now() - w0;
      batches++;
      if (r) {
        imported += r.imported;
        rejected += r.rejected;
      } else skipped++;
      opts.onProgress?.({
        importId: opts.importId,
        batchNo: no,
        peopleRead: read,
        imported,
        rejected,
        skippedBatch: !r,
      });
    })();
    // Never more than one batch waiting: memory stays at two batches.
    await prev;
  };

  let current = 0;
  for await (const p of src.people()) {
    const no = Math.floor(peopleRead / batchSize);
    peopleRead++;
    if (no !== current) {
      if (batch.people) await flush(current);
      current = no;
    }
    const nid = (p.rec.nationalId ?? '').trim();
    const posNo = (p.rec.positionNumber ?? '').trim();
    const dupId = seenIds.addAndCheck('', nid);
    const dupPos = posNo !== '' && seenPositions.addAndCheck((p.rec.officeCode ?? '').trim(), posNo);
    const mine = no % shard.count === shard.index;
    if (!mine || done.has(no)) {
      // Another shard's batch, or one committed by an earlier run: its rows are passed over.
      for (const k of EXCHANGE_ITEMS) {
        const pending = readers[k].skip(nid);
        if (pending) await pending;
      }
      if (mine && no * batchSize + 1 === peopleRead) {
        skipped++;
        opts.onProgress?.({
          importId: opts.importId,
          batchNo: no,
          peopleRead,
          imported,
          rejected,
          skippedBatch: true,
        });
      }
      continue;
    }
    const items: Bundle['items'] = {};
    for (const k of EXCHANGE_ITEMS) {
      const got = readers[k].take(nid);
      const rows = Array.isArray(got) ? got : await got;
      if (rows.length) items[k] = rows;
    }
    const v = validateBundle({ people: p, items }, vctx, peopleRead - 1);
    const at = { sheet: 'people' as const, rowNo: p.rowNo, nationalId: nid || null };
    if (dupId)
      v.errors.push({ ...at, field: 'nationalId', message: 'เลขประจำตัวประชาชน: ซ้ำกับแถวก่อนหน้าในแฟ้มเดียวกัน' });
    if (dupPos)
      v.errors.push({ ...at, field: 'positionNumber', message: 'เลขที่ตำแหน่ง: ซ้ำกับบุคคลอื่นในหน่วยงานเดียวกัน' });
    for (const e of v.errors) batch.errors.push(e);
    if (v.plan && !v.errors.length) batch.plans.push(v.plan);
    batch.people++;
  }
  if (batch.people) await flush(current);
  await inFlight;

  // Rows whose person is not in people (or out of order in a streamed file): reported, not imported.
  if (shard.index === 0 && !done.has(LEFTOVERS_BATCH)) {
    const left: RowError[] = [];
    for (const k of EXCHANGE_ITEMS)
      for (const r of await readers[k].leftovers())
        left.push({
          sheet: k,
          rowNo: r.rowNo,
          nationalId: cellOf(r, 'nationalId').trim() || null,
          field: 'nationalId',
          message: 'เลขประจำตัวประชาชน: ไม่พบบุคคลนี้ในแฟ้มบุคลากร (people) หรือแถวไม่เรียงตามลำดับของแฟ้มบุคลากร',
        });
    await writeBatch(h, wopts, LEFTOVERS_BATCH, [], left, 0);
  }
  await src.close();
  return {
    importId: opts.importId,
    imported,
    rejected,
    batches,
    skippedBatches: skipped,
    writeMs,
    peopleRead,
  };
}

/** Marks the job done (after every shard finished) and counts its row errors. */
export async function finishImport(h: DbHandle, importId: string, peopleRead: number): Promise<number> {
  await h.query(
    `update import_jobs set status = 'done', finished_at = now(), updated_at = now(),
        total_people = $2 where id = $1`,
    [importId, peopleRead],
  );
  const [e] = await h.query<{ n: number }>(
    'select count(*)::int as n from import_errors where import_id = $1',
    [importId],
  );
  return Number(e?.n ?? 0);
}

/** Runs (or resumes) an import from a source in this process. Idempotent per import id. */
export async function runImport(h: DbHandle, src: Source, opts: ImportOptions): Promise<ImportResult> {
  const t0 = performance.now();
  await prepareImport(h, src, opts);
  const r = await importPeople(h, src, opts);
  const errors = await finishImport(h, opts.importId, r.peopleRead);
  const { peopleRead: _, ...rest } = r;
  return { ...rest, errors, ms: performance.now() - t0 };
}
