import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | null = null;

/**
 * exceljs, loaded the first time a workbook is read or written. A CSV import never needs it (the
 * national load runs a parent and two shard processes), and with the importer's modules loaded it
 * cost each process ≈19 MB of RSS and ≈7.7 MB of live V8 heap (measured on Node 20, ADR 0105);
 * the server loads it on its first XLSX upload, export or error sheet.
 */
export function loadExcel(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => m.default);
  return loading;
}
