/**
 * Resolution and colour of a scanned PDF without a PDF engine. A scan is pages each covered by
 * one raster image, so DPI = the image's pixel width / the page's width in inches. We read the
 * image XObject dictionaries (stream objects can never sit inside object streams, PDF 32000-1
 * §7.5.7, so they are always plain `n 0 obj << … >> stream`) and the pages' MediaBox (also looked
 * for inside FlateDecode object streams). Chosen over pdf.js: pdf.js needs its legacy build and a
 * worker shim under Node, ~3 MB, to answer what two dictionaries tell us (ADR 0103).
 */
import { type InflateBudget, inflateBudget, inflateCapped } from './limits.ts';

interface ImageInfo {
  width: number;
  height: number;
  colour: boolean | null;
}

const num = (dict: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+(?:\\.\\d+)?)`).exec(dict);
  return m ? Number(m[1]) : null;
};

/**
 * Text of all FlateDecode object streams (where compressed PDFs keep their page dictionaries),
 * each inflated within the file's budget: a stream that would grow past it refuses the file
 * (InspectRefusal) instead of holding the server (issue 17 §2, ADR 0112).
 */
export function objectStreamTexts(text: string, bytes: Buffer, budget: InflateBudget): string[] {
  const out: string[] = [];
  const re = /\/Type\s*\/ObjStm[\s\S]*?stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) continue;
    const inflated = inflateCapped(bytes.subarray(start, end), budget);
    // null: not Flate, or truncated: nothing to read there.
    if (inflated) out.push(inflated.toString('latin1'));
  }
  return out;
}

function objectText(text: string, ref: string): string | null {
  const [n, g] = ref.split(/\s+/);
  const re = new RegExp(`(?:^|[^0-9])${n}\\s+${g}\\s+obj([\\s\\S]*?)endobj`);
  return re.exec(text)?.[1] ?? null;
}

/** Colour of an image colour space: a name, an inline array, or a reference to one. */
function colourOf(cs: string, text: string, depth = 0): boolean | null {
  const s = cs.trim();
  if (depth > 4) return null;
  const ref = /^(\d+\s+\d+)\s+R/.exec(s);
  if (ref) {
    const o = objectText(text, ref[1]!);
    return o ? colourOf(o.split('stream')[0]!, text, depth + 1) : null;
  }
  if (/^\/?(DeviceGray|CalGray|G)\b/.test(s.replace(/^\[/, '').trim())) return false;
  if (/^\/?(DeviceRGB|DeviceCMYK|CalRGB|Lab|RGB|CMYK)\b/.test(s.replace(/^\[/, '').trim())) return true;
  const icc = /ICCBased\s+(\d+\s+\d+)\s+R/.exec(s);
  if (icc) {
    const o = objectText(text, icc[1]!);
    const n = o ? num(o, 'N') : null;
    return n === null ? null : n >= 3;
  }
  if (/\/N\s+1\b/.test(s)) return false;
  if (/\/N\s+[34]\b/.test(s)) return true;
  const indexed = /Indexed\s*(\/\w+|\[[^\]]*\]|\d+\s+\d+\s+R)/.exec(s);
  if (indexed) return colourOf(indexed[1]!, text, depth + 1);
  return null;
}

/** The lowest DPI of the page images and whether they are in colour. */
export function pdfImageFacts(
  bytes: Buffer,
  text = bytes.toString('latin1'),
  streams?: string[],
): { dpi: number | null; colour: boolean | null } {
  const images: ImageInfo[] = [];
  const re = /\/Subtype\s*\/Image/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const objStart = text.lastIndexOf(' obj', m.index);
    const streamAt = text.indexOf('stream', m.index);
    if (objStart < 0 || streamAt < 0) continue;
    const dict = text.slice(objStart, streamAt);
    const width = num(dict, 'Width');
    const height = num(dict, 'Height');
    if (!width || !height) continue;
    let colour: boolean | null;
    if (/\/ImageMask\s+true/.test(dict) || num(dict, 'BitsPerComponent') === 1 || /CCITTFax|JBIG2/.test(dict))
      colour = false;
    else {
      const cs = /\/ColorSpace\s*(\/\w+|\[[^\]]*\]|\d+\s+\d+\s+R)/.exec(dict);
      colour = cs ? colourOf(cs[1]!, text) : null;
    }
    images.push({ width, height, colour });
  }
  if (images.length === 0) return { dpi: null, colour: null };

  const boxes: { w: number; h: number }[] = [];
  for (const t of [text, ...(streams ?? objectStreamTexts(text, bytes, inflateBudget()))]) {
    const mb = /\/MediaBox\s*\[\s*(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s*\]/g;
    for (let m = mb.exec(t); m; m = mb.exec(t))
      boxes.push({ w: Math.abs(Number(m[3]) - Number(m[1])), h: Math.abs(Number(m[4]) - Number(m[2])) });
  }
  // The biggest page is the most generous assumption for the image it carries.
  const page = boxes.sort((a, b) => b.w * b.h - a.w * a.h)[0];
  const maxArea = Math.max(...images.map((i) => i.width * i.height));
  // Page images, not logos or stamps: those within a quarter of the largest image's area.
  const main = images.filter((i) => i.width * i.height >= maxArea / 4);
  let dpi: number | null = null;
  if (page && page.w > 0 && page.h > 0) {
    for (const i of main) {
      const [pw, ph] = i.width > i.height === page.w > page.h ? [page.w, page.h] : [page.h, page.w];
      const d = Math.min(i.width / (pw / 72), i.height / (ph / 72));
      dpi = dpi === null ? d : Math.min(dpi, d);
    }
  }
  const colours = main.map((i) => i.colour);
  const colour = colours.some((c) => c === true) ? true : colours.every((c) => c === false) ? false : null;
  return { dpi: dpi === null ? null : Math.round(dpi), colour };
}
