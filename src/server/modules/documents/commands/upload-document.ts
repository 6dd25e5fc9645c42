import { and, eq } from 'drizzle-orm';
import {
  type DocumentCategory,
  LIST_ITEMS,
  type RecordItemKey,
  UPLOAD_RULES,
  type UploadCategory,
} from '../../../../domain/record/index.ts';
import type { Config } from '../../../config.ts';
import { appendAudit } from '../../../platform/audit/index.ts';
import { personAccess } from '../../../platform/authz/index.ts';
import { type Db, schema, type Tx } from '../../../platform/db/index.ts';
import { type AuthedCtx, auditActor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import {
  type FileFacts,
  InspectRefusal,
  inspectUntrusted,
  sanitizeFileName,
  sha256Hex,
} from '../../../platform/storage/index.ts';
import { addEntry, findPersonInScope } from '../../records/index.ts';
import { documentServices } from '../services.ts';

const { documents } = schema;

export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
}

/** The record item whose editors may file a document of each category (ข้อ 3.5 ↔ ข้อ 6.1). */
export const CATEGORY_ITEM: Record<UploadCategory, RecordItemKey> = {
  appointmentOrder: 'service',
  qualification: 'education',
  backgroundCheck: 'personal',
  civilStatus: 'names',
  statusOrders: 'service',
  houseRegistration: 'addresses',
  developmentEvidence: 'training',
  specialAbilities: 'abilities',
  specialDuties: 'specialDuties',
  discipline: 'discipline',
  martialLaw: 'martialLaw',
  decorations: 'decorations',
  licence: 'licences',
  honours: 'others',
  benefits: 'personal',
  other: 'personal',
  photo: 'photos',
};

const refuse = (
  messageKey: string,
  field = 'file',
  code: 'validation' | 'payloadTooLarge' | 'unsupportedMedia' = 'validation',
) => new AppError(code, [{ field, messageKey }]);

/**
 * Checks an upload before anything is stored: file name (no path parts), size, type by content
 * (PDF for scans, JPEG/PNG for photos), resolution ≥ 300 DPI and colour (ข้อ 3.2.1, 5.6.1), and
 * that the content is safe to keep (ADR 0112): inspected in a worker with caps on inflate,
 * pixels, time and memory; no active content or polyglot. A photo comes back normalised to the
 * form's box: `bytes`/`stored` are what is kept.
 */
export async function checkUpload(
  cfg: Config,
  category: UploadCategory,
  file: UploadedFile,
): Promise<{ name: string; facts: FileFacts; bytes: Buffer; stored: FileFacts }> {
  const n = sanitizeFileName(file.fileName);
  if ('problem' in n) throw refuse('err.upload.fileName', 'fileName');
  if (file.bytes.length === 0) throw refuse('err.upload.empty');
  if (file.bytes.length > cfg.uploadMaxBytes) throw refuse('err.upload.tooLarge', 'file', 'payloadTooLarge');
  const rules = category === 'photo' ? UPLOAD_RULES.photo : UPLOAD_RULES.scan;
  let inspected: Awaited<ReturnType<typeof inspectUntrusted>>;
  try {
    inspected = await inspectUntrusted(file.bytes, category === 'photo' ? 'photo' : 'scan');
  } catch (e) {
    if (e instanceof InspectRefusal) throw refuse(e.messageKey);
    throw e;
  }
  const { facts } = inspected;
  if (!(rules.types as readonly string[]).includes(facts.type))
    throw refuse('err.upload.type', 'file', 'unsupportedMedia');
  if (facts.dpi === null) throw refuse('err.upload.noDpi');
  if (facts.dpi < rules.minDpi) throw refuse('err.upload.lowDpi');
  if (rules.colour && facts.colour !== true) throw refuse('err.upload.notColour');
  return { name: n.name, facts, bytes: inspected.bytes, stored: inspected.storedFacts };
}

async function authorise(ctx: AuthedCtx, ex: Db | Tx, personId: string, category: UploadCategory) {
  const person = await findPersonInScope(ex, ctx.actor, personId);
  if (!person) throw new AppError('notFound');
  const access = await personAccess(ex, ctx.actor, person);
  const item = CATEGORY_ITEM[category];
  if (!access.read.includes(item)) throw new AppError('notFound');
  if (!access.edit.includes(item)) throw new AppError('forbidden');
  return person;
}

export type DocumentRow = typeof documents.$inferSelect;

async function insertDocument(
  tx: Tx,
  ctx: AuthedCtx,
  personId: string,
  category: UploadCategory,
  name: string,
  facts: FileFacts,
  bytes: Buffer,
): Promise<{ row: DocumentRow; created: boolean }> {
  const sha256 = sha256Hex(bytes);
  // Dedupe by hash: the same file filed again under the same person and category is the same document.
  const [existing] = await tx
    .select()
    .from(documents)
    .where(
      and(eq(documents.personId, personId), eq(documents.sha256, sha256), eq(documents.category, category)),
    );
  if (existing) return { row: existing, created: false };
  const [row] = await tx
    .insert(documents)
    .values({
      sha256,
      size: bytes.length,
      mime: facts.mime,
      category,
      fileName: name,
      personId,
      uploadedBy: ctx.actor.userId,
    })
    .returning();
  return { row: row!, created: true };
}

/** Files a scanned document (one of the 16 categories of ข้อ 3.5) for a person. */
export async function uploadDocument(
  ctx: AuthedCtx,
  personId: string,
  category: DocumentCategory,
  file: UploadedFile,
) {
  await authorise(ctx, ctx.h.db, personId, category);
  const { name, facts, bytes } = await checkUpload(ctx.cfg, category, file);
  const svc = await documentServices(ctx.cfg);
  return ctx.h.db.transaction(async (tx) => {
    const { row, created } = await insertDocument(tx, ctx, personId, category, name, facts, bytes);
    if (created) {
      await appendAudit(tx, auditActor(ctx), ctx.meta, [
        {
          eventType: 'document.uploaded',
          entityType: 'document',
          entityId: row.id,
          personId,
          data: { category, sha256: row.sha256, size: row.size, mime: row.mime, dpi: facts.dpi },
        },
      ]);
      // Stored last, inside the transaction: a refused or failed upload leaves nothing behind.
      await svc.store.put(bytes);
    }
    return { document: row, created };
  });
}

/**
 * Uploads a photo into box `slot` (1–7) with its year: the document and the photo entry are made
 * in one transaction, the entry through the records module's add-entry path (version, audit,
 * item 27).
 */
export async function uploadPhoto(
  ctx: AuthedCtx,
  personId: string,
  slot: number,
  yearBE: number,
  file: UploadedFile,
) {
  await authorise(ctx, ctx.h.db, personId, 'photo');
  // The entry's own rules first, so a bad slot or year stores nothing.
  LIST_ITEMS.photos.schema.parse({ slot, yearBE, documentId: '00000000-0000-4000-8000-000000000000' });
  // The photo as stored is the normalised one (its own facts: mime, 300 DPI at the box size).
  const { name, bytes, stored } = await checkUpload(ctx.cfg, 'photo', file);
  const svc = await documentServices(ctx.cfg);
  return ctx.h.db.transaction(async (tx) => {
    const { row } = await insertDocument(tx, ctx, personId, 'photo', name, stored, bytes);
    // addEntry opens a (nested → savepoint) transaction on the executor it is given.
    const inner: AuthedCtx = { ...ctx, h: { ...ctx.h, db: tx as unknown as Db } };
    const r = await addEntry(inner, personId, 'photos', { slot, yearBE, documentId: row.id });
    await svc.store.put(bytes);
    return { document: row, entry: r.entry, recordVersion: r.recordVersion };
  });
}
