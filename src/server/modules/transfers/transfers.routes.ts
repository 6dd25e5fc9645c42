import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayInBangkok } from '../../../domain/iso-date.ts';
import { isoDate, nationalId } from '../../../domain/record/primitives.ts';
import { orderDateProblem } from '../../../domain/transfer/service-status.ts';
import { requireActor } from '../../platform/http/context.ts';
import { confirmMove, disputeMove, requestMove } from './commands/move.ts';
import { receiveExternal } from './commands/receive-external.ts';
import { receiveTransfer, transferOut } from './commands/transfer-between-agencies.ts';
import { reappoint, removeFromRegister } from './commands/transfers.ts';
import { listMoves } from './queries.ts';

const uuid = z.string().regex(/^[0-9a-f-]{36}$/i, { error: 'err.invalid' });
const text = (max: number) =>
  z
    .string({ error: 'err.required' })
    .trim()
    .min(1, { error: 'err.required' })
    .max(max, { error: 'err.tooLong' });
/** The order's citation (ข้อ 5.2): number, a real date not after today, issuing authority. */
const order = {
  number: text(100),
  orderDate: isoDate.superRefine((d, c) => {
    const problem = orderDateProblem(d, todayInBangkok());
    if (problem) c.addIssue({ code: 'custom', message: problem });
  }),
  issuingAuthority: text(200)
    .nullish()
    .transform((v) => v ?? null),
  documentId: uuid.nullish().transform((v) => v ?? null),
};
const arrival = z.object({
  nationalId,
  officeId: uuid,
  ...order,
  entry: z.record(z.string(), z.unknown()),
});
const result = z.object({ personId: z.string(), orderId: z.string(), revokedAssignments: z.number() });
const caseParams = z.object({ caseId: z.string() });
const moveEntry = z.object({
  caseId: z.string(),
  status: z.string(),
  statusTh: z.string(),
  personName: z.string(),
  fromOffice: z.string().nullable(),
  toOffice: z.string().nullable(),
  requestedBy: z.string(),
  order: z.object({ number: z.string(), orderDate: z.string(), issuingAuthority: z.string() }),
  disputeReason: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});

/** Moves, removal and re-appointment (ข้อ 5.2–5.4). */
export const transfersRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['ย้าย โอน จำหน่าย บรรจุกลับ (transfers)'];

  app.post(
    '/api/v1/transfers/move',
    {
      schema: {
        tags,
        summary: 'สังกัดใหม่บันทึกคำสั่งย้ายภายในกระทรวง (ข้อ 5.2.1) พร้อมเลขที่ วันที่ และผู้ออกคำสั่ง: รอสังกัดเดิมยืนยัน',
        body: arrival.extend({ issuingAuthority: text(200) }),
        response: {
          202: z.object({
            caseId: z.string(),
            status: z.string(),
            statusTh: z.string(),
            personName: z.string(),
          }),
        },
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      return reply.status(202).send(await requestMove(req.ctx, req.body));
    },
  );

  app.get(
    '/api/v1/transfers/moves',
    {
      schema: {
        tags,
        summary: 'คำสั่งย้ายที่รอสังกัดเดิมยืนยัน (holding) และที่หน่วยงานของท่านขอย้ายเข้า (requested)',
        response: {
          200: z.object({
            holding: z.array(moveEntry.extend({ personId: z.string(), canDecide: z.boolean() })),
            requested: z.array(moveEntry),
          }),
        },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      return listMoves(req.ctx.h.db, req.ctx.actor);
    },
  );

  app.post(
    '/api/v1/transfers/moves/:caseId/confirm',
    {
      schema: {
        tags,
        summary: 'สังกัดเดิมยืนยันการย้าย: ทะเบียนประวัติย้ายไปสังกัดใหม่ (ข้อ 5.2.1)',
        params: caseParams,
        response: { 200: result.extend({ caseId: z.string(), status: z.string() }) },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      return confirmMove(req.ctx, req.params.caseId);
    },
  );

  app.post(
    '/api/v1/transfers/moves/:caseId/dispute',
    {
      schema: {
        tags,
        summary: 'สังกัดเดิมโต้แย้งคำสั่งย้ายที่ผิดพลาด พร้อมเหตุผล: ไม่มีการเปลี่ยนแปลงทะเบียนประวัติ',
        params: caseParams,
        body: z.object({ reason: text(500) }),
        response: { 200: z.object({ caseId: z.string(), status: z.string() }) },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      return disputeMove(req.ctx, req.params.caseId, req.body.reason);
    },
  );

  app.post(
    '/api/v1/transfers/reappoint',
    {
      schema: {
        tags,
        summary: 'บันทึกคำสั่งบรรจุกลับ (ข้อ 5.4)',
        body: arrival,
        response: { 201: result },
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      return reply.status(201).send(await reappoint(req.ctx, req.body));
    },
  );

  app.post(
    '/api/v1/people/:personId/removal',
    {
      schema: {
        tags,
        summary: 'จำหน่ายออกจากระบบ (ข้อ 5.3) หลังออกจากราชการหรือโอนไปต่างกระทรวง',
        params: z.object({ personId: z.string() }),
        body: z.object({
          ...order,
          reason: z.string().trim().min(1, { error: 'err.required' }).max(300),
          entry: z
            .record(z.string(), z.unknown())
            .nullish()
            .transform((v) => v ?? null),
        }),
        response: { 201: result },
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      return reply.status(201).send(await removeFromRegister(req.ctx, req.params.personId, req.body));
    },
  );

  app.post(
    '/api/v1/people/:personId/transfer-out',
    {
      schema: {
        tags,
        summary: 'สังกัดเดิมบันทึกคำสั่งให้โอน (ข้อ 5.2.2)',
        params: z.object({ personId: z.string() }),
        body: z.object({
          ...order,
          toOfficeId: uuid,
          entry: z
            .record(z.string(), z.unknown())
            .nullish()
            .transform((v) => v ?? null),
        }),
        response: { 201: z.object({ caseId: z.string(), orderId: z.string() }) },
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      return reply.status(201).send(await transferOut(req.ctx, req.params.personId, req.body));
    },
  );

  app.post(
    '/api/v1/transfers/:caseId/receive',
    {
      schema: {
        tags,
        summary: 'สังกัดใหม่บันทึกคำสั่งรับโอน (ข้อ 5.2.2)',
        params: z.object({ caseId: z.string() }),
        body: z.object({ ...order, entry: z.record(z.string(), z.unknown()) }),
        response: { 201: result },
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      return reply.status(201).send(await receiveTransfer(req.ctx, req.params.caseId, req.body));
    },
  );

  app.post(
    '/api/v1/transfers/receive-external',
    {
      schema: {
        tags,
        summary: 'รับโอนจากส่วนราชการอื่น สร้างทะเบียนประวัติจาก ก.พ.๗ เดิม (ข้อ 5.2.4)',
        body: z.object({
          nationalId,
          officeId: uuid,
          ...order,
          name: z.object({ prefix: z.string(), firstName: z.string(), lastName: z.string() }),
          birthDate: isoDate,
          appointmentDate: isoDate,
          scanDocumentIds: z.array(uuid).max(200).default([]),
          history: z.array(z.record(z.string(), z.unknown())).max(300).default([]),
          entry: z.record(z.string(), z.unknown()),
        }),
        response: { 201: result },
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      return reply.status(201).send(await receiveExternal(req.ctx, req.body));
    },
  );
};
