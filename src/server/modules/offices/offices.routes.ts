import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { schema } from '../../platform/db/index.ts';
import { requireActor } from '../../platform/http/context.ts';
import { listOfficePositions, listOffices } from './queries.ts';

const { OFFICE_KINDS } = schema;

const office = z.object({
  id: z.string(),
  code: z.string(),
  nameTh: z.string(),
  kind: z.enum(OFFICE_KINDS),
  parentId: z.string().nullable(),
  provinceCode: z.string().nullable(),
});

/** The office tree (OTEPC → agency → district office → school) and position numbers. */
export const officesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['หน่วยงานและตำแหน่ง (offices)'];
  app.get(
    '/api/v1/offices',
    {
      schema: {
        tags,
        summary: 'รายชื่อหน่วยงาน (children of an office, or search by name)',
        querystring: z.object({ parentId: z.string().uuid().optional(), q: z.string().max(100).optional() }),
        response: { 200: z.object({ items: z.array(office) }) },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      const items = await listOffices(req.ctx.h.db, req.query);
      return { items };
    },
  );

  app.get(
    '/api/v1/offices/:officeId/positions',
    {
      schema: {
        tags,
        summary: 'เลขที่ตำแหน่งของหน่วยงาน (held or vacant)',
        params: z.object({ officeId: z.string().uuid() }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                positionNumber: z.string(),
                title: z.string(),
                vacant: z.boolean(),
                holder: z.object({ personId: z.string(), displayName: z.string() }).nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      const rows = await listOfficePositions(req.ctx.h.db, req.ctx.actor, req.params.officeId);
      return {
        items: rows.map((r) => ({
          id: r.id,
          positionNumber: r.positionNumber,
          title: r.title,
          vacant: r.holderPersonId === null,
          holder:
            r.holderPersonId && r.holderName
              ? { personId: r.holderPersonId, displayName: r.holderName }
              : null,
        })),
      };
    },
  );
};
