import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate } from '../../../domain/record/primitives.ts';
import { ORDER_KIND_KEYS, ORDER_KINDS, type OrderKind } from '../../../domain/workflow/index.ts';
import { personAccess } from '../../platform/authz/index.ts';
import type { schema } from '../../platform/db/index.ts';
import { requireActor } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { findPersonInScope } from '../records/index.ts';
import { recordOrder } from './commands/record-order.ts';
import { listOrdersOfPerson } from './queries.ts';

const uuid = z.string().regex(/^[0-9a-f-]{36}$/i, { error: 'err.invalid' });

const present = (o: typeof schema.orders.$inferSelect) => ({
  id: o.id,
  kind: o.kind,
  kindTh: ORDER_KINDS[o.kind as OrderKind]?.th ?? o.kind,
  number: o.number,
  orderDate: o.orderDate,
  documentId: o.documentId,
  amendsOrderId: o.amendsOrderId,
  status: o.status,
  dueDate: o.dueDate,
  recordedOn: o.recordedOn,
  late: o.late,
});

/** Orders recorded into item 15 (ข้อ 4.4.1). */
export const ordersRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['คำสั่ง (orders)'];

  app.post(
    '/api/v1/people/:personId/orders',
    {
      schema: {
        tags,
        summary: 'บันทึกคำสั่ง (ข้อ 4.4.1) และรายการตำแหน่ง/เงินเดือนที่เกิดจากคำสั่ง',
        params: z.object({ personId: z.string() }),
        body: z.object({
          kind: z.enum(ORDER_KIND_KEYS as [OrderKind, ...OrderKind[]]),
          number: z.string().trim().min(1, { error: 'err.required' }).max(100),
          orderDate: isoDate,
          documentId: uuid.nullish().transform((v) => v ?? null),
          amendsOrderId: uuid.nullish().transform((v) => v ?? null),
          entry: z
            .record(z.string(), z.unknown())
            .nullish()
            .transform((v) => v ?? null),
        }),
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      const r = await recordOrder(req.ctx, req.params.personId, req.body);
      return reply
        .status(201)
        .send({ order: present(r.order), entries: r.entries, revokedAssignments: r.revokedAssignments });
    },
  );

  app.get(
    '/api/v1/people/:personId/orders',
    {
      schema: {
        tags,
        summary: 'คำสั่งที่บันทึกแล้ว (พร้อมสถานะเกินกำหนด)',
        params: z.object({ personId: z.string() }),
      },
    },
    async (req) => {
      requireActor(req.ctx);
      const ctx = req.ctx;
      const person = await findPersonInScope(ctx.h.db, ctx.actor, req.params.personId);
      if (!person) throw new AppError('notFound');
      const access = await personAccess(ctx.h.db, ctx.actor, person);
      if (!access.read.includes('service')) throw new AppError('notFound');
      const rows = await listOrdersOfPerson(ctx.h.db, person.id);
      return { items: rows.map(present) };
    },
  );
};
