/**
 * The bulk-import workbook's cap (issue 17 §2, ADR 0112): an XLSX is a ZIP of XML parts, and a
 * 50 MB upload can declare — or simply inflate to — many gigabytes, which the spreadsheet reader
 * would then hold in memory. Every part is inflated once here, in an inspection worker, counting
 * the bytes as they come (fflate's streaming unzip, in small pushes so one push cannot expand far),
 * and the workbook is refused as soon as the total passes the cap; nothing is kept.
 */
import { Unzip, UnzipInflate } from 'fflate';
import { InspectRefusal } from './limits.ts';

/** Inflated bytes of all parts of one workbook (an officer-sized upload: thousands of rows). */
export const MAX_WORKBOOK_INFLATE = 256 * 1024 * 1024;
/** Parts of one workbook (sheets, styles, shared strings, … — a real one has a few dozen). */
export const MAX_WORKBOOK_PARTS = 2_000;
const PUSH = 16 * 1024;

/** Throws InspectRefusal('err.upload.workbookInflate') for a workbook over the caps. */
export function inspectWorkbook(bytes: Uint8Array): { parts: number; inflated: number } {
  let inflated = 0;
  let parts = 0;
  let refused = false;
  const unzip = new Unzip((file) => {
    if (refused) return;
    if (++parts > MAX_WORKBOOK_PARTS) {
      refused = true;
      return;
    }
    file.ondata = (err, chunk) => {
      if (err || refused) return; // damaged data: the reader reports an unreadable workbook
      inflated += chunk.length;
      if (inflated > MAX_WORKBOOK_INFLATE) {
        refused = true;
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let i = 0; i < bytes.length && !refused; i += PUSH)
      unzip.push(bytes.subarray(i, i + PUSH), i + PUSH >= bytes.length);
  } catch {
    // Not a ZIP, or a damaged one: not ours to judge; the reader fails with its own message.
  }
  if (refused) throw new InspectRefusal('err.upload.workbookInflate');
  return { parts, inflated };
}
