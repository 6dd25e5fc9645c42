/**
 * The seven photo boxes across the top of ก.ค.ศ.๑๖ page 1 (ข้อ 3.2.1), shared by the layout
 * (ks16.ts) and the upload step that normalises photos to the size the box prints them at
 * (storage/photo.ts, ADR 0112).
 */

/** A4 portrait width in points and the sheet's margin (Sheet's default). */
const A4_WIDTH_PT = 595.28;
export const SHEET_MARGIN_PT = 36;
export const PHOTO_BOX_COUNT = 7;
export const PHOTO_BOX_GAP_PT = 6;
export const PHOTO_BOX_HEIGHT_PT = 72;
/** The image sits 1 pt inside the box's ruled border on every side. */
export const PHOTO_BOX_INSET_PT = 1;

/** Width of one box for a content width (page width minus the margins). */
export const photoBoxWidth = (contentWidth: number): number =>
  (contentWidth - (PHOTO_BOX_COUNT - 1) * PHOTO_BOX_GAP_PT) / PHOTO_BOX_COUNT;

/** Pixels that fill the image area of a box at `dpi` (282 × 292 at 300 DPI). */
export function photoBoxPixels(dpi = 300): { width: number; height: number } {
  const w = photoBoxWidth(A4_WIDTH_PT - 2 * SHEET_MARGIN_PT) - 2 * PHOTO_BOX_INSET_PT;
  const h = PHOTO_BOX_HEIGHT_PT - 2 * PHOTO_BOX_INSET_PT;
  return { width: Math.ceil((w / 72) * dpi), height: Math.ceil((h / 72) * dpi) };
}
