/**
 * Photos are stored at the size the ก.ค.ศ.๑๖ box prints them (photo-box.ts: 282 × 292 px at
 * 300 DPI), re-encoded by libvips (sharp) with their metadata stripped, so a printout never
 * decodes a camera original and a polyglot's extra bytes do not survive (issue 17 §2, ADR 0112).
 * The pixel count is read from the header first; over MAX_PHOTO_PIXELS the photo is refused
 * before anything is decoded. Runs in the inspection worker (inspect-pool.ts).
 */
import sharp, { type Metadata } from 'sharp';
import { photoBoxPixels } from '../pdf/photo-box.ts';
import { InspectRefusal, MAX_PHOTO_PIXELS } from './limits.ts';

sharp.cache(false);
sharp.concurrency(1);

export interface NormalisedPhoto {
  bytes: Buffer;
  width: number;
  height: number;
}

/** The photo fitted inside the form's box at 300 DPI (never enlarged), same format, no metadata. */
export async function normalisePhoto(
  bytes: Buffer,
  type: 'jpeg' | 'png',
  dpi: number | null,
): Promise<NormalisedPhoto> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new InspectRefusal('err.upload.badImage');
  }
  if (!meta.width || !meta.height) throw new InspectRefusal('err.upload.badImage');
  if (meta.width * meta.height > MAX_PHOTO_PIXELS) throw new InspectRefusal('err.upload.tooManyPixels');
  const box = photoBoxPixels(300);
  const resized = meta.width > box.width || meta.height > box.height;
  const img = sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error' })
    .rotate() // EXIF orientation applied before the metadata goes
    .resize({ width: box.width, height: box.height, fit: 'inside', withoutEnlargement: true })
    .withDensity(resized ? 300 : Math.max(dpi ?? 300, 1));
  try {
    const { data, info } = await (type === 'png'
      ? img.png({ compressionLevel: 9 })
      : img.jpeg({ quality: 90, mozjpeg: true })
    ).toBuffer({ resolveWithObject: true });
    return { bytes: data, width: info.width, height: info.height };
  } catch {
    throw new InspectRefusal('err.upload.badImage');
  }
}
