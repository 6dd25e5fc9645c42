import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RequestedChange } from '../../../domain/workflow/index.ts';
import { requireActor } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { fileRequest } from './commands/file-request.ts';
import { confirmOwnerReview, overdueReviews } from './commands/owner-review.ts';
import { takeAction } from './commands/take-action.ts';
import { findCaseInScope, presentCase, readQueue } from './workflows.queries.ts';

const uuid = z.string().regex(/^[0-9a-f-]{36}$/i, { error: 'err.invalid' });
const optText = (n: number) =>
  z
    .string()
    .trim()
    .max(n, { error: 'err.tooLong' })
    .nullish()
    .transform((v) => (v ? v : null));

const change = z.union([
  z.object({
    item: z.literal('personal'),
    field: z.enum(['birthDate', 'bloodGroup', 'appointmentDate', 'subjectGroup']),
    to: z.string().nullable(),
  }),
  z.object({ item: z.string(), entryId: uuid.optional(), data: z.record(z.string(), z.unknown()) }),
]);

const queueEntry = z.object({
  id: z.string(),
  kind: z.string(),
  kindTh: z.string(),
  status: z.string(),
  statusTh: z.string(),
  personId: z.string(),
  personName: z.string(),
  stepDueDate: z.string().nullable(),
  overdue: z.boolean(),
  actions: z.array(z.string()),
});

const caseView = z.object({
  id: z.string(),
  kind: z.string(),
  kindTh: z.string(),
  clause: z.string(),
  status: z.string(),
  statusTh: z.string(),
  personId: z.string(),
  personName: z.string(),
  data: z.record(z.string(), z.unknown()),
  stepDueDate: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  steps: z.array(
    z.object({
      seq: z.number(),
      action: z.string(),
      actionTh: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      actorName: z.string(),
      actorRole: z.string(),
      at: z.string(),
      decision: z.string(),
      reason: z.string().nullable(),
      reference: z.string().nullable(),
      signatureId: z.string().nullable(),
      dueDate: z.string().nullable(),
      late: z.boolean(),
    }),
  ),
  allowed: z.array(z.string()),
});

/** Workflow routes: requests for correction/addition (ข้อ 4), case steps, work queues. */
export const workflowsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['งานตามขั้นตอน (workflows)'];

  app.get(
    '/api/v1/workflows/queue',
    {
      schema: {
        tags,
        summary: 'งานที่รอฉัน งานเกินกำหนด และเรื่องที่ส่งคืน (work queues)',
        response: {
          200: z.object({
            today: z.string(),
            waiting: z.array(queueEntry),
            overdue: z.array(queueEntry),
            returned: z.array(queueEntry),
          }),
        },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      return readQueue(req.ctx.h.db, req.ctx.actor);
    },
  );

  app.post(
    '/api/v1/people/:personId/correction-requests',
    {
      schema: {
        tags,
        summary: 'ยื่นคำขอแก้ไข/เพิ่มเติมข้อมูลทะเบียนประวัติ (ข้อ 4.1)',
        params: z.object({ personId: z.string() }),
        body: z.object({
          changes: z.array(change).max(50),
          documentIds: z.array(uuid).max(50).default([]),
          note: optText(2000),
        }),
        response: { 201: caseView },
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      const c = await fileRequest(req.ctx, req.params.personId, {
        changes: req.body.changes as RequestedChange[],
        documentIds: req.body.documentIds,
        note: req.body.note,
      });
      const found = await findCaseInScope(req.ctx.h.db, req.ctx.actor, c.id);
      return reply.status(201).send(await presentCase(req.ctx.h.db, req.ctx.actor, found!.c, found!.person));
    },
  );

  app.get(
    '/api/v1/workflows/cases/:caseId',
    {
      schema: {
        tags,
        summary: 'รายละเอียดเรื่องและขั้นตอนที่ผ่านมา (case and its steps)',
        params: z.object({ caseId: z.string() }),
        response: { 200: caseView },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      const found = await findCaseInScope(req.ctx.h.db, req.ctx.actor, req.params.caseId);
      if (!found) throw new AppError('notFound');
      return presentCase(req.ctx.h.db, req.ctx.actor, found.c, found.person);
    },
  );

  app.post(
    '/api/v1/workflows/cases/:caseId/actions',
    {
      schema: {
        tags,
        summary: 'ดำเนินการขั้นตอนถัดไป (อนุมัติ ส่งคืน ไม่อนุมัติ บันทึก)',
        params: z.object({ caseId: z.string() }),
        body: z.object({
          action: z.string().min(1).max(40),
          version: z.number().int().positive(),
          reason: optText(2000),
          reference: optText(300),
          signatureId: uuid.nullish(),
        }),
        response: { 200: caseView },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      const { c, person } = await takeAction(req.ctx, req.params.caseId, {
        action: req.body.action,
        version: req.body.version,
        reason: req.body.reason,
        reference: req.body.reference,
        signatureId: req.body.signatureId ?? null,
      });
      return presentCase(req.ctx.h.db, req.ctx.actor, c, person);
    },
  );

  app.post(
    '/api/v1/me/review',
    {
      schema: {
        tags,
        summary: 'เจ้าของประวัติยืนยันว่าตรวจสอบทะเบียนประวัติของตนแล้ว (อย่างน้อยปีละ ๒ ครั้ง)',
        body: z.object({ recordVersion: z.number().int().positive() }),
        response: { 200: z.object({ lastOwnerReviewAt: z.string(), recordVersion: z.number() }) },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      return confirmOwnerReview(req.ctx, req.body.recordVersion);
    },
  );

  app.get(
    '/api/v1/reviews/overdue',
    {
      schema: {
        tags,
        summary: 'ผู้ที่ยังไม่ได้ตรวจสอบทะเบียนประวัติของตนภายในครึ่งปี (overdue owner reviews)',
        response: {
          200: z.object({
            maxDays: z.number(),
            items: z.array(
              z.object({
                personId: z.string(),
                displayName: z.string(),
                officeCode: z.string().nullable(),
                officeName: z.string().nullable(),
                lastOwnerReviewAt: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      return overdueReviews(req.ctx);
    },
  );
};
