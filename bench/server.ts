/**
 * The API server as `npm run bench` runs it: the production app (buildApp) on 127.0.0.1, plus —
 * only when BENCH_ROUTES=1, and only in this bench entry point, never in src/server/main.ts —
 * two baseline routes behind the same session check:
 *   GET /api/bench/precomputed/:id  the same record's JSON bytes stored precomputed (one PK read)
 *   GET /api/bench/pk/:id           a bare primary-key lookup of the person row
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDb } from '../src/server/platform/db/index.ts';

/** Registers the two baseline routes (bench only). */
export async function benchRoutes(app: FastifyInstance): Promise<void> {
  const h = app.khruDb;
  app.get('/api/bench/precomputed/:id', { schema: { hide: true } }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const [r] = await h.query<{ body: string }>('select body from bench_precomputed where id = $1', [id]);
    if (!r) return reply.code(404).send();
    return reply.type('application/json; charset=utf-8').send(r.body);
  });
  app.get('/api/bench/pk/:id', { schema: { hide: true } }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const [r] = await h.query<{ id: string; national_id: string; display_name: string }>(
      'select id, national_id, display_name from persons where id = $1',
      [id],
    );
    if (!r) return reply.code(404).send();
    return r;
  });
}

const cfg = loadConfig();
const h = await openDb({ kind: 'postgres', url: cfg.databaseUrl!, poolSize: 16 });
const app = await buildApp(cfg, h, { logger: false, serveWeb: false });
if (process.env.BENCH_ROUTES === '1') await app.register(benchRoutes);
await app.listen({ port: cfg.port, host: '127.0.0.1' });
process.send?.({ ready: true });
process.once('SIGTERM', () => {
  void app.close().then(() => h.close().then(() => process.exit(0)));
});
