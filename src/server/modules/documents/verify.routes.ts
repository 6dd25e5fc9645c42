import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { documentServices } from './services.ts';
import { verifyPdfUpload, verifyToken } from './verify.ts';
import { VERIFY_CSP, verifyPage } from './verify-page.ts';

const MAX_PDF = 30 * 1024 * 1024;

/**
 * The public verification page (no login): GET /verify[?t=token], POST /verify (form with the
 * token), POST /verify/pdf (the PDF itself), GET /verify/keys.json (public keys for offline
 * checks). HTML by default; `Accept: application/json` gets the same result as JSON.
 * Rate-limited per client (VERIFY_MAX_PER_MINUTE).
 */
export const verifyRoutes: FastifyPluginAsyncZod = async (app) => {
  const cfg = app.khruConfig;
  const h = app.khruDb;
  // One budget per client across every /verify endpoint (this plugin's scope only).
  await app.register(rateLimit, { global: true, max: cfg.verifyMaxPerMinute, timeWindow: '1 minute' });
  await app.register(multipart, { limits: { fileSize: MAX_PDF, files: 1, fields: 2 } });
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16 * 1024 },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  const common = { config: { auth: 'public' as const } };
  const wantsJson = (accept: string | undefined) => /application\/json/.test(accept ?? '');
  const html = (reply: import('fastify').FastifyReply, body: string, status = 200) =>
    reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', VERIFY_CSP)
      .header('cache-control', 'no-store')
      .send(body);

  app.get(
    '/verify',
    { ...common, schema: { hide: true, querystring: z.object({ t: z.string().max(4000).optional() }) } },
    async (req, reply) => {
      const t = req.query.t;
      const result = t ? await verifyToken(h, cfg, t) : undefined;
      if (wantsJson(req.headers.accept)) return reply.send(result ?? { ok: false, reason: 'no token' });
      return html(reply, verifyPage(result, t ?? ''));
    },
  );

  app.post(
    '/verify',
    { ...common, schema: { hide: true, body: z.object({ t: z.string().max(4000) }) } },
    async (req, reply) => {
      const result = await verifyToken(h, cfg, req.body.t);
      if (wantsJson(req.headers.accept)) return reply.send(result);
      return html(reply, verifyPage(result, req.body.t));
    },
  );

  app.post(
    '/verify/pdf',
    { ...common, bodyLimit: MAX_PDF + 1024 * 1024, schema: { hide: true } },
    async (req, reply) => {
      let pdf: Buffer | null = null;
      if (req.isMultipart()) {
        try {
          const part = await req.file();
          pdf = part ? await part.toBuffer() : null;
        } catch {
          pdf = null;
        }
      }
      if (!pdf) {
        const r = { ok: false as const, via: 'pdf' as const, reason: 'ไม่พบไฟล์ PDF หรือไฟล์ใหญ่เกิน ๓๐ MB' };
        return wantsJson(req.headers.accept) ? reply.status(400).send(r) : html(reply, verifyPage(r), 400);
      }
      const result = await verifyPdfUpload(h, cfg, pdf);
      if (wantsJson(req.headers.accept)) return reply.send(result);
      return html(reply, verifyPage(result));
    },
  );

  app.get('/verify/keys.json', { ...common, schema: { hide: true } }, async () => {
    const svc = await documentServices(cfg);
    return { keys: [...svc.tokens.publicKeys.values()] };
  });
};
