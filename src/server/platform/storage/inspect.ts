/**
 * What an uploaded file really is, read from its bytes (never from its name or the client's
 * Content-Type): the type by magic number, the resolution in DPI and whether it is in colour.
 * JPEG: JFIF APP0 density or EXIF XResolution; PNG: pHYs; PDF: the pixel size of each page's
 * image versus the page size (pdf-images.ts). ระเบียบ ก.ค.ศ. คู่มือ ข้อ 3.2.1 (รูปถ่ายสี ≥ 300 DPI)
 * and ข้อ 5.6.1 (สแกนเป็น PDF แบบสี ความละเอียด 300 DPI).
 *
 * Untrusted content is also refused here (issue 17 §2, ADR 0112), by throwing InspectRefusal:
 * object streams that inflate past the budget (limits.ts), PDFs with active content (JavaScript,
 * automatic actions, embedded files, launch, rich media, XFA forms — a scan needs none), and
 * polyglots (a ZIP, HTML or script riding inside or after the file). It runs synchronously and so
 * is only ever called from the inspection worker (inspect-pool.ts), never on the event loop.
 */
import { InspectRefusal, inflateBudget } from './limits.ts';
import { objectStreamTexts, pdfImageFacts } from './pdf-images.ts';

export type SniffedType = 'pdf' | 'jpeg' | 'png' | 'unknown';

export interface FileFacts {
  type: SniffedType;
  mime: string;
  /** The lowest resolution found (DPI), or null when the file does not say. */
  dpi: number | null;
  /** null when unknown (e.g. a PDF without images). */
  colour: boolean | null;
  width?: number;
  height?: number;
}

const MIME: Record<SniffedType, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  unknown: 'application/octet-stream',
};

/** The type by magic bytes. */
export function sniffType(b: Buffer): SniffedType {
  if (b.length >= 5 && b.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  return 'unknown';
}

/** Pixel size of a JPEG or PNG from its header alone (null for anything else). */
export function imageSize(b: Buffer): { width: number; height: number } | null {
  const type = sniffType(b);
  const f = type === 'jpeg' ? jpegFacts(b) : type === 'png' ? pngFacts(b) : null;
  return f?.width && f.height ? { width: f.width, height: f.height } : null;
}

/** Type, DPI and colour of a file, from its content. */
export function inspectFile(b: Buffer): FileFacts {
  const type = sniffType(b);
  const base = { type, mime: MIME[type] };
  if (type === 'unknown') return { ...base, dpi: null, colour: null };
  refusePolyglot(b, type);
  if (type === 'jpeg') return { ...base, ...jpegFacts(b) };
  if (type === 'png') return { ...base, ...pngFacts(b) };
  const text = b.toString('latin1');
  const streams = objectStreamTexts(text, b, inflateBudget());
  const active = pdfActiveContent(text, streams);
  if (active.length > 0) throw new InspectRefusal('err.upload.pdfActive');
  return { ...base, ...pdfImageFacts(b, text, streams) };
}

/**
 * The PDF's dictionaries without the bodies of its streams (binary image data would otherwise
 * match a name by chance), names with their #xx escapes decoded (/J#61vaScript is /JavaScript).
 */
function dictionaryText(text: string): string {
  const parts: string[] = [];
  const re = /(?<!end)stream\r?\n/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    parts.push(text.slice(at, m.index));
    const end = text.indexOf('endstream', m.index + m[0].length);
    if (end < 0) {
      at = text.length;
      break;
    }
    at = end + 'endstream'.length;
    re.lastIndex = at;
  }
  parts.push(text.slice(at));
  return parts
    .join(' ')
    .replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

/** Keys and types that make a PDF do something when opened or carry other files (PDF 32000-1 §12.6, §7.11.4). */
const ACTIVE_NAMES = /\/(JavaScript|JS|AA|Launch|EmbeddedFiles?|RichMedia|XFA)(?=[\s()<>[\]{}/%]|$)/g;

/** The active-content names found in a PDF's dictionaries (plain and inside object streams). */
export function pdfActiveContent(text: string, streams: string[]): string[] {
  const found = new Set<string>();
  for (const t of [text, ...streams])
    for (const m of dictionaryText(t).matchAll(ACTIVE_NAMES)) found.add(m[1]!);
  return [...found];
}

const ZIP_LOCAL = Buffer.from('PK\x03\x04', 'latin1');
const ZIP_END = Buffer.from('PK\x05\x06', 'latin1');
const MARKUP = /<(?:script|html|body|iframe|svg|object|embed)[\s>/]|<!doctype\s+html|<\?php/i;

/**
 * A file that is also something else (a polyglot): a ZIP's end record in the last 64 KiB (where
 * ZIP readers look), a ZIP entry, HTML or a script outside the PDF's streams or anywhere in an
 * image, or bytes after a PNG's IEND. The PDF itself must begin at byte 0 (sniffType), stricter
 * than the 1024 bytes readers allow.
 */
function refusePolyglot(b: Buffer, type: 'pdf' | 'jpeg' | 'png'): void {
  const tail = b.subarray(Math.max(0, b.length - 65_557));
  if (tail.includes(ZIP_END)) throw new InspectRefusal('err.upload.polyglot');
  const visible = type === 'pdf' ? dictionaryText(b.toString('latin1')) : b.toString('latin1');
  if (visible.includes(ZIP_LOCAL.toString('latin1')) || MARKUP.test(visible))
    throw new InspectRefusal('err.upload.polyglot');
  if (type === 'png') {
    const end = b.lastIndexOf('IEND');
    if (end < 0 || b.length > end + 8) throw new InspectRefusal('err.upload.polyglot');
  }
}

function jpegFacts(b: Buffer): Omit<FileFacts, 'type' | 'mime'> {
  let jfif: number | null = null;
  let exif: number | null = null;
  let colour: boolean | null = null;
  let width: number | undefined;
  let height: number | undefined;
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) break;
    const marker = b[i + 1]!;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break; // start of scan: headers are over
    const len = b.readUInt16BE(i + 2);
    const seg = b.subarray(i + 4, i + 2 + len);
    if (marker === 0xe0 && seg.subarray(0, 5).toString('latin1') === 'JFIF\0' && seg.length >= 12) {
      const units = seg[7];
      const x = seg.readUInt16BE(8);
      const y = seg.readUInt16BE(10);
      if (units === 1) jfif = Math.min(x, y);
      else if (units === 2) jfif = Math.round(Math.min(x, y) * 2.54);
    } else if (marker === 0xe1 && seg.subarray(0, 6).toString('latin1') === 'Exif\0\0') {
      exif = exifDpi(seg.subarray(6));
    } else if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      // SOFn: precision, height, width, number of components (1 = grayscale).
      height = seg.readUInt16BE(1);
      width = seg.readUInt16BE(3);
      colour = seg[5]! >= 3;
    }
    i += 2 + len;
  }
  return { dpi: jfif ?? exif, colour, width, height };
}

/** XResolution/YResolution (tags 0x011a/0x011b) with ResolutionUnit (0x0128) of IFD0. */
function exifDpi(t: Buffer): number | null {
  if (t.length < 8) return null;
  const le = t.subarray(0, 2).toString('latin1') === 'II';
  const u16 = (o: number) => (le ? t.readUInt16LE(o) : t.readUInt16BE(o));
  const u32 = (o: number) => (le ? t.readUInt32LE(o) : t.readUInt32BE(o));
  const ifd = u32(4);
  if (ifd + 2 > t.length) return null;
  const n = u16(ifd);
  let x: number | null = null;
  let y: number | null = null;
  let unit = 2;
  for (let k = 0; k < n; k++) {
    const e = ifd + 2 + k * 12;
    if (e + 12 > t.length) break;
    const tag = u16(e);
    const rational = () => {
      const off = u32(e + 8);
      if (off + 8 > t.length) return null;
      const den = u32(off + 4);
      return den ? u32(off) / den : null;
    };
    if (tag === 0x011a) x = rational();
    else if (tag === 0x011b) y = rational();
    else if (tag === 0x0128) unit = u16(e + 8);
  }
  const v = x !== null && y !== null ? Math.min(x, y) : (x ?? y);
  if (v === null) return null;
  return Math.round(unit === 3 ? v * 2.54 : v);
}

function pngFacts(b: Buffer): Omit<FileFacts, 'type' | 'mime'> {
  let dpi: number | null = null;
  let colour: boolean | null = null;
  let width: number | undefined;
  let height: number | undefined;
  let colourType = -1;
  let i = 8;
  while (i + 8 <= b.length) {
    const len = b.readUInt32BE(i);
    const type = b.subarray(i + 4, i + 8).toString('latin1');
    const data = b.subarray(i + 8, i + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      colourType = data[9]!;
      colour = colourType === 2 || colourType === 6 || colourType === 3;
    } else if (type === 'PLTE' && colourType === 3) {
      // A palette image is in colour only if some palette entry is not grey.
      let grey = true;
      for (let k = 0; k + 2 < data.length; k += 3)
        if (data[k] !== data[k + 1] || data[k] !== data[k + 2]) grey = false;
      colour = !grey;
    } else if (type === 'pHYs' && data.length >= 9 && data[8] === 1) {
      dpi = Math.round(Math.min(data.readUInt32BE(0), data.readUInt32BE(4)) * 0.0254);
    } else if (type === 'IEND') break;
    i += 12 + len;
  }
  return { dpi, colour, width, height };
}
