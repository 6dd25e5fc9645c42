import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import addressData from '../../../../data/reference/thai-addresses.json' with { type: 'json' };
import { isoDate, text } from '../../../domain/record/primitives.ts';
import { requireActor } from '../../platform/http/context.ts';
import { putHoliday } from './commands/put-holiday.ts';
import { removeHoliday } from './commands/remove-holiday.ts';
import { canManageHolidays } from './policy.ts';
import { listHolidays } from './queries.ts';

const HOLIDAY_KINDS = ['fixed', 'lunar', 'substitute', 'royal-ceremony', 'special'] as const;
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
        summary: 'วันหยุดราชการ (public holidays), ทั้งตารางหรือปีงบประมาณเดียว (พ.ศ.)',
        querystring: z.object({
          fiscalYear: z.coerce
            .number({ error: 'err.invalid' })
            .int({ error: 'err.invalid' })
            .min(2500, { error: 'err.invalid' })
            .max(2700, { error: 'err.invalid' })
            .optional(),
        }),
        response: {
          200: z.object({
            items: z.array(holiday.extend({ source: z.string().nullable(), updatedAt: z.string() })),
            canManage: z.boolean(),
          }),
        },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      return {
        items: await listHolidays(req.ctx.h.db, req.query.fiscalYear),
        canManage: canManageHolidays(req.ctx.actor),
      };
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
          kind: z.enum(HOLIDAY_KINDS, { error: 'err.invalid' }),
        }),
        response: { 200: holiday },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      return putHoliday(req.ctx, req.params.date, req.body);
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
      await removeHoliday(req.ctx, req.params.date);
      return reply.status(204).send(null);
    },
  );
};
