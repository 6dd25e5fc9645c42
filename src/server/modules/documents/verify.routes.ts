import { readFile } from 'node:fs/promises';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/http/errors.ts';
import { documentServices } from './services.ts';
import { failure, verifyPdfUpload, verifyToken } from './verify.ts';
import { VERIFY_CSP, VERIFY_FONTS, verifyPage } from './verify-page.ts';

const MAX_PDF = 30 * 1024 * 1024;

/**
 * The public verification page (no login): GET /verify[?t=token], POST /verify (form with the
 * token), POST /verify/pdf (the PDF itself), GET /verify/keys.json (public keys for offline
 * checks), GET /verify/fonts/:file (the page's own Thai font). HTML by default, in Thai or with
 * `lang=en` in English; `Accept: application/json` gets the same result as JSON.
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
  const langOf = (v: unknown) => (v === 'en' ? 'en' : 'th');
  const lang = z.enum(['th', 'en']).optional();
  const html = (reply: import('fastify').FastifyReply, body: string, status = 200) =>
    reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', VERIFY_CSP)
      .header('cache-control', 'no-store')
      .send(body);

  app.get(
    '/verify',
    {
      ...common,
      schema: { hide: true, querystring: z.object({ t: z.string().max(4000).optional(), lang }) },
    },
    async (req, reply) => {
      const t = req.query.t;
      const result = t ? await verifyToken(h, cfg, t) : undefined;
      if (wantsJson(req.headers.accept)) return reply.send(result ?? failure('token', 'malformed'));
      return html(reply, verifyPage(result, t ?? '', langOf(req.query.lang)));
    },
  );

  app.post(
    '/verify',
    { ...common, schema: { hide: true, body: z.object({ t: z.string().max(4000), lang }) } },
    async (req, reply) => {
      const result = await verifyToken(h, cfg, req.body.t);
      if (wantsJson(req.headers.accept)) return reply.send(result);
      return html(reply, verifyPage(result, req.body.t, langOf(req.body.lang)));
    },
  );

  app.post(
    '/verify/pdf',
    { ...common, bodyLimit: MAX_PDF + 1024 * 1024, schema: { hide: true } },
    async (req, reply) => {
      let pdf: Buffer | null = null;
      let pageLang: 'th' | 'en' = 'th';
      if (req.isMultipart()) {
        try {
          // The form sends its hidden `lang` field before the file.
          for await (const part of req.parts()) {
            if (part.type === 'field' && part.fieldname === 'lang') pageLang = langOf(part.value);
            else if (part.type === 'file' && !pdf) pdf = await part.toBuffer();
            else if (part.type === 'file') part.file.resume();
          }
        } catch {
          pdf = null;
        }
      }
      if (!pdf) {
        const r = failure('pdf', 'no_file');
        return wantsJson(req.headers.accept)
          ? reply.status(400).send(r)
          : html(reply, verifyPage(r, '', pageLang), 400);
      }
      const result = await verifyPdfUpload(h, cfg, pdf);
      if (wantsJson(req.headers.accept)) return reply.send(result);
      return html(reply, verifyPage(result, '', pageLang));
    },
  );

  // The page's own font: a visitor's phone needs no Thai font installed to read it correctly.
  const fonts = new Map<string, Promise<Buffer>>();
  app.get(
    '/verify/fonts/:file',
    { ...common, schema: { hide: true, params: z.object({ file: z.string().max(64) }) } },
    async (req, reply) => {
      const url = Object.hasOwn(VERIFY_FONTS, req.params.file) ? VERIFY_FONTS[req.params.file] : undefined;
      if (!url) throw new AppError('notFound');
      let bytes = fonts.get(req.params.file);
      if (!bytes) {
        bytes = readFile(url);
        fonts.set(req.params.file, bytes);
      }
      return reply
        .header('content-type', 'font/ttf')
        .header('cache-control', 'public, max-age=604800, immutable')
        .send(await bytes);
    },
  );

  app.get('/verify/keys.json', { ...common, schema: { hide: true } }, async () => {
    const svc = await documentServices(cfg);
    return { keys: [...svc.tokens.publicKeys.values()] };
  });
};
