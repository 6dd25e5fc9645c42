/**
 * A small flow-layout layer over pdfkit for form-like printouts in Thai: fonts with the Thai
 * fixes applied, a vertical cursor with page breaks, dotted "fill-in" fields, and ruled tables
 * with multi-level headers that repeat on every page a table continues on.
 */
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { fixThaiFont, stripBreaks, thaiBreaks, toThaiDigits } from './thai-text.ts';

type Doc = PDFKit.PDFDocument;
export type Align = 'left' | 'center' | 'right';

/**
 * Sarabun (OFL) with an added zero-width glyph for U+200B, so that our word-break hints print
 * nothing (see assets/fonts/README.md and docs/adr/0102-thai-text-in-pdf.md).
 */
const FONT_FILES = {
  regular: new URL('../../../../assets/fonts/Sarabun-Regular-ZW.ttf', import.meta.url),
  bold: new URL('../../../../assets/fonts/Sarabun-Bold-ZW.ttf', import.meta.url),
} as const;
export type FontName = keyof typeof FONT_FILES;
let fontBytes: Record<FontName, Buffer> | undefined;
function fonts(): Record<FontName, Buffer> {
  fontBytes ??= { regular: readFileSync(FONT_FILES.regular), bold: readFileSync(FONT_FILES.bold) };
  return fontBytes;
}

export type PageOrientation = 'portrait' | 'landscape';

export interface SheetOptions {
  thaiDigits: boolean;
  info: { Title: string; Author?: string; Subject?: string; Keywords?: string; CreationDate: Date };
  margin?: number;
  /** Space reserved at the bottom of every page for the footer. */
  footerHeight?: number;
  /** Called after a page break inside flowing content (to print "(ต่อ)" headings). */
  onPageBreak?: () => void;
}

/** A table header cell; leaves are columns (`width` = relative weight). */
export interface HeaderCell {
  label: string;
  width?: number;
  align?: Align;
  children?: HeaderCell[];
}

/** A body cell: text, or a checkbox with text (item 19). */
export type Cell = string | { text: string; check: boolean };

export interface TableSpec {
  columns: HeaderCell[];
  rows: Cell[][];
  fontSize?: number;
  headerFontSize?: number;
  /** Printed across the whole width when there are no rows. */
  emptyText?: string;
  /** Called before the header is repeated on a new page. */
  onContinue?: () => void;
}

interface Leaf {
  cell: HeaderCell;
  x: number;
  w: number;
}

export class Sheet {
  readonly doc: Doc;
  readonly margin: number;
  readonly footerHeight: number;
  private readonly thaiDigits: boolean;
  onPageBreak: (() => void) | undefined;

  constructor(opts: SheetOptions) {
    this.margin = opts.margin ?? 36;
    this.footerHeight = opts.footerHeight ?? 22;
    this.thaiDigits = opts.thaiDigits;
    this.onPageBreak = opts.onPageBreak;
    this.doc = new PDFDocument({
      size: 'A4',
      autoFirstPage: false,
      bufferPages: true,
      margin: this.margin,
      lang: 'th-TH',
      displayTitle: true,
      pdfVersion: '1.7',
      info: { Producer: 'Khru', Creator: 'Khru', ...opts.info },
    });
    const f = fonts();
    this.doc.registerFont('regular', f.regular);
    this.doc.registerFont('bold', f.bold);
    // Load both fonts now so the ToUnicode fix is installed on each embedded font object.
    for (const name of ['bold', 'regular'] as const) {
      this.doc.font(name);
      fixThaiFont((this.doc as unknown as { _font: unknown })._font);
    }
  }

  /** Text as it will be printed: Thai digits if asked, word-break hints for wrapping. */
  prep(text: string, digits = true): string {
    return thaiBreaks(digits && this.thaiDigits ? toThaiDigits(text) : text);
  }

  get width(): number {
    return this.doc.page.width - 2 * this.margin;
  }
  get left(): number {
    return this.margin;
  }
  get right(): number {
    return this.doc.page.width - this.margin;
  }
  get top(): number {
    return this.margin;
  }
  /** Lowest y content may reach on this page. */
  get bottom(): number {
    return this.doc.page.height - this.margin - this.footerHeight;
  }
  get y(): number {
    return this.doc.y;
  }
  set y(v: number) {
    this.doc.y = v;
  }

  addPage(orientation: PageOrientation): void {
    this.doc.addPage({ size: 'A4', layout: orientation, margin: this.margin });
    this.doc.x = this.left;
    this.doc.y = this.top;
  }

  /** Starts a new page of the same orientation if `height` does not fit below the cursor. */
  ensureSpace(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    const landscape = this.doc.page.width > this.doc.page.height;
    this.addPage(landscape ? 'landscape' : 'portrait');
    this.onPageBreak?.();
    return true;
  }

  private size = 10;

  font(name: FontName, size: number): this {
    this.doc.font(name).fontSize(size);
    this.size = size;
    return this;
  }

  /** Line height of the current font at `size` (also makes `size` current). */
  lineHeight(size: number): number {
    this.doc.fontSize(size);
    this.size = size;
    return this.doc.currentLineHeight(true);
  }

  widthOf(text: string): number {
    return this.doc.widthOfString(stripBreaks(text));
  }

  heightOf(text: string, width: number): number {
    return this.doc.heightOfString(text, { width, lineGap: 0 });
  }

  /** One line of text at (x, y), never wrapped; shrinks the font (down to 70%) to fit `maxWidth`. */
  textAt(
    text: string,
    x: number,
    y: number,
    opts: { maxWidth?: number; align?: Align; width?: number; keepDigits?: boolean } = {},
  ): number {
    const size = this.size;
    const s = this.prep(text, !opts.keepDigits);
    let w = this.widthOf(s);
    if (opts.maxWidth && w > opts.maxWidth) {
      this.doc.fontSize(Math.max(size * 0.7, (size * opts.maxWidth) / w));
      w = this.widthOf(s);
    }
    const boxWidth = opts.width ?? opts.maxWidth;
    const dx =
      boxWidth && opts.align === 'center'
        ? (boxWidth - w) / 2
        : boxWidth && opts.align === 'right'
          ? boxWidth - w
          : 0;
    this.doc.text(s, x + Math.max(0, dx), y, { lineBreak: false });
    this.doc.fontSize(size);
    return w;
  }

  /** Wrapped paragraph at the cursor (Thai breaks at word boundaries). */
  paragraph(text: string, opts: { x?: number; width?: number; align?: Align; gap?: number } = {}): void {
    const x = opts.x ?? this.left;
    const width = opts.width ?? this.right - x;
    const s = this.prep(text);
    this.ensureSpace(this.heightOf(s, width));
    this.doc.text(s, x, this.y, { width, align: opts.align ?? 'left', lineGap: 0 });
    this.doc.x = this.left;
    this.y += opts.gap ?? 0;
  }

  dottedLine(x1: number, x2: number, y: number): void {
    this.doc
      .save()
      .lineWidth(0.5)
      .strokeColor('#555555')
      .dash(0.8, { space: 1.6 })
      .moveTo(x1, y)
      .lineTo(x2, y)
      .stroke()
      .undash()
      .restore();
  }

  /** "label ……value……" in a box of width `w`; the value shrinks to fit its dotted line. */
  fieldAt(label: string, value: string, x: number, y: number, w: number, size: number, line = true): void {
    this.font('regular', size);
    const lw = label ? this.textAt(label, x, y, { maxWidth: line ? w * 0.8 : w }) + 4 : 0;
    if (!line) return;
    const vx = x + lw;
    const vw = w - lw - 6;
    this.dottedLine(vx, vx + vw, y + size * 1.18);
    this.font('bold', size);
    if (value) this.textAt(value, vx + 3, y, { maxWidth: vw - 4 });
    this.font('regular', size);
  }

  /**
   * A line of fill-in fields like the paper form: "label ……value……" segments; `span` is each
   * segment's share of the width (after `indent`).
   */
  fields(
    segments: { label: string; value: string; span: number; line?: boolean }[],
    size: number,
    indent = 0,
  ): void {
    const lh = this.lineHeight(size) + 3;
    this.ensureSpace(lh);
    const total = segments.reduce((a, s) => a + s.span, 0);
    let x = this.left + indent;
    const y = this.y;
    for (const seg of segments) {
      const w = ((this.width - indent) * seg.span) / total;
      this.fieldAt(seg.label, seg.value, x, y, w, size, seg.line ?? true);
      x += w;
    }
    this.y = y + lh;
  }

  /** Height a table needs before its first body row can be printed (header + first row). */
  tableStartHeight(spec: TableSpec): number {
    const fontSize = spec.fontSize ?? 9;
    const leaves = this.layoutLeaves(spec.columns);
    const header = this.measureHeader(spec.columns, leaves, spec.headerFontSize ?? fontSize - 0.5, 3, 2);
    const first = spec.rows[0]
      ? this.measureRow(spec.rows[0], leaves, fontSize, 3, 2)
      : this.lineHeight(fontSize) + 4;
    return header.height + first;
  }

  /** Draws a ruled table at the cursor, continuing across pages with the header repeated. */
  table(spec: TableSpec): void {
    const doc = this.doc;
    const fontSize = spec.fontSize ?? 9;
    const headerSize = spec.headerFontSize ?? fontSize - 0.5;
    const padX = 3;
    const padY = 2;
    const leaves = this.layoutLeaves(spec.columns);
    const header = this.measureHeader(spec.columns, leaves, headerSize, padX, padY);
    const rowHeights = spec.rows.map((row) => this.measureRow(row, leaves, fontSize, padX, padY));
    const firstRow = rowHeights[0] ?? this.lineHeight(fontSize) + 2 * padY;
    this.ensureSpace(header.height + firstRow);
    this.drawHeader(spec.columns, leaves, header, headerSize, padX, padY);
    doc.lineWidth(0.5).strokeColor('#000000');
    if (spec.rows.length === 0) {
      const h = this.lineHeight(fontSize) + 2 * padY;
      doc.rect(this.left, this.y, this.width, h).stroke();
      this.font('regular', fontSize);
      this.textAt(spec.emptyText ?? '-', this.left, this.y + padY, { width: this.width, align: 'center' });
      this.y += h;
    }
    spec.rows.forEach((row, i) => {
      const h = rowHeights[i]!;
      if (this.y + h > this.bottom) {
        this.ensureSpace(Number.POSITIVE_INFINITY);
        spec.onContinue?.();
        this.drawHeader(spec.columns, leaves, header, headerSize, padX, padY);
      }
      this.drawRow(row, leaves, h, fontSize, padX, padY);
    });
    doc.x = this.left;
  }

  private layoutLeaves(columns: HeaderCell[]): Leaf[] {
    const out: HeaderCell[] = [];
    const walk = (cells: HeaderCell[]) => {
      for (const c of cells) {
        if (c.children?.length) walk(c.children);
        else out.push(c);
      }
    };
    walk(columns);
    const total = out.reduce((a, c) => a + (c.width ?? 1), 0);
    let x = this.left;
    return out.map((cell) => {
      const w = (this.width * (cell.width ?? 1)) / total;
      const leaf = { cell, x, w };
      x += w;
      return leaf;
    });
  }

  private measureHeader(columns: HeaderCell[], leaves: Leaf[], size: number, padX: number, padY: number) {
    const depthOf = (c: HeaderCell): number => 1 + Math.max(0, ...(c.children ?? []).map(depthOf));
    const depth = Math.max(...columns.map(depthOf));
    const rows = new Array<number>(depth).fill(0);
    const spans: { cell: HeaderCell; level: number; x: number; w: number; levels: number }[] = [];
    let leafIndex = 0;
    const walk = (cells: HeaderCell[], level: number) => {
      for (const c of cells) {
        const first = leafIndex;
        if (c.children?.length) walk(c.children, level + 1);
        else leafIndex++;
        const ls = leaves.slice(first, leafIndex);
        const x = ls[0]!.x;
        const w = ls.reduce((a, l) => a + l.w, 0);
        spans.push({ cell: c, level, x, w, levels: c.children?.length ? 1 : depth - level });
      }
    };
    walk(columns, 0);
    this.font('bold', size);
    for (const s of spans.filter((s) => s.levels === 1)) {
      rows[s.level] = Math.max(
        rows[s.level]!,
        this.heightOf(this.prep(s.cell.label), s.w - 2 * padX) + 2 * padY,
      );
    }
    for (const s of spans.filter((s) => s.levels > 1)) {
      const need = this.heightOf(this.prep(s.cell.label), s.w - 2 * padX) + 2 * padY;
      const have = rows.slice(s.level).reduce((a, h) => a + h, 0);
      if (need > have) rows[depth - 1]! += need - have;
    }
    return { rows, spans, height: rows.reduce((a, h) => a + h, 0) };
  }

  private drawHeader(
    _columns: HeaderCell[],
    _leaves: Leaf[],
    header: ReturnType<Sheet['measureHeader']>,
    size: number,
    padX: number,
    padY: number,
  ): void {
    const doc = this.doc;
    const top = this.y;
    const levelY = header.rows.map((_, i) => top + header.rows.slice(0, i).reduce((a, h) => a + h, 0));
    this.font('bold', size);
    for (const s of header.spans) {
      const y = levelY[s.level]!;
      const h = header.rows.slice(s.level, s.level + s.levels).reduce((a, v) => a + v, 0);
      doc.save().rect(s.x, y, s.w, h).fillAndStroke('#ececec', '#000000').restore();
      doc.lineWidth(0.5).rect(s.x, y, s.w, h).stroke();
      const text = this.prep(s.cell.label);
      const th = this.heightOf(text, s.w - 2 * padX);
      doc.fillColor('#000000').text(text, s.x + padX, y + Math.max(padY, (h - th) / 2), {
        width: s.w - 2 * padX,
        align: 'center',
        lineGap: 0,
      });
    }
    this.y = top + header.height;
  }

  private cellText(cell: Cell): string {
    return typeof cell === 'string' ? cell : cell.text;
  }

  private measureRow(row: Cell[], leaves: Leaf[], size: number, padX: number, padY: number): number {
    this.font('regular', size);
    let h = this.lineHeight(size);
    leaves.forEach((leaf, i) => {
      const cell = row[i] ?? '';
      const indent = typeof cell === 'string' ? 0 : size + 2;
      const text = this.prep(this.cellText(cell));
      if (text) h = Math.max(h, this.heightOf(text, leaf.w - 2 * padX - indent));
    });
    return h + 2 * padY;
  }

  private drawRow(row: Cell[], leaves: Leaf[], h: number, size: number, padX: number, padY: number): void {
    const doc = this.doc;
    const y = this.y;
    this.font('regular', size);
    doc.lineWidth(0.5).strokeColor('#000000');
    leaves.forEach((leaf, i) => {
      const cell = row[i] ?? '';
      doc.rect(leaf.x, y, leaf.w, h).stroke();
      let x = leaf.x + padX;
      let w = leaf.w - 2 * padX;
      if (typeof cell !== 'string') {
        this.checkbox(x, y + padY + size * 0.3, size * 0.8, cell.check);
        x += size + 2;
        w -= size + 2;
      }
      const text = this.prep(this.cellText(cell));
      if (text)
        doc
          .fillColor('#000000')
          .text(text, x, y + padY, { width: w, align: leaf.cell.align ?? 'left', lineGap: 0 });
    });
    this.y = y + h;
  }

  /** A square box, ticked with a vector check mark (no font glyph needed). */
  checkbox(x: number, y: number, s: number, checked: boolean): void {
    const doc = this.doc;
    doc.save().lineWidth(0.6).rect(x, y, s, s).stroke();
    if (checked) {
      doc
        .lineWidth(1.1)
        .moveTo(x + s * 0.18, y + s * 0.52)
        .lineTo(x + s * 0.42, y + s * 0.78)
        .lineTo(x + s * 0.86, y + s * 0.16)
        .stroke();
    }
    doc.restore();
  }

  /** Renders the document to a Buffer. */
  finish(): Promise<Buffer> {
    const doc = this.doc;
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
      doc.end();
    });
  }
}
