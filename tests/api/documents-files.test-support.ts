/**
 * Test files made in pure Node: PNGs (colour or grey, with a pHYs DPI), scanned-looking PDFs (one
 * raster image filling each page, pdfkit) and multipart bodies for app.inject.
 */
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

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
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A w×h PNG: a colour gradient (or grey), with pHYs saying `dpi` (omit for no pHYs). */
export function makePng(w: number, h: number, opts: { grey?: boolean; dpi?: number } = {}): Buffer {
  const channels = opts.grey ? 1 : 3;
  const raw = Buffer.alloc((w * channels + 1) * h);
  for (let y = 0; y < h; y++) {
    const row = y * (w * channels + 1);
    raw[row] = 0;
    for (let x = 0; x < w; x++) {
      const o = row + 1 + x * channels;
      if (opts.grey) raw[o] = (x * 255) / w;
      else {
        raw[o] = (x * 255) / w;
        raw[o + 1] = (y * 255) / h;
        raw[o + 2] = 160;
      }
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = opts.grey ? 0 : 2;
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr)];
  if (opts.dpi) {
    const phys = Buffer.alloc(9);
    const ppm = Math.round(opts.dpi / 0.0254);
    phys.writeUInt32BE(ppm, 0);
    phys.writeUInt32BE(ppm, 4);
    phys[8] = 1;
    parts.push(chunk('pHYs', phys));
  }
  parts.push(chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}

/** A "scan": `pages` pages of 1 × 1.4 inches, each filled by one image of dpi × (1 × 1.4) pixels. */
export async function makeScanPdf(opts: {
  dpi: number;
  grey?: boolean;
  pages?: number;
  padTo?: number;
}): Promise<Buffer> {
  const doc = new PDFDocument({ size: [72, 72 * 1.4], margin: 0, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((r) => doc.on('end', () => r(Buffer.concat(chunks))));
  const img = makePng(opts.dpi, Math.round(opts.dpi * 1.4), { grey: opts.grey });
  for (let p = 0; p < (opts.pages ?? 1); p++) {
    doc.addPage();
    doc.image(img, 0, 0, { width: 72, height: 72 * 1.4 });
  }
  doc.end();
  const pdf = await done;
  // A comment after %%EOF keeps the file a valid PDF while making it as large as asked.
  return opts.padTo && opts.padTo > pdf.length
    ? Buffer.concat([pdf, Buffer.from(`%${'x'.repeat(opts.padTo - pdf.length - 2)}\n`)])
    : pdf;
}

/** A multipart/form-data body (fields first, then the file) and its headers. */
export function multipartBody(
  fields: Record<string, string>,
  file?: { name: string; bytes: Buffer; type?: string },
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----khru${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
