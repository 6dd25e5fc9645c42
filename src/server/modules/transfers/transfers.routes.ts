import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate, nationalId } from '../../../domain/record/primitives.ts';
import { requireActor } from '../../platform/http/context.ts';
import { receiveExternal } from './commands/receive-external.ts';
import { receiveTransfer, transferOut } from './commands/transfer-between-agencies.ts';
import { arrive, removeFromRegister } from './commands/transfers.ts';

const uuid = z.string().regex(/^[0-9a-f-]{36}$/i, { error: 'err.invalid' });
const order = {
  number: z.string().trim().min(1, { error: 'err.required' }).max(100),
  orderDate: isoDate,
  documentId: uuid.nullish().transform((v) => v ?? null),
};
const arrival = z.object({
  nationalId,
  officeId: uuid,
  ...order,
  entry: z.record(z.string(), z.unknown()),
});
const result = z.object({ personId: z.string(), orderId: z.string(), revokedAssignments: z.number() });

/** Moves, removal and re-appointment (ข้อ 5.2–5.4). */
export const transfersRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['ย้าย โอน จำหน่าย บรรจุกลับ (transfers)'];

  app.post(
    '/api/v1/transfers/move',
    {
      schema: {
        tags,
        summary: 'สังกัดใหม่บันทึกคำสั่งย้ายภายในกระทรวง (ข้อ 5.2.1)',
        body: arrival,
        response: { 201: result },
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      return reply.status(201).send(await arrive(req.ctx, req.body, 'move'));
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
      return reply.status(201).send(await arrive(req.ctx, req.body, 'reappoint'));
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
