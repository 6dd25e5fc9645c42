import { asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import addressData from '../../../../data/reference/thai-addresses.json' with { type: 'json' };
import { isoDate, text } from '../../../domain/record/primitives.ts';
import { appendAudit } from '../../platform/audit/index.ts';
import { hasPermission, isOtepcDataController } from '../../platform/authz/index.ts';
import { schema } from '../../platform/db/index.ts';
import { auditActor, requireActor } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';

const { holidays } = schema;
const addressJson = JSON.stringify(addressData);

/** Reference data: the Thai address dataset and the editable public-holiday table. */
export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['ข้อมูลอ้างอิง (reference)'];
  app.get(
    '/api/v1/reference/addresses',
    {
      config: { auth: 'public' },
      schema: { tags, summary: 'จังหวัด อำเภอ ตำบล รหัสไปรษณีย์ (Thai address dataset)' },
    },
    async (_req, reply) =>
      reply.header('cache-control', 'public, max-age=86400').type('application/json').send(addressJson),
  );

  const holiday = z.object({
    date: z.string(),
    nameTh: z.string(),
    kind: z.string(),
    confidence: z.string().nullable(),
  });
  app.get(
    '/api/v1/reference/holidays',
    {
      schema: {
        tags,
        summary: 'วันหยุดราชการ (public holidays)',
        response: { 200: z.object({ items: z.array(holiday) }) },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      const items = await req.ctx.h.db
        .select({
          date: holidays.date,
          nameTh: holidays.nameTh,
          kind: holidays.kind,
          confidence: holidays.confidence,
        })
        .from(holidays)
        .orderBy(asc(holidays.date));
      return { items };
    },
  );

  app.put(
    '/api/v1/reference/holidays/:date',
    {
      schema: {
        tags,
        summary: 'เพิ่ม/แก้ไขวันหยุด (OTEPC data controller)',
        params: z.object({ date: isoDate }),
        body: z.object({
          nameTh: text(200),
          kind: z.enum(['fixed', 'lunar', 'substitute', 'royal-ceremony', 'special']),
        }),
        response: { 200: holiday },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      const ctx = req.ctx;
      if (!hasPermission(ctx.actor, 'reference.manage') || !isOtepcDataController(ctx.actor))
        throw new AppError('forbidden');
      return ctx.h.db.transaction(async (tx) => {
        const [before] = await tx.select().from(holidays).where(eq(holidays.date, req.params.date));
        const values = {
          date: req.params.date,
          nameTh: req.body.nameTh,
          kind: req.body.kind,
          confidence: 'high',
          source: 'admin',
          updatedBy: ctx.actor.userId,
          updatedAt: new Date().toISOString(),
        };
        await tx.insert(holidays).values(values).onConflictDoUpdate({ target: holidays.date, set: values });
        await appendAudit(tx, auditActor(ctx), ctx.meta, [
          {
            eventType: before ? 'holiday.updated' : 'holiday.added',
            entityType: 'holiday',
            entityId: req.params.date,
            changes: [{ field: 'nameTh', from: before?.nameTh ?? null, to: req.body.nameTh }],
          },
        ]);
        return { date: values.date, nameTh: values.nameTh, kind: values.kind, confidence: values.confidence };
      });
    },
  );

  app.delete(
    '/api/v1/reference/holidays/:date',
    {
      schema: {
        tags,
        summary: 'ลบวันหยุด (OTEPC data controller)',
        params: z.object({ date: isoDate }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      const ctx = req.ctx;
      if (!hasPermission(ctx.actor, 'reference.manage') || !isOtepcDataController(ctx.actor))
        throw new AppError('forbidden');
      await ctx.h.db.transaction(async (tx) => {
        const gone = await tx.delete(holidays).where(eq(holidays.date, req.params.date)).returning();
        if (!gone.length) throw new AppError('notFound');
        await appendAudit(tx, auditActor(ctx), ctx.meta, [
          {
            eventType: 'holiday.removed',
            entityType: 'holiday',
            entityId: req.params.date,
            changes: [{ field: 'nameTh', from: gone[0]!.nameTh, to: null }],
          },
        ]);
      });
      return reply.status(204).send(null);
    },
  );
};
