import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hasPermission, isOtepcDataController, personScope } from '../../platform/authz/index.ts';
import { schema } from '../../platform/db/index.ts';
import { requireActor } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';

const { auditEvents, persons } = schema;

/** Reading the audit trail: data controllers, for the people in their scope (OTEPC: everything). */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/audit/events',
    {
      schema: {
        tags: ['บันทึกการตรวจสอบ (audit)'],
        summary: 'เหตุการณ์ในบันทึกการตรวจสอบ (newest first)',
        querystring: z.object({
          personId: z.string().uuid().optional(),
          before: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(z.record(z.string(), z.unknown())) }) },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      const actor = req.ctx.actor;
      if (!hasPermission(actor, 'audit.read')) throw new AppError('forbidden');
      const scoped = isOtepcDataController(actor)
        ? undefined
        : inArray(
            auditEvents.personId,
            sql`(select ${persons.id} from ${persons} where ${personScope(actor)})`,
          );
      const rows = await req.ctx.h.db
        .select({ seq: auditEvents.seq, payload: auditEvents.payload, hash: auditEvents.hash })
        .from(auditEvents)
        .where(
          and(
            scoped,
            req.query.personId ? eq(auditEvents.personId, req.query.personId) : undefined,
            req.query.before ? lt(auditEvents.seq, req.query.before) : undefined,
          ),
        )
        .orderBy(desc(auditEvents.seq))
        .limit(req.query.limit);
      return {
        items: rows.map((r) => ({ ...(JSON.parse(r.payload) as Record<string, unknown>), hash: r.hash })),
      };
    },
  );
};
