/**
 * Hostile upload files made in the test (issue 17 §2, ADR 0112): a PDF whose object stream
 * inflates to gigabytes, an 8000 × 8000 PNG of a few hundred KB, PDFs with JavaScript or an
 * embedded file, and polyglots. Deflating zeros is fast, so nothing big is ever held.
 */
import { createDeflate } from 'node:zlib';
import { Zip, ZipDeflate } from 'fflate';
import PDFDocument from 'pdfkit';
import { makePng, makeScanPdf } from './documents-files.test-support.ts';

/** zlib (deflate) of `total` zero bytes, streamed in 1 MiB pieces. */
export async function deflateZeros(total: number, rowBytes = 1 << 20): Promise<Buffer> {
  const z = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((r) => z.on('end', r));
  const row = Buffer.alloc(rowBytes);
  for (let n = 0; n < total; n += row.length) if (!z.write(row)) await new Promise((r) => z.once('drain', r));
  z.end();
  await done;
  return Buffer.concat(out);
}

/**
 * A genuine 300-DPI colour scan followed by `count` object streams (/Type /ObjStm /FlateDecode)
 * each inflating to `inflatesTo` bytes of zeros: 1 GiB each by default, ≈ 1 MB on the wire.
 */
export async function makeBombPdf(opts: { count?: number; inflatesTo?: number } = {}): Promise<Buffer> {
  const scan = await makeScanPdf({ dpi: 300 });
  const z = await deflateZeros(opts.inflatesTo ?? 1 << 30);
  const objs: Buffer[] = [];
  for (let k = 0; k < (opts.count ?? 1); k++)
    objs.push(
      Buffer.from(
        `\n${90 + k} 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${z.length} >>\nstream\n`,
      ),
      z,
      Buffer.from('\nendstream\nendobj\n'),
    );
  return Buffer.concat([scan, ...objs, Buffer.from('%%EOF\n')]);
}

/** A w × h RGB PNG claiming 300 DPI, all black: the pixels cost nothing to send. */
export async function makeGiantPng(w = 8000, h = 8000): Promise<Buffer> {
  // Each row: filter byte 0 and w black pixels.
  const idat = await deflateZeros((w * 3 + 1) * h, w * 3 + 1);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const phys = Buffer.alloc(9);
  phys.writeUInt32BE(11811, 0);
  phys.writeUInt32BE(11811, 4);
  phys[8] = 1;
  return Buffer.concat([
    sig,
    chunk('IHDR', ihdr),
    chunk('pHYs', phys),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A 300-DPI colour scan whose catalog runs JavaScript when opened (an incremental update). */
export async function makeJsPdf(): Promise<Buffer> {
  const scan = await makeScanPdf({ dpi: 300 });
  return Buffer.concat([
    scan,
    Buffer.from(
      '\n50 0 obj\n<< /Type /Catalog /Pages 1 0 R /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> >>\nendobj\n%%EOF\n',
    ),
  ]);
}

/** The same, hidden: the action's names #-escaped, inside a compressed object stream. */
export async function makeHiddenJsPdf(): Promise<Buffer> {
  const scan = await makeScanPdf({ dpi: 300 });
  const { deflateSync } = await import('node:zlib');
  const body = deflateSync(Buffer.from('51 0 << /S /J#61vaScript /J#53 (app.alert(1)) >>'));
  return Buffer.concat([
    scan,
    Buffer.from(
      `\n52 0 obj\n<< /Type /ObjStm /N 1 /First 5 /Filter /FlateDecode /Length ${body.length} >>\nstream\n`,
    ),
    body,
    Buffer.from('\nendstream\nendobj\n%%EOF\n'),
  ]);
}

/** A 300-DPI colour scan carrying an attached file (pdfkit's file attachments, /EmbeddedFiles). */
export async function makeEmbeddedFilePdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: [72, 72 * 1.4], margin: 0, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((r) => doc.on('end', () => r(Buffer.concat(chunks))));
  doc.addPage();
  doc.image(makePng(300, 420), 0, 0, { width: 72, height: 72 * 1.4 });
  doc.file(Buffer.from('MZ not really an executable'), { name: 'payload.exe' });
  doc.end();
  return done;
}

/** A minimal ZIP (one stored entry and the end-of-central-directory record). */
export function tinyZip(): Buffer {
  const local = Buffer.alloc(30);
  local.write('PK\x03\x04', 0, 'latin1');
  local.writeUInt16LE(5, 26); // file name length
  const end = Buffer.alloc(22);
  end.write('PK\x05\x06', 0, 'latin1');
  return Buffer.concat([local, Buffer.from('a.exe'), end]);
}

/** Polyglots: a scan with a ZIP after its %%EOF; a photo with HTML after IEND. */
export async function makePolyglots(): Promise<{ pdfZip: Buffer; pngHtml: Buffer; pdfHtml: Buffer }> {
  const scan = await makeScanPdf({ dpi: 300 });
  return {
    pdfZip: Buffer.concat([scan, tinyZip()]),
    pdfHtml: Buffer.concat([scan, Buffer.from('\n<html><script>alert(document.cookie)</script></html>\n')]),
    pngHtml: Buffer.concat([makePng(300, 375, { dpi: 300 }), Buffer.from('<html><script>alert(1)</script>')]),
  };
}

/**
 * An XLSX-shaped ZIP whose one sheet inflates to `inflatesTo` bytes of zeros (512 MiB by default,
 * twice the workbook cap), streamed through fflate so the test never holds it inflated.
 */
export function makeWorkbookBomb(inflatesTo = 512 << 20): Buffer {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  const types = new ZipDeflate('[Content_Types].xml');
  zip.add(types);
  types.push(new TextEncoder().encode('<?xml version="1.0"?><Types/>'), true);
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 });
  zip.add(sheet);
  const row = new Uint8Array(1 << 20);
  for (let n = 0; n < inflatesTo; n += row.length) sheet.push(row, n + row.length >= inflatesTo);
  zip.end();
  return Buffer.concat(chunks);
}
