/**
 * Document store (public surface of platform/storage): content-addressed blobs in a local folder
 * or an S3-compatible bucket, and the upload checks (type by content, DPI, colour, file names),
 * run in a worker pool with caps on inflate, pixels, time and memory (ADR 0112).
 */
export { assertBlobKey, assertObjectName, type BlobStore, sha256Hex } from './blob-store.ts';
export { contentDisposition, sanitizeFileName } from './file-name.ts';
export { type FileFacts, imageSize, inspectFile, pdfActiveContent, type SniffedType } from './inspect.ts';
export {
  closeInspectPool,
  type Inspected,
  inspectUntrusted,
  photoForPrint,
  warmInspectPool,
} from './inspect-pool.ts';
export {
  INSPECT_TIMEOUT_MS,
  InspectRefusal,
  MAX_INFLATE_PER_FILE,
  MAX_INFLATE_PER_STREAM,
  MAX_PHOTO_PIXELS,
} from './limits.ts';
export { localBlobStore } from './local-store.ts';
export { type S3Options, s3BlobStore, signV4 } from './s3-store.ts';
export { MAX_WORKBOOK_INFLATE } from './workbook.ts';
