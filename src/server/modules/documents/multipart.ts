import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/http/errors.ts';
import type { UploadedFile } from './commands/upload-document.ts';

/**
 * Reads a multipart form with at most one file into memory (the limit is enforced while
 * streaming, so an oversize upload is cut off before it is buffered whole).
 */
export async function readMultipart(
  req: FastifyRequest,
  maxBytes: number,
): Promise<{ fields: Record<string, string>; file: UploadedFile | null }> {
  if (!req.isMultipart())
    throw new AppError('validation', [{ field: 'file', messageKey: 'err.upload.missing' }]);
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  try {
    for await (const part of req.parts({
      limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 2000 },
    })) {
      if (part.type === 'file') file = { fileName: part.filename ?? '', bytes: await part.toBuffer() };
      else fields[part.fieldname] = String(part.value ?? '');
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('payloadTooLarge', [{ field: 'file', messageKey: 'err.upload.tooLarge' }]);
    if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT')
      throw new AppError('validation', [{ field: 'file', messageKey: 'err.invalid' }]);
    if (e instanceof AppError) throw e;
    // Anything else here is the form itself: a cut-off or malformed multipart body (busboy's
    // "Unexpected end of form", a broken part header) is the sender's error, not a 500.
    throw new AppError('validation', [{ field: 'file', messageKey: 'err.upload.malformed' }]);
  }
  return { fields, file };
}
