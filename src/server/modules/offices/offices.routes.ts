import { and, asc, eq, ilike, isNull, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { personScope } from '../../platform/authz/index.ts';
import { schema } from '../../platform/db/index.ts';
import { requireActor } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';

const { offices, positions, persons, OFFICE_KINDS } = schema;

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
      const { parentId, q } = req.query;
      const where = q
        ? ilike(offices.nameTh, `%${q.replace(/[\\%_]/g, '')}%`)
        : parentId
          ? eq(offices.parentId, parentId)
          : isNull(offices.parentId);
      const items = await req.ctx.h.db
        .select({
          id: offices.id,
          code: offices.code,
          nameTh: offices.nameTh,
          kind: offices.kind,
          parentId: offices.parentId,
          provinceCode: offices.provinceCode,
        })
        .from(offices)
        .where(where)
        .orderBy(sql`${offices.nameTh} collate th`)
        .limit(200);
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
      const actor = req.ctx.actor;
      const [o] = await req.ctx.h.db
        .select({ id: offices.id, path: offices.path })
        .from(offices)
        .where(eq(offices.id, req.params.officeId));
      // Position lists belong to those whose assignment covers the office (it or an office above it).
      if (!o || !actor.assignments.some((a) => o.path.startsWith(a.officePath)))
        throw new AppError('notFound');
      const rows = await req.ctx.h.db
        .select({
          id: positions.id,
          positionNumber: positions.positionNumber,
          title: positions.title,
          holderPersonId: positions.holderPersonId,
          holderName: persons.displayName,
        })
        .from(positions)
        .leftJoin(persons, and(eq(persons.id, positions.holderPersonId), personScope(actor)))
        .where(eq(positions.officeId, o.id))
        .orderBy(asc(positions.positionNumber));
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
