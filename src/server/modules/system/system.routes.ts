import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['ระบบ (system)'],
        summary: 'สถานะระบบ (health)',
        response: {
          200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) }),
          503: z.unknown(),
        },
      },
    },
    async (req, reply) => {
      try {
        await req.ctx.h.query('select 1');
      } catch {
        return reply.status(503).send({ status: 'unavailable', db: req.ctx.h.kind });
      }
      return { status: 'ok' as const, db: req.ctx.h.kind };
    },
  );
};
