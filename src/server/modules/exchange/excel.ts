import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | null = null;

/**
 * exceljs, loaded the first time a workbook is read or written. A CSV import never needs it (the
 * national load runs a parent and two shard processes), and loading it costs a process ≈32 MB of
 * RSS and ≈11 MB of live V8 heap (measured on Node 20); the server loads it on its first XLSX
 * upload, export or error sheet.
 */
export function loadExcel(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => m.default);
  return loading;
}
