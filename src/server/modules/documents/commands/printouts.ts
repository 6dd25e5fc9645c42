import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  ISSUED_KIND_ITEMS,
  ISSUED_KIND_LABELS,
  type IssuedKind,
  RECORD_ITEM_KEYS,
  type RequestKind,
} from '../../../../domain/record/index.ts';
import type { RecordView } from '../../../../domain/record/record-view.ts';
import { appendAudit } from '../../../platform/audit/index.ts';
import { missingItems, type PersonAccess, personAccess, ROLE_DEFS } from '../../../platform/authz/index.ts';
import { schema } from '../../../platform/db/index.ts';
import { type AuthedCtx, auditActor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { type Ks16Photo, renderKs16, thaiDateLong } from '../../../platform/pdf/index.ts';
import { photoForPrint } from '../../../platform/storage/index.ts';
import { findPersonInScope, readRecord } from '../../records/index.ts';
import { type CertificateKind, certificateContent } from '../certificates.ts';
import { certificationEvidence, signatureBlocks } from '../evidence.ts';
import { renderLetter } from '../letter.ts';
import { documentServices } from '../services.ts';
import { type Issued, issueDocument } from './issue-document.ts';

const { documents, documentRequests, issuedDocuments, offices } = schema;

type PersonRow = NonNullable<Awaited<ReturnType<typeof findPersonInScope>>>;

/** Person in scope (404), and the caller's access to them. */
export async function loadPerson(
  ctx: AuthedCtx,
  personId: string,
): Promise<{ person: PersonRow; access: PersonAccess }> {
  const person = await findPersonInScope(ctx.h.db, ctx.actor, personId);
  if (!person) throw new AppError('notFound');
  const access = await personAccess(ctx.h.db, ctx.actor, person);
  if (access.read.length === 0) throw new AppError('notFound');
  return { person, access };
}

/** A whole-record printout needs every item readable (a clerk sees only assigned items: 403). */
function requireFullRead(access: PersonAccess) {
  if (RECORD_ITEM_KEYS.some((k) => !access.read.includes(k))) throw new AppError('forbidden');
}

/** Records officers (who edit every item) make certified copies and certificates (ข้อ 5.5). */
function requireOfficer(access: PersonAccess) {
  if (!access.edit.includes('personal')) throw new AppError('forbidden');
}

async function photosOf(ctx: AuthedCtx, view: RecordView): Promise<Ks16Photo[]> {
  const entries = view.items.photos ?? [];
  if (entries.length === 0) return [];
  const svc = await documentServices(ctx.cfg);
  const rows = await ctx.h.db
    .select({ id: documents.id, sha256: documents.sha256 })
    .from(documents)
    .where(
      inArray(
        documents.id,
        entries.map((e) => e.documentId),
      ),
    );
  const sha = new Map(rows.map((r) => [r.id, r.sha256]));
  return Promise.all(
    entries.map(async (e) => {
      const h = sha.get(e.documentId);
      const stored = h ? ((await svc.store.get(h)) ?? undefined) : undefined;
      // Older photos were stored as sent; a huge one is fitted to the box off the event loop.
      const image = stored ? await photoForPrint(stored) : undefined;
      return { slot: e.slot, yearBE: e.yearBE, image };
    }),
  );
}

/** What the printout states (hashed into the QR token): the record's data, not who asked. */
function recordContent(view: RecordView, extra: Record<string, unknown> = {}) {
  return { person: { ...view.person, updatedAt: undefined }, items: view.items, ...extra };
}

async function actorOfficeName(ctx: AuthedCtx): Promise<string> {
  const a = ctx.actor.assignments.find((x) => x.role === 'records_officer') ?? ctx.actor.assignments[0];
  if (!a) return '';
  const [o] = await ctx.h.db.select({ name: offices.nameTh }).from(offices).where(eq(offices.id, a.officeId));
  return o?.name ?? '';
}

async function actorPosition(ctx: AuthedCtx): Promise<string> {
  const a = ctx.actor.assignments.find((x) => x.role === 'records_officer') ?? ctx.actor.assignments[0];
  const office = await actorOfficeName(ctx);
  return a ? `${ROLE_DEFS[a.role].th} ${office}`.trim() : office;
}

/** ก.ค.ศ.๑๖ printout of a record the caller may read in full (the owner's own copy: ข้อ 5.5). */
export async function printRecord(ctx: AuthedCtx, personId: string, thaiDigits = false): Promise<Issued> {
  const { person, access } = await loadPerson(ctx, personId);
  requireFullRead(access);
  const view = await readRecord(ctx.h, person.id, access);
  if (!view) throw new AppError('notFound');
  const photos = await photosOf(ctx, view);
  const signatures = await signatureBlocks(ctx.h, person.id);
  return issueDocument(ctx, {
    personId: person.id,
    kind: 'ks16',
    content: recordContent(view),
    recordVersion: view.person.recordVersion,
    location: view.person.office?.nameTh ?? 'Khru',
    render: (a) =>
      renderKs16(view, {
        reference: a.reference,
        asOf: a.asOf,
        qrPayload: a.qrPayload,
        photos,
        thaiDigits,
        signatures,
      }),
  });
}

/** The owner asks for a certified copy or a certificate (ข้อ 5.5: ยื่นคำขอผ่านระบบ). */
export async function requestDocument(ctx: AuthedCtx, kind: RequestKind, purpose: string | null) {
  const personId = ctx.actor.personId;
  if (!personId) throw new AppError('notFound');
  const { person } = await loadPerson(ctx, personId);
  return ctx.h.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(documentRequests)
      .values({ personId: person.id, kind, purpose, requestedBy: ctx.actor.userId })
      .returning();
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      {
        eventType: 'document.requested',
        entityType: 'document_request',
        entityId: row!.id,
        personId,
        data: { kind },
      },
    ]);
    return row!;
  });
}

export type RequestRow = typeof documentRequests.$inferSelect;

/**
 * A person's requests for those who decide them (the records officer, ข้อ 5.5) and the owner:
 * a request's purpose is the owner's business, not every reader's (ADR 0110).
 */
export async function listRequestsOf(ctx: AuthedCtx, personId: string): Promise<RequestRow[]> {
  const { person, access } = await loadPerson(ctx, personId);
  if (!access.isOwner) requireOfficer(access);
  return listRequests(ctx, person.id);
}

/** Requests of one person, newest first (the owner's own, or an officer's view). */
export async function listRequests(ctx: AuthedCtx, personId: string): Promise<RequestRow[]> {
  return ctx.h.db
    .select()
    .from(documentRequests)
    .where(eq(documentRequests.personId, personId))
    .orderBy(desc(documentRequests.requestedAt));
}

async function loadPendingRequest(ctx: AuthedCtx, requestId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(requestId)) throw new AppError('notFound');
  const [req] = await ctx.h.db.select().from(documentRequests).where(eq(documentRequests.id, requestId));
  if (!req) throw new AppError('notFound');
  const { person, access } = await loadPerson(ctx, req.personId);
  requireOfficer(access);
  if (req.status !== 'pending')
    throw new AppError('duplicate', [{ field: 'requestId', messageKey: 'err.request.decided' }]);
  return { req, person, access };
}

/**
 * An officer makes what was requested: the certified copy (sealed ก.ค.ศ.๑๖ marked "สำเนาถูกต้อง",
 * with the record's certification evidence embedded) or the certificate letter.
 */
export async function issueRequest(ctx: AuthedCtx, requestId: string, thaiDigits = false): Promise<Issued> {
  const { req, person, access } = await loadPendingRequest(ctx, requestId);
  const view = await readRecord(ctx.h, person.id, access);
  if (!view) throw new AppError('notFound');
  const location = view.person.office?.nameTh ?? 'Khru';
  const position = await actorPosition(ctx);
  if (req.kind === 'certified_copy') {
    const evidence = await certificationEvidence(ctx.h, person.id);
    const photos = await photosOf(ctx, view);
    const signatures = await signatureBlocks(ctx.h, person.id);
    const attachment = {
      format: 'khru-certification-evidence/1',
      personId: person.id,
      recordVersion: view.person.recordVersion,
      evidence,
    };
    return issueDocument(ctx, {
      personId: person.id,
      kind: 'ks16_certified',
      content: recordContent(view, { evidence: evidence.map((e) => e.hash ?? e.kind) }),
      recordVersion: view.person.recordVersion,
      requestId: req.id,
      location,
      render: (a) =>
        renderKs16(view, {
          reference: a.reference,
          asOf: a.asOf,
          qrPayload: a.qrPayload,
          photos,
          thaiDigits,
          signatures,
          copyMark: `สำเนาถูกต้อง  ลงชื่อ ${ctx.actor.displayName} ${position} วันที่ ${thaiDateLong(a.asOf)}`,
          attachments: [
            {
              name: 'certification-evidence.json',
              description: 'หลักฐานการลงลายมือชื่ออิเล็กทรอนิกส์รับรองทะเบียนประวัติ (certification evidence)',
              data: Buffer.from(JSON.stringify(attachment, null, 2)),
            },
          ],
        }),
    });
  }
  const kind = req.kind as CertificateKind;
  return issueDocument(ctx, {
    personId: person.id,
    kind,
    content: { kind, person: view.person.id, purpose: req.purpose, view: recordContent(view) },
    recordVersion: view.person.recordVersion,
    requestId: req.id,
    location,
    render: async (a) => {
      const issuedOn = new Date(a.asOf.getTime() + 7 * 3600e3).toISOString().slice(0, 10);
      const letter = certificateContent(
        kind,
        view,
        issuedOn,
        { name: ctx.actor.displayName, position },
        req.purpose,
      );
      letter.bookNo = `${letter.bookNo}${a.reference}`;
      return renderLetter(letter, {
        reference: a.reference,
        qrPayload: a.qrPayload,
        asOf: a.asOf,
        thaiDigits,
      });
    },
  });
}

/** An officer turns a request down, with a note the owner sees. */
export async function rejectRequest(ctx: AuthedCtx, requestId: string, note: string | null) {
  const { req } = await loadPendingRequest(ctx, requestId);
  return ctx.h.db.transaction(async (tx) => {
    const [row] = await tx
      .update(documentRequests)
      .set({ status: 'rejected', decidedBy: ctx.actor.userId, decidedAt: sql`now()`, note })
      .where(and(eq(documentRequests.id, req.id), eq(documentRequests.status, 'pending')))
      .returning();
    if (!row) throw new AppError('duplicate', [{ field: 'requestId', messageKey: 'err.request.decided' }]);
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      {
        eventType: 'document.request.rejected',
        entityType: 'document_request',
        entityId: req.id,
        personId: req.personId,
      },
    ]);
    return row;
  });
}

export type IssuedRow = typeof issuedDocuments.$inferSelect;

/** An issued document the caller may see (the owner, or a reader of the record). */
export async function loadIssued(
  ctx: AuthedCtx,
  issuedId: string,
): Promise<{ row: IssuedRow; access: PersonAccess }> {
  if (!/^[0-9a-f-]{36}$/i.test(issuedId)) throw new AppError('notFound');
  const [row] = await ctx.h.db.select().from(issuedDocuments).where(eq(issuedDocuments.id, issuedId));
  if (!row) throw new AppError('notFound');
  const { access } = await loadPerson(ctx, row.personId);
  return { row, access };
}

/**
 * Whether the caller may download an issued document: the same right as making it (ADR 0110),
 * i.e. reading every item it states — a clerk may not print the whole record (403), so she may
 * not download a printout someone else made either.
 */
export function mayDownloadIssued(access: PersonAccess, kind: string): boolean {
  return missingItems(access, 'read', ISSUED_KIND_ITEMS[kind as IssuedKind] ?? 'all').length === 0;
}

/** An issued document for download: in scope (404) and readable in full (403). */
export async function loadIssuedForDownload(ctx: AuthedCtx, issuedId: string): Promise<IssuedRow> {
  const { row, access } = await loadIssued(ctx, issuedId);
  if (!mayDownloadIssued(access, row.kind)) throw new AppError('forbidden');
  return row;
}

/** The documents issued for a person that the caller may download, newest first. */
export async function listIssued(ctx: AuthedCtx, personId: string): Promise<IssuedRow[]> {
  const { person, access } = await loadPerson(ctx, personId);
  const rows = await ctx.h.db
    .select()
    .from(issuedDocuments)
    .where(eq(issuedDocuments.personId, person.id))
    .orderBy(desc(issuedDocuments.issuedAt));
  return rows.filter((r) => mayDownloadIssued(access, r.kind));
}

/** Revokes an issued document: /verify shows it revoked from the next request on. */
export async function revokeIssued(ctx: AuthedCtx, issuedId: string, reason: string | null) {
  const { row, access } = await loadIssued(ctx, issuedId);
  requireOfficer(access);
  return ctx.h.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(issuedDocuments)
      .set({ status: 'revoked', statusChangedAt: new Date().toISOString(), statusReason: reason })
      .where(eq(issuedDocuments.id, row.id))
      .returning();
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      {
        eventType: 'document.revoked',
        entityType: 'issued_document',
        entityId: row.id,
        personId: row.personId,
        data: { kind: row.kind, reference: row.reference, previousStatus: row.status },
      },
    ]);
    return updated!;
  });
}

export const kindLabel = (k: string) => ISSUED_KIND_LABELS[k as IssuedKind]?.th ?? k;
