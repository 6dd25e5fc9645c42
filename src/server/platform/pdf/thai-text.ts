/**
 * Thai text support for pdfkit: word-boundary break hints, Thai digits, and a correct ToUnicode
 * map so that text extracted from our PDFs (copy/paste, search, screen readers, `pdftotext`) is
 * the text we printed. Background and alternatives: docs/adr/0102-thai-text-in-pdf.md.
 */

/** U+200B ZERO WIDTH SPACE: a line-break opportunity that prints nothing. */
export const ZWSP = '\u200b';
const ZERO_WIDTH_CODEPOINTS = new Set([0x200b, 0x2060, 0xfeff]);
const SARA_AM = 0x0e33;
const NIKHAHIT = 0x0e4d;

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
const THAI = /[\u0e00-\u0e7f]/;
const THAI_CONSONANT = /^[\u0e01-\u0e2e]$/;

/**
 * Words ICU's Thai dictionary splits inside a syllable (seen with ICU 78: "เบญจ|มา|ภ|รณ์",
 * "การเต|รี|ยม|พล", "ประ|กอ|บพิธี"). The form's own vocabulary must never break like that;
 * callers can add more with `thaiBreaks(text, extraWords)`.
 */
export const UNBREAKABLE_WORDS: readonly string[] = [
  'เบญจมาภรณ์',
  'จัตุรถาภรณ์',
  'ตริตาภรณ์',
  'ทวีติยาภรณ์',
  'ประถมาภรณ์',
  'มหาปรมาภรณ์',
  'มหาวชิรมงกุฎ',
  'อิสริยาภรณ์',
  'เตรียมพล',
  'ประกอบพิธี',
  'ราชกิจจานุเบกษา',
  'ปีงบประมาณ',
];

function protectedOffsets(text: string, words: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const w of words) {
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
      for (let k = i + 1; k < i + w.length; k++) out.add(k);
    }
  }
  return out;
}

/**
 * Inserts U+200B between adjacent Thai words so that pdfkit wraps only at word boundaries
 * (its UAX #14 line breaker treats a run of Thai as one unbreakable word). A hint goes only
 * between two word-like segments, one of them Thai: ICU splits "ก.ค.ศ." before the last dot, and
 * Latin text already has spaces.
 */
export function thaiBreaks(text: string, extraWords: readonly string[] = []): string {
  if (!THAI.test(text)) return text;
  const keep = protectedOffsets(
    text,
    extraWords.length ? [...UNBREAKABLE_WORDS, ...extraWords] : UNBREAKABLE_WORDS,
  );
  let out = '';
  let prev: Intl.SegmentData | undefined;
  for (const seg of segmenter.segment(text)) {
    if (
      prev?.isWordLike &&
      seg.isWordLike &&
      (THAI.test(prev.segment) || THAI.test(seg.segment)) &&
      !keep.has(seg.index) &&
      // A lone consonant is a syllable fragment, never a word of its own.
      !THAI_CONSONANT.test(prev.segment) &&
      !THAI_CONSONANT.test(seg.segment)
    )
      out += ZWSP;
    out += seg.segment;
    prev = seg;
  }
  return out;
}

/** Removes the break hints again (for measuring or comparing). */
export function stripBreaks(text: string): string {
  return text.replace(/[\u200b\u2060\ufeff]/g, '');
}

/** Arabic digits 0–9 → Thai digits ๐–๙ (U+0E50–0E59), the official style of government forms. */
export function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + d.charCodeAt(0) - 48));
}

/** What we touch of pdfkit's EmbeddedFont and fontkit's TTFFont (internal; pinned by our tests). */
type FontkitGlyph = { id: number; advanceWidth: number; codePoints: number[] };
type FontkitFont = {
  numGlyphs: number;
  characterSet: number[];
  /** The `post` table (fontkit exposes tables by tag); format 2 carries glyph names. */
  post?: { glyphNameIndex?: number[]; names?: string[] };
  glyphForCodePoint(cp: number): FontkitGlyph;
  getGlyph(id: number, codePoints?: number[]): FontkitGlyph;
};
type GlyphPosition = { xOffset: number; yOffset: number; xAdvance: number; advanceWidth: number };
type GlyphRun = { glyphs: FontkitGlyph[]; positions: GlyphPosition[] };
type EmbeddedFontInternals = {
  font: FontkitFont;
  unicode: number[][];
  subset: { glyphs: number[] };
  layoutRun: (text: string, features?: unknown) => GlyphRun;
  embed: () => unknown;
  __khruThai?: true;
};

interface FontTables {
  /** Code points the cmap assigns to each glyph id, lowest first. */
  cmap: Map<number, number[]>;
  /** Glyph ids by PostScript name (to find `.narrow` tone marks). */
  byName: Map<string, number>;
  /** PostScript name of a glyph id, from the `post` table. */
  nameOf: (id: number) => string | undefined;
}
const tables = new WeakMap<FontkitFont, FontTables>();
function fontTables(font: FontkitFont): FontTables {
  let t = tables.get(font);
  if (!t) {
    const cmap = new Map<number, number[]>();
    for (const cp of [...font.characterSet].sort((a, b) => a - b)) {
      const gid = font.glyphForCodePoint(cp).id;
      if (gid === 0) continue;
      const list = cmap.get(gid);
      if (list) list.push(cp);
      else cmap.set(gid, [cp]);
    }
    // Names come from the post table, not from getGlyph(): fontkit caches the glyph objects
    // getGlyph() creates, with whatever code points the first caller passed.
    const index = font.post?.glyphNameIndex ?? [];
    const names = font.post?.names ?? [];
    const nameOf = (id: number) => {
      const i = index[id];
      return i !== undefined && i >= 258 ? names[i - 258] : undefined;
    };
    const byName = new Map<string, number>();
    for (let id = 0; id < index.length; id++) {
      const name = nameOf(id);
      if (name) byName.set(name, id);
    }
    t = { cmap, byName, nameOf };
    tables.set(font, t);
  }
  return t;
}

/** Largest mark offset (1/1000 em) dropped as invisible; see fixThaiFont. */
const MAX_NUDGE = 20;

/** "uni0E48.narrow" → [0x0E48]; "uni0E4D0E49" → [0x0E4D, 0x0E49]. */
function codePointsFromName(name: string | undefined): number[] {
  const m = /^uni((?:[0-9A-F]{4})+)(?:\.|$)/.exec(name ?? '');
  return m ? (m[1]!.match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16)) : [];
}

/**
 * Fixes what fontkit/pdfkit get wrong for Thai in an embedded TrueType font. Call once per
 * embedded font, right after `doc.font(name)`: `fixThaiFont(doc._font)`.
 *
 * 1. Tone marks over a tall consonant with a lower vowel (ปุ่, ฟู้, ฝุ่น). fontkit shifts the
 *    normal tone glyph left by an offset (−139 units in Sarabun), which pdfkit prints with a text
 *    matrix jump; text extractors read that jump as a word gap ("ญี่ปุ่ น"). Like HarfBuzz, we
 *    use the font's own `.narrow` tone glyph instead, drawn at the pen position.
 * 2. ToUnicode. pdfkit records, per glyph, the code points of the first shaped glyph object it
 *    sees; fontkit caches one glyph object per id and creates the pieces of a decomposed SARA AM
 *    (ำ → ํ + า) with no code points. So after the first ำ every า extracts as nothing, and ำ
 *    itself as "ำา". Here every glyph the font's cmap maps gets its own code point back; a
 *    ligature or contextual glyph keeps what the shaper recorded, with ำ reduced to its nikhahit
 *    half (its า half is a separate glyph); the zero-width break glyph maps to nothing.
 *    Extracted text is then the printed text in Unicode NFKC form (ำ reads back as ํา, which
 *    NFKC-aware search and `normalize('NFKC')` treat as equal).
 */
export function fixThaiFont(embeddedFont: unknown): void {
  const f = embeddedFont as EmbeddedFontInternals;
  if (!f || typeof f.embed !== 'function' || typeof f.layoutRun !== 'function' || f.__khruThai) return;
  const { cmap, byName, nameOf } = fontTables(f.font);

  const layoutRun = f.layoutRun.bind(f);
  f.layoutRun = (text, features) => {
    const run = layoutRun(text, features);
    run.glyphs.forEach((g, i) => {
      const pos = run.positions[i]!;
      if (pos.xOffset === 0 || pos.yOffset !== 0 || g.advanceWidth !== 0) return;
      // A nudge of at most 2% of an em is invisible, but costs a text-matrix jump.
      if (Math.abs(pos.xOffset) <= MAX_NUDGE) {
        pos.xOffset = 0;
        return;
      }
      const narrow = byName.get(`${(nameOf(g.id) ?? '').replace(/\.small$/, '')}.narrow`);
      if (narrow === undefined) return;
      run.glyphs[i] = f.font.getGlyph(narrow, g.codePoints);
      pos.xOffset = 0;
    });
    return run;
  };

  const embed = f.embed.bind(f);
  f.embed = () => {
    for (let newGid = 1; newGid < f.unicode.length; newGid++) {
      const gid = f.subset.glyphs[newGid];
      if (gid === undefined) continue;
      const own = cmap.get(gid);
      const recorded = f.unicode[newGid] ?? [];
      if (own?.some((cp) => ZERO_WIDTH_CODEPOINTS.has(cp))) f.unicode[newGid] = [];
      else if (own) f.unicode[newGid] = [own.includes(recorded[0] ?? -1) ? recorded[0]! : own[0]!];
      else if (recorded.length) f.unicode[newGid] = recorded.map((cp) => (cp === SARA_AM ? NIKHAHIT : cp));
      else f.unicode[newGid] = codePointsFromName(nameOf(gid));
    }
    return embed();
  };
  f.__khruThai = true;
}
