import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import helmet from 'helmet';
import type { Config } from './config.ts';
import { accessRoutes } from './modules/access/index.ts';
import { auditChainRoutes, auditRoutes } from './modules/audit/index.ts';
import { authRoutes } from './modules/auth/index.ts';
import { documentsRoutes, verifyRoutes } from './modules/documents/index.ts';
import { exchangeRoutes } from './modules/exchange/index.ts';
import { officesRoutes } from './modules/offices/index.ts';
import { onboardingRoutes } from './modules/onboarding/index.ts';
import { ordersRoutes } from './modules/orders/index.ts';
import { recordsRoutes } from './modules/records/index.ts';
import { referenceRoutes } from './modules/reference/index.ts';
import { signaturesRoutes } from './modules/signatures/index.ts';
import { systemRoutes } from './modules/system/index.ts';
import { transfersRoutes } from './modules/transfers/index.ts';
import { workflowsRoutes } from './modules/workflows/index.ts';
import type { DbHandle } from './platform/db/index.ts';
import { registerAuthHook } from './platform/http/auth-hook.ts';
import { frameworkErrorHandler, registerErrorHandler } from './platform/http/error-handler.ts';
import { registerInputGuard } from './platform/http/input-guard.ts';
import { logOptions } from './platform/logging.ts';

declare module 'fastify' {
  interface FastifyInstance {
    khruConfig: Config;
    khruDb: DbHandle;
    /** Every route registered (method, url, public?) — the policy-matrix test checks it covers them all. */
    khruRoutes: { method: string; url: string; public: boolean; schema?: KhruRouteSchema }[];
  }
}

/** A route's request schemas (zod), kept so tests can reach every field (tests/api/fuzz-write-routes). */
export type KhruRouteSchema = { body?: unknown; querystring?: unknown; params?: unknown };

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export type BuildOptions = { logger?: boolean | object; serveWeb?: boolean };

/** Builds the Fastify app (no listen): tests drive it with `app.inject()`. */
export async function buildApp(cfg: Config, h: DbHandle, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    // Tests may pass a destination stream; the redaction and masking options always apply.
    logger:
      opts.logger === undefined
        ? logOptions(cfg)
        : typeof opts.logger === 'object'
          ? { ...(logOptions(cfg) as object), ...opts.logger }
          : opts.logger,
    trustProxy: cfg.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    frameworkErrors: frameworkErrorHandler,
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('khruConfig', cfg);
  app.decorate('khruDb', h);
  app.decorate('khruRoutes', []);
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat())
      if (m !== 'HEAD')
        app.khruRoutes.push({
          method: m,
          url: r.url,
          public: r.config?.auth === 'public',
          schema: r.schema as KhruRouteSchema | undefined,
        });
  });

  await app.register(cookie);
  registerAuthHook(app, h, cfg);
  registerErrorHandler(app);
  registerInputGuard(app);
  // Security headers (helmet). The middleware is built ONCE and applied to every response; the
  // @fastify/helmet wrapper rebuilt it (parsing every CSP directive) on each request, measured
  // at several per cent of the server's CPU on the hot full-record read (issue 5).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd injects its CSS-in-JS styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
  });
  app.addHook('onRequest', (req, reply, done) =>
    securityHeaders(req.raw, reply.raw, (err) => done(err as Error | undefined)),
  );
  // Personal data is never cached by browsers or proxies (ASVS 14.3.2).
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      void reply.header('cache-control', 'no-store');
    return payload;
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Khru API — ทะเบียนประวัติข้าราชการครูและบุคลากรทางการศึกษา (ก.ค.ศ.๑๖)',
        version: '1.0.0',
        description:
          'Sign in with POST /api/auth/login; the session cookie is then sent with every call, and every state-changing call carries the X-CSRF-Token header returned at login.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: '__Host-khru_sid' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { deepLinking: false },
  });
  app.get('/api/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  await app.register(systemRoutes);
  await app.register(authRoutes);
  await app.register(recordsRoutes);
  await app.register(officesRoutes);
  await app.register(accessRoutes);
  await app.register(auditRoutes);
  await app.register(auditChainRoutes);
  await app.register(referenceRoutes);
  await app.register(documentsRoutes);
  await app.register(verifyRoutes);
  await app.register(workflowsRoutes);
  await app.register(signaturesRoutes);
  await app.register(onboardingRoutes);
  await app.register(ordersRoutes);
  await app.register(transfersRoutes);
  await app.register(exchangeRoutes);

  if (opts.serveWeb !== false && existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
    });
    // Client-side routes of the single-page app fall back to index.html; /api stays 404.
    app.get('/*', { config: { auth: 'public' }, schema: { hide: true } }, (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      return reply.type('text/html').sendFile('index.html');
    });
  }
  return app;
}
