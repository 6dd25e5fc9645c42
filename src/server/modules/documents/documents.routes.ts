import multipart from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DOCUMENT_CATEGORIES, REQUEST_KINDS } from '../../../domain/record/documents.ts';
import { requireActor } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { closeInspectPool, contentDisposition, warmInspectPool } from '../../platform/storage/index.ts';
import type { Issued } from './commands/issue-document.ts';
import {
  issueRequest,
  listIssued,
  listRequests,
  listRequestsOf,
  loadIssuedForDownload,
  loadPerson,
  printRecord,
  rejectRequest,
  requestDocument,
  revokeIssued,
} from './commands/printouts.ts';
import { CATEGORY_ITEM, uploadDocument, uploadPhoto } from './commands/upload-document.ts';
import { readMultipart } from './multipart.ts';
import { type DocumentRow, documentById, documentsOfPerson, photoInSlot } from './queries.ts';
import { documentServices } from './services.ts';

const uuid = z.string().uuid({ error: 'err.invalid' });
const personIdParams = z.object({ personId: uuid });
const pdfQuery = z.object({ thaiDigits: z.enum(['0', '1']).optional() });
/** A printout's options: Thai digits in the PDF (ข้อ 5.5). No body at all is the default. */
const printoutBody = z.object({ thaiDigits: z.boolean({ error: 'err.invalid' }).optional() }).nullish();
const documentOut = z.object({
  id: z.string(),
  sha256: z.string(),
  size: z.number(),
  mime: z.string(),
  category: z.string(),
  fileName: z.string(),
  createdAt: z.string(),
});
const requestOut = z.object({
  id: z.string(),
  personId: z.string(),
  kind: z.string(),
  status: z.string(),
  purpose: z.string().nullable(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  issuedDocumentId: z.string().nullable(),
  note: z.string().nullable(),
});
const issuedOut = z.object({
  id: z.string(),
  kind: z.string(),
  reference: z.string(),
  sha256: z.string(),
  status: z.string(),
  issuedAt: z.string(),
});

function sendPdf(reply: FastifyReply, d: Issued) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', contentDisposition(`${d.reference}.pdf`))
    .header('x-khru-document-id', d.id)
    .header('x-khru-reference', d.reference)
    .header('location', `/api/v1/issued/${d.id}/pdf`)
    .send(d.pdf);
}

const presentDoc = (d: DocumentRow) => ({
  id: d.id,
  sha256: d.sha256,
  size: d.size,
  mime: d.mime,
  category: d.category,
  fileName: d.fileName,
  createdAt: new Date(d.createdAt).toISOString(),
});

/** Attachments (ข้อ 3.5), photos (ข้อ 3.2.1), printouts (ข้อ 5.5), certified copies and certificates. */
export const documentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['เอกสารและการพิมพ์ (documents)'];
  const cfg = app.khruConfig;
  // preservePath: see the name as sent, so that "../x.pdf" is refused rather than silently trimmed.
  await app.register(multipart, { preservePath: true, limits: { fileSize: cfg.uploadMaxBytes, files: 1 } });
  const uploadBodyLimit = cfg.uploadMaxBytes + 1024 * 1024;
  // On the first real start (listen, not app.inject in tests) create the dev CA and the QR-token
  // key under DATA_DIR/keys, so the first printout does not pay for key generation.
  app.addHook('onListen', async () => {
    // One upload-inspection worker ready before the first upload (ADR 0112).
    await warmInspectPool().catch((err: unknown) =>
      app.log.error({ err }, 'upload inspection pool failed to start'),
    );
    const svc = await documentServices(cfg);
    app.log.info(
      { tokenKid: svc.tokens.current.kid, seal: svc.sealName, devCa: !!svc.devCaPem },
      'signing keys ready',
    );
  });

  app.addHook('onClose', closeInspectPool);

  app.post(
    '/api/v1/people/:personId/documents',
    {
      bodyLimit: uploadBodyLimit,
      schema: {
        tags,
        summary: 'อัปโหลดเอกสารหลักฐาน (multipart: category, file) — PDF สี ≥ 300 DPI (ข้อ 5.6.1)',
        params: personIdParams,
        response: { 201: z.object({ document: documentOut, created: z.boolean() }) },
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      const { fields, file } = await readMultipart(req, cfg.uploadMaxBytes);
      const category = z.enum(DOCUMENT_CATEGORIES, { error: 'err.choice' }).safeParse(fields.category);
      if (!category.success)
        throw new AppError('validation', [{ field: 'category', messageKey: 'err.choice' }]);
      if (!file) throw new AppError('validation', [{ field: 'file', messageKey: 'err.upload.missing' }]);
      const r = await uploadDocument(req.ctx, req.params.personId, category.data, file);
      return reply.status(201).send({ document: presentDoc(r.document), created: r.created });
    },
  );

  app.get(
    '/api/v1/people/:personId/documents',
    {
      schema: {
        tags,
        summary: 'รายการเอกสารหลักฐานของบุคคล',
        params: personIdParams,
        response: { 200: z.object({ items: z.array(documentOut) }) },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      const { person, access } = await loadPerson(req.ctx, req.params.personId);
      const rows = await documentsOfPerson(req.ctx.h.db, person.id);
      return {
        items: rows
          .filter((d) => access.read.includes(CATEGORY_ITEM[d.category as 'other'] ?? 'personal'))
          .map(presentDoc),
      };
    },
  );

  app.get(
    '/api/v1/documents/:documentId/file',
    { schema: { tags, summary: 'ดาวน์โหลดเอกสารหลักฐาน', params: z.object({ documentId: uuid }) } },
    async (req, reply) => {
      requireActor(req.ctx);
      const d = await documentById(req.ctx.h.db, req.params.documentId);
      if (!d?.personId) throw new AppError('notFound');
      const { access } = await loadPerson(req.ctx, d.personId);
      if (!access.read.includes(CATEGORY_ITEM[d.category as 'other'] ?? 'personal'))
        throw new AppError('notFound');
      const bytes = await (await documentServices(req.ctx.cfg)).store.get(d.sha256);
      if (!bytes) throw new AppError('notFound');
      return reply
        .header('content-type', d.mime)
        .header('content-disposition', contentDisposition(d.fileName))
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(bytes);
    },
  );

  app.post(
    '/api/v1/people/:personId/photos',
    {
      bodyLimit: uploadBodyLimit,
      schema: {
        tags,
        summary: 'อัปโหลดรูปถ่าย (multipart: slot 1–7, yearBE, file) — ภาพสี ≥ 300 DPI (ข้อ 3.2.1)',
        params: personIdParams,
        response: {
          201: z.object({
            document: documentOut,
            entry: z.record(z.string(), z.unknown()),
            recordVersion: z.number(),
          }),
        },
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      const { fields, file } = await readMultipart(req, cfg.uploadMaxBytes);
      if (!file) throw new AppError('validation', [{ field: 'file', messageKey: 'err.upload.missing' }]);
      const r = await uploadPhoto(
        req.ctx,
        req.params.personId,
        Number(fields.slot),
        Number(fields.yearBE),
        file,
      );
      return reply
        .status(201)
        .send({ document: presentDoc(r.document), entry: r.entry, recordVersion: r.recordVersion });
    },
  );

  app.get(
    '/api/v1/people/:personId/photos/:slot',
    {
      schema: {
        tags,
        summary: 'รูปถ่ายในช่องที่ระบุ (ไฟล์ภาพ)',
        params: personIdParams.extend({ slot: z.coerce.number().int().min(1).max(7) }),
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      const { person, access } = await loadPerson(req.ctx, req.params.personId);
      if (!access.read.includes('photos')) throw new AppError('notFound');
      const row = await photoInSlot(req.ctx.h.db, person.id, req.params.slot);
      if (!row) throw new AppError('notFound');
      const bytes = await (await documentServices(req.ctx.cfg)).store.get(row.sha256);
      if (!bytes) throw new AppError('notFound');
      return reply.header('content-type', row.mime).header('cache-control', 'private, no-store').send(bytes);
    },
  );

  // Issuing a printout registers it and supersedes the person's earlier printout (ข้อ 5.5, ADR 0104),
  // so it is a POST: no GET changes state (ADR 0116). The answer is the sealed PDF itself, with its
  // id and the read-only link to fetch it again (GET /api/v1/issued/:issuedId/pdf).
  app.post(
    '/api/v1/me/printouts',
    {
      schema: {
        tags,
        summary: 'พิมพ์ทะเบียนประวัติของตนเอง (ก.ค.ศ.๑๖, PDF ประทับตรา ลงทะเบียนฉบับพิมพ์) — ข้อ 5.5',
        body: printoutBody,
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      if (!req.ctx.actor.personId) throw new AppError('notFound');
      const d = await printRecord(req.ctx, req.ctx.actor.personId, req.body?.thaiDigits === true);
      return sendPdf(reply.status(201), d);
    },
  );

  app.post(
    '/api/v1/people/:personId/printouts',
    {
      schema: {
        tags,
        summary: 'พิมพ์ทะเบียนประวัติ (ก.ค.ศ.๑๖, PDF ประทับตรา ลงทะเบียนฉบับพิมพ์)',
        params: personIdParams,
        body: printoutBody,
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      const d = await printRecord(req.ctx, req.params.personId, req.body?.thaiDigits === true);
      return sendPdf(reply.status(201), d);
    },
  );

  app.post(
    '/api/v1/me/requests',
    {
      schema: {
        tags,
        summary: 'ยื่นคำขอสำเนารับรองหรือหนังสือรับรอง (ข้อ 5.5)',
        body: z.object({
          kind: z.enum(REQUEST_KINDS, { error: 'err.request.kind' }),
          purpose: z.string().trim().max(300, { error: 'err.tooLong' }).optional(),
        }),
        response: { 201: requestOut },
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      const row = await requestDocument(req.ctx, req.body.kind, req.body.purpose || null);
      return reply.status(201).send(presentRequest(row));
    },
  );

  app.get(
    '/api/v1/me/requests',
    { schema: { tags, summary: 'คำขอของฉัน', response: { 200: z.object({ items: z.array(requestOut) }) } } },
    async (req) => {
      requireActor(req.ctx);
      if (!req.ctx.actor.personId) return { items: [] };
      return { items: (await listRequests(req.ctx, req.ctx.actor.personId)).map(presentRequest) };
    },
  );

  app.get(
    '/api/v1/people/:personId/requests',
    {
      schema: {
        tags,
        summary: 'คำขอสำเนารับรอง/หนังสือรับรองของบุคคล',
        params: personIdParams,
        response: { 200: z.object({ items: z.array(requestOut) }) },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      return { items: (await listRequestsOf(req.ctx, req.params.personId)).map(presentRequest) };
    },
  );

  app.post(
    '/api/v1/requests/:requestId/issue',
    {
      schema: {
        tags,
        summary: 'ผู้จัดทำทะเบียนประวัติจัดทำสำเนารับรอง/หนังสือรับรองตามคำขอ (ประทับตรา PAdES)',
        params: z.object({ requestId: uuid }),
        querystring: pdfQuery,
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      return sendPdf(reply, await issueRequest(req.ctx, req.params.requestId, req.query.thaiDigits === '1'));
    },
  );

  app.post(
    '/api/v1/requests/:requestId/reject',
    {
      schema: {
        tags,
        summary: 'ไม่อนุมัติคำขอ',
        params: z.object({ requestId: uuid }),
        body: z.object({ note: z.string().trim().max(300, { error: 'err.tooLong' }).optional() }),
        response: { 200: requestOut },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      return presentRequest(await rejectRequest(req.ctx, req.params.requestId, req.body.note || null));
    },
  );

  app.get(
    '/api/v1/people/:personId/issued',
    {
      schema: {
        tags,
        summary: 'เอกสารที่ออกให้บุคคล (ฉบับพิมพ์ สำเนารับรอง หนังสือรับรอง)',
        params: personIdParams,
        response: { 200: z.object({ items: z.array(issuedOut) }) },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      const rows = await listIssued(req.ctx, req.params.personId);
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          reference: r.reference,
          sha256: r.sha256,
          status: r.status,
          issuedAt: new Date(r.issuedAt).toISOString(),
        })),
      };
    },
  );

  app.get(
    '/api/v1/issued/:issuedId/pdf',
    {
      schema: {
        tags,
        summary: 'ดาวน์โหลดเอกสารที่ออกแล้ว (PDF ตามที่ประทับตรา)',
        params: z.object({ issuedId: uuid }),
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      const row = await loadIssuedForDownload(req.ctx, req.params.issuedId);
      const pdf = await (await documentServices(req.ctx.cfg)).store.get(row.sha256);
      if (!pdf) throw new AppError('notFound');
      return sendPdf(reply, { id: row.id, reference: row.reference, sha256: row.sha256, pdf });
    },
  );

  app.post(
    '/api/v1/issued/:issuedId/revoke',
    {
      schema: {
        tags,
        summary: 'เพิกถอนเอกสารที่ออกแล้ว (แสดงผลที่หน้าตรวจสอบทันที)',
        params: z.object({ issuedId: uuid }),
        body: z.object({ reason: z.string().trim().max(300, { error: 'err.tooLong' }).optional() }),
        response: { 200: issuedOut },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      const r = await revokeIssued(req.ctx, req.params.issuedId, req.body.reason || null);
      return {
        id: r.id,
        kind: r.kind,
        reference: r.reference,
        sha256: r.sha256,
        status: r.status,
        issuedAt: new Date(r.issuedAt).toISOString(),
      };
    },
  );
};

function presentRequest(r: Awaited<ReturnType<typeof listRequests>>[number]) {
  return {
    id: r.id,
    personId: r.personId,
    kind: r.kind,
    status: r.status,
    purpose: r.purpose,
    requestedAt: new Date(r.requestedAt).toISOString(),
    decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
    issuedDocumentId: r.issuedDocumentId,
    note: r.note,
  };
}
