import type { DbHandle } from '../../platform/db/index.ts';
import { loadExcel } from './excel.ts';
import { GROUP_TITLES, type GroupKey } from './format.ts';

/** Rows shown in the downloadable error sheet; the job page says how many there are in all. */
const MAX_ROWS = 100_000;

/**
 * The import's row errors as a spreadsheet for the officer: sheet, row number (as the
 * spreadsheet shows it), national ID, field and the Thai message.
 */
export async function errorsWorkbook(h: DbHandle, importId: string): Promise<Buffer> {
  const rows = await h.query<{
    sheet: GroupKey;
    row_no: number;
    national_id: string | null;
    field: string | null;
    message: string;
  }>(
    `select sheet, row_no, national_id, field, message from import_errors where import_id = $1
      order by batch_no, seq limit ${MAX_ROWS}`,
    [importId],
  );
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('ข้อผิดพลาด');
  ws.columns = [
    { header: 'แผ่นงาน/แฟ้ม', key: 'sheet', width: 28 },
    { header: 'แถวที่', key: 'row', width: 8 },
    { header: 'เลขประจำตัวประชาชน', key: 'nid', width: 18 },
    { header: 'ช่อง', key: 'field', width: 20 },
    { header: 'ข้อผิดพลาด', key: 'message', width: 70 },
  ];
  for (const r of rows)
    ws.addRow({
      sheet: `${GROUP_TITLES[r.sheet] ?? r.sheet} (${r.sheet})`,
      row: r.row_no,
      nid: r.national_id,
      field: r.field,
      message: r.message,
    });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
