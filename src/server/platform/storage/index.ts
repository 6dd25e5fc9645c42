/**
 * Document store (public surface of platform/storage): content-addressed blobs in a local folder
 * or an S3-compatible bucket, and the upload checks (type by content, DPI, colour, file names).
 */
export { assertBlobKey, assertObjectName, type BlobStore, sha256Hex } from './blob-store.ts';
export { contentDisposition, sanitizeFileName } from './file-name.ts';
export { type FileFacts, inspectFile, type SniffedType } from './inspect.ts';
export { localBlobStore } from './local-store.ts';
export { type S3Options, s3BlobStore, signV4 } from './s3-store.ts';
