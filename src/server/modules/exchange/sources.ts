/**
 * Input readers: a directory of CSV files (streamed with papaparse; never the whole file in
 * memory) or one XLSX workbook (exceljs; officer-sized uploads). Item rows are handed out per
 * person: small files are grouped in memory by national ID (any order); large CSV files are
 * merge-joined in the order of people.csv (the generator and the exporter write them so).
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pipeline, Transform } from 'node:stream';
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { loadExcel } from './excel.ts';
import {
  type ColumnIndex,
  cellOf,
  columnIndex,
  EXCHANGE_ITEMS,
  type ExchangeItem,
  GROUPS,
  type GroupKey,
  headerKey,
  type ItemRow,
  unescapeCsvFormula,
} from './format.ts';

export type Rec = { rowNo: number; rec: Record<string, string> };

/** Files larger than this are streamed (merge-join) instead of grouped in memory. */
const GROUP_IN_MEMORY_BYTES = 4 * 1024 * 1024;
/**
 * Parsed chunks held ahead of the consumer before the file stream is paused (backpressure). A
 * national import reads ~17 files at once and a cell keeps its whole chunk's text alive, so the
 * read-ahead is kept small: 64 KB chunks, two ahead (it was 256 KB and four).
 */
const CHUNKS_AHEAD = 2;

/**
 * A file's text in 64 KB chunks, decoded from UTF-8 by TextDecoder in streaming mode (a character
 * split across two chunks waits for the next; a BOM is kept, as the stream's own decoder keeps
 * it, for headerKey to drop). On Thai text it decodes at twice the rate of the StringDecoder a
 * stream with `encoding: 'utf8'` uses (219 vs 115 MB/s on service.csv, measured): decoding was
 * ≈5.5 % of a shard's busy CPU in a national import, which decodes every file in each shard (issue 5).
 * Destroying the returned stream closes the file.
 */
function textStream(file: string): Transform {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const text = new Transform({
    // Strings out, one chunk buffered while the parser is paused (as the file stream held one).
    readableObjectMode: true,
    readableHighWaterMark: 1,
    transform(chunk: Buffer, _enc, done) {
      done(null, decoder.decode(chunk, { stream: true }) || undefined);
    },
    flush(done) {
      done(null, decoder.decode() || undefined);
    },
  });
  // The file's errors reach papaparse as the text stream's; an early destroy ends the pipeline.
  return pipeline(createReadStream(file, { highWaterMark: 64 * 1024 }), text, () => {});
}

/** Parsed CSV rows as cell arrays, with the header's column index and the first row's number. */
type CellChunk = { cols: ColumnIndex; rows: string[][]; firstRowNo: number };

/**
 * A CSV file as chunks of cell arrays, in file order. papaparse parses each chunk the file stream
 * delivers (quotes, embedded newlines and a chunk boundary inside a row are its job); handing
 * rows out a chunk at a time keeps the per-row cost to a loop, not a stream event or a promise
 * (csv-parse's object stream cost ~20 µs a row, 6× papaparse's chunk mode, on service.csv).
 * Nothing is built for a row a consumer passes over (another shard's person); a row taken is its
 * cell array with the file's column index (ItemRow), or for people and offices a record keyed by
 * field.
 */
async function* csvChunks(file: string, group: GroupKey): AsyncGenerator<CellChunk> {
  const input = textStream(file);
  const queue: string[][][] = [];
  let done = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  Papa.parse<string[]>(input, {
    skipEmptyLines: true,
    // An export's formula-escaped cells (CSV_WRITE_OPTIONS) come back as they were.
    transform: unescapeCsvFormula,
    chunk: (res) => {
      queue.push(res.data);
      if (queue.length >= CHUNKS_AHEAD) input.pause();
      signal();
    },
    complete: () => {
      done = true;
      signal();
    },
    error: (e: unknown) => {
      failure = e;
      signal();
    },
  });
  let cols: ColumnIndex | null = null;
  // Row numbers as a spreadsheet shows them: the header is row 1 (cells never span lines here).
  let rowNo = 2;
  try {
    for (;;) {
      let rows = queue.shift();
      if (rows) {
        if (queue.length < CHUNKS_AHEAD / 2 && input.isPaused()) input.resume();
        if (!cols && rows.length) {
          cols = columnIndex(rows[0]!.map((c) => headerKey(group, c)));
          rows = rows.slice(1);
        }
        if (cols && rows.length) {
          yield { cols, rows, firstRowNo: rowNo };
          rowNo += rows.length;
        }
        continue;
      }
      if (failure) throw failure;
      if (done) return;
      await new Promise<void>((r) => {
        wake = r;
      });
    }
  } finally {
    input.destroy();
  }
}

/** Row i of a chunk as an item row. */
function rowAt(c: CellChunk, i: number): ItemRow {
  return { rowNo: c.firstRowNo + i, cells: c.rows[i]!, cols: c.cols };
}

/** A row as a record keyed by field (people and offices; a repeated heading: the last one). */
function toRec(r: ItemRow): Rec {
  const rec: Record<string, string> = {};
  for (const k in r.cols) rec[k] = r.cells[r.cols[k]!] ?? '';
  return { rowNo: r.rowNo, rec };
}

async function* csvRows(file: string, group: GroupKey): AsyncGenerator<Rec> {
  for await (const c of csvChunks(file, group))
    for (let i = 0; i < c.rows.length; i++) yield toRec(rowAt(c, i));
}

async function csvItemRows(file: string, item: ExchangeItem): Promise<ItemRow[]> {
  const out: ItemRow[] = [];
  for await (const c of csvChunks(file, item)) for (let i = 0; i < c.rows.length; i++) out.push(rowAt(c, i));
  return out;
}

const nationalIdOf = (r: ItemRow) => cellOf(r, 'nationalId').trim();

/**
 * Per-person access to one item file. take and skip answer without a promise when the rows are
 * already read (nearly always: a chunk holds many people), so that an importer asking 18 files
 * for each of 600,000 people does not pay an await per file and person; callers await only a
 * returned promise.
 */
export interface ItemReader {
  /** Rows of this person (consumes them). */
  take(nationalId: string): ItemRow[] | Promise<ItemRow[]>;
  /** Consumes this person's rows without building them (another shard's person). */
  skip(nationalId: string): undefined | Promise<void>;
  /** Rows never taken (unknown person or out of order), after the last person. */
  leftovers(): Promise<ItemRow[]>;
}

class MemoryReader implements ItemReader {
  private map = new Map<string, ItemRow[]>();
  constructor(rows: ItemRow[]) {
    for (const r of rows) {
      const k = nationalIdOf(r);
      const list = this.map.get(k);
      if (list) list.push(r);
      else this.map.set(k, [r]);
    }
  }
  take(nid: string) {
    const rows = this.map.get(nid) ?? [];
    this.map.delete(nid);
    return rows;
  }
  skip(nid: string) {
    this.map.delete(nid);
    return undefined;
  }
  async leftovers() {
    return [...this.map.values()].flat();
  }
}

/** Merge-join reader: the file's rows are in the order of people.csv. */
class StreamReader implements ItemReader {
  private chunk: CellChunk | null = null;
  private nidCol = -1;
  private i = 0;
  private ended = false;
  constructor(private it: AsyncGenerator<CellChunk>) {}
  /** The national ID of the next row if it is buffered (no promise: the hot path); undefined if not. */
  private bufferedHead(): string | undefined {
    const c = this.chunk;
    if (!c || this.i >= c.rows.length) return undefined;
    return this.nidCol < 0 ? '' : (c.rows[this.i]![this.nidCol] ?? '').trim();
  }
  /** The national ID of the next row, loading the next chunk when needed; null at the end. */
  private async load(): Promise<string | null> {
    while (!this.chunk || this.i >= this.chunk.rows.length) {
      if (this.ended) return null;
      const n = await this.it.next();
      if (n.done) {
        this.ended = true;
        return null;
      }
      this.chunk = n.value;
      this.nidCol = n.value.cols.nationalId ?? -1;
      this.i = 0;
    }
    return this.bufferedHead() ?? null;
  }
  /** The next row (its head was just read), consumed. */
  private nextRow(): ItemRow {
    return rowAt(this.chunk!, this.i++);
  }
  take(nid: string): ItemRow[] | Promise<ItemRow[]> {
    const out: ItemRow[] = [];
    const pending = this.consume(nid, out);
    return pending ? pending.then(() => out) : out;
  }
  skip(nid: string): undefined | Promise<void> {
    return this.consume(nid, null);
  }
  /**
   * Consumes the rows of `nid`, into `out` if given: synchronously while they are in the buffered
   * chunk, and as a promise only when the next chunk has to be read.
   */
  private consume(nid: string, out: ItemRow[] | null): undefined | Promise<void> {
    for (;;) {
      const head = this.bufferedHead();
      if (head === undefined) return this.consumeLoading(nid, out);
      if (head !== nid) return undefined;
      this.step(out);
    }
  }
  private async consumeLoading(nid: string, out: ItemRow[] | null): Promise<void> {
    while ((this.bufferedHead() ?? (await this.load())) === nid) this.step(out);
  }
  /** Passes the current row: built into `out`, or only counted over. */
  private step(out: ItemRow[] | null): void {
    if (out) out.push(this.nextRow());
    else this.i++;
  }
  async leftovers() {
    const out: ItemRow[] = [];
    while ((this.bufferedHead() ?? (await this.load())) !== null) out.push(this.nextRow());
    return out;
  }
}

export type Source = {
  name: string;
  offices(): AsyncGenerator<Rec>;
  people(): AsyncGenerator<Rec>;
  items(): Promise<Record<ExchangeItem, ItemReader>>;
  /** People rows, if a manifest says so. */
  expectedPeople: number | null;
  /** The groups that have at least one data row (what the file would write), where known. */
  groupsWithRows?(): GroupKey[];
  close(): Promise<void>;
};

async function* none(): AsyncGenerator<Rec> {}

/** A directory with offices.csv, people.csv and one <item>.csv per record item (all optional but people). */
export function csvDirSource(dir: string): Source {
  const f = (g: GroupKey) => path.join(dir, `${g}.csv`);
  if (!existsSync(f('people'))) throw new Error(`ไม่พบแฟ้ม people.csv ใน ${dir}`);
  let expected: number | null = null;
  const manifest = path.join(dir, 'manifest.json');
  if (existsSync(manifest)) {
    try {
      const m = JSON.parse(readFileSync(manifest, 'utf8')) as { counts?: { people?: number } };
      expected = m.counts?.people ?? null;
    } catch {
      expected = null;
    }
  }
  return {
    name: dir,
    expectedPeople: expected,
    offices: () => (existsSync(f('offices')) ? csvRows(f('offices'), 'offices') : none()),
    people: () => csvRows(f('people'), 'people'),
    async items() {
      const out = {} as Record<ExchangeItem, ItemReader>;
      for (const k of EXCHANGE_ITEMS) {
        const file = f(k);
        if (!existsSync(file)) out[k] = new MemoryReader([]);
        else if (statSync(file).size <= GROUP_IN_MEMORY_BYTES)
          out[k] = new MemoryReader(await csvItemRows(file, k));
        else out[k] = new StreamReader(csvChunks(file, k));
      }
      return out;
    },
    close: async () => {},
  };
}

function cellString(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellString(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
  }
  return String(v);
}

/** One workbook, one sheet per group named by the group key. */
export async function xlsxSource(file: string, name = path.basename(file)): Promise<Source> {
  const wb = new (await loadExcel()).Workbook();
  await wb.xlsx.readFile(file);
  /** A sheet's rows as cell strings, with its column index (header row 1; blank rows left out). */
  const sheetItemRows = (g: GroupKey): ItemRow[] => {
    const ws = wb.getWorksheet(g);
    if (!ws) return [];
    let cols = columnIndex([]);
    const out: ItemRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNo) => {
      const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(cellString);
      if (rowNo === 1) {
        cols = columnIndex(cells.map((c) => headerKey(g, c)));
        return;
      }
      if (cells.every((c) => c.trim() === '')) return;
      out.push({ rowNo, cells, cols });
    });
    return out;
  };
  const sheetRows = (g: GroupKey): Rec[] => sheetItemRows(g).map(toRec);
  async function* gen(rows: Rec[]) {
    yield* rows;
  }
  return {
    name,
    expectedPeople: sheetRows('people').length,
    groupsWithRows: () => GROUPS.filter((g) => sheetItemRows(g).length > 0),
    offices: () => gen(sheetRows('offices')),
    people: () => gen(sheetRows('people')),
    async items() {
      return Object.fromEntries(
        EXCHANGE_ITEMS.map((k) => [k, new MemoryReader(sheetItemRows(k))]),
      ) as unknown as Record<ExchangeItem, ItemReader>;
    },
    close: async () => {},
  };
}

/** A CSV directory, or an .xlsx file. */
export async function openSource(p: string): Promise<Source> {
  if (statSync(p).isDirectory()) return csvDirSource(p);
  if (p.toLowerCase().endsWith('.xlsx')) return xlsxSource(p);
  throw new Error(`ไม่รองรับแฟ้ม ${p}: ใช้โฟลเดอร์ของแฟ้ม CSV หรือแฟ้ม .xlsx`);
}
