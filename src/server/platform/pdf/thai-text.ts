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
type FontkitFont = {
  characterSet: number[];
  glyphForCodePoint(cp: number): { id: number };
};
type GlyphRun = { glyphs: { id: number; advanceWidth: number }[]; positions: { advanceWidth: number }[] };
type EmbeddedFontInternals = {
  font: FontkitFont;
  unicode: number[][];
  widths: number[];
  subset: { glyphs: number[] };
  layoutRun: (text: string, features?: unknown) => GlyphRun;
  embed: () => unknown;
  __khruThai?: true;
};

/**
 * Declared width (1/1000 em) of zero-advance mark glyphs. The pen does not move (pdfkit cancels
 * the width in the TJ array), but text extractors see a mark as a small box instead of a point.
 * Without it poppler reads the gap after a tone mark shifted left over a tall consonant (ปุ่,
 * ป่, ฟ้: −0.139 em in Sarabun) as a word break, printing "ญี่ปุ่ น"; 60 keeps every gap and
 * overlap within poppler's limits (break at > +0.1 em or < −0.2 em).
 */
const MARK_WIDTH = 0;

/** The code points the font's cmap assigns to each glyph id (first = lowest code point). */
const reverseCmaps = new WeakMap<FontkitFont, Map<number, number[]>>();
function reverseCmap(font: FontkitFont): Map<number, number[]> {
  let map = reverseCmaps.get(font);
  if (!map) {
    map = new Map();
    for (const cp of [...font.characterSet].sort((a, b) => a - b)) {
      const gid = font.glyphForCodePoint(cp).id;
      if (gid === 0) continue;
      const list = map.get(gid);
      if (list) list.push(cp);
      else map.set(gid, [cp]);
    }
    reverseCmaps.set(font, map);
  }
  return map;
}

/**
 * Makes text extracted from a pdfkit-embedded TrueType font equal to the printed text.
 *
 * 1. ToUnicode. pdfkit records, per glyph, the code points of the first shaped glyph object it
 *    sees; fontkit caches one glyph object per id and creates the pieces of a decomposed SARA AM
 *    (ำ → ํ + า) with no code points. So after the first ำ every า extracts as nothing, and ำ
 *    itself as "ำา". Here every glyph the font's cmap maps gets its own code point back; a
 *    ligature or contextual glyph keeps what the shaper recorded, with ำ reduced to its nikhahit
 *    half (its า half is a separate glyph); the zero-width break glyph maps to nothing.
 *    Extracted text is then the printed text in Unicode NFKC form (ำ reads back as ํา, which
 *    NFKC-aware search and `normalize('NFKC')` treat as equal).
 * 2. Mark widths (see MARK_WIDTH).
 *
 * Call once per embedded font, right after `doc.font(name)`: `fixThaiFont(doc._font)`.
 */
export function fixThaiFont(embeddedFont: unknown): void {
  const f = embeddedFont as EmbeddedFontInternals;
  if (!f || typeof f.embed !== 'function' || typeof f.layoutRun !== 'function' || f.__khruThai) return;
  const cmap = reverseCmap(f.font);
  const zeroWidthGlyphs = new Set([...ZERO_WIDTH_CODEPOINTS].map((cp) => f.font.glyphForCodePoint(cp).id));
  const marks = new Set<number>();

  const layoutRun = f.layoutRun.bind(f);
  f.layoutRun = (text, features) => {
    const run = layoutRun(text, features);
    run.glyphs.forEach((g, i) => {
      const pos = run.positions[i];
      if (pos && g.advanceWidth === 0 && !zeroWidthGlyphs.has(g.id)) {
        pos.advanceWidth = MARK_WIDTH;
        marks.add(g.id);
      }
    });
    return run;
  };

  const embed = f.embed.bind(f);
  f.embed = () => {
    for (let newGid = 1; newGid < f.unicode.length; newGid++) {
      const gid = f.subset.glyphs[newGid];
      if (gid === undefined) continue;
      if (marks.has(gid)) f.widths[newGid] = MARK_WIDTH;
      const own = cmap.get(gid);
      const recorded = f.unicode[newGid] ?? [];
      if (own?.some((cp) => ZERO_WIDTH_CODEPOINTS.has(cp))) f.unicode[newGid] = [];
      else if (own) f.unicode[newGid] = [own.includes(recorded[0] ?? -1) ? recorded[0]! : own[0]!];
      else f.unicode[newGid] = recorded.map((cp) => (cp === SARA_AM ? NIKHAHIT : cp));
    }
    return embed();
  };
  f.__khruThai = true;
}
