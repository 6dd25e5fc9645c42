import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Config } from '../../config.ts';
import { loadSession } from '../auth/index.ts';
import type { DbHandle } from '../db/index.ts';
import { langOf } from './context.ts';
import { AppError } from './errors.ts';

export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionCookieName(cfg: Config) {
  // __Host- binds the cookie to this origin (no Domain, Path=/, Secure) — ASVS 3.3.1.
  return cfg.cookieSecure ? '__Host-khru_sid' : 'khru_sid';
}

export function setSessionCookie(reply: FastifyReply, cfg: Config, token: string) {
  void reply.setCookie(sessionCookieName(cfg), token, {
    path: '/',
    httpOnly: true,
    secure: cfg.cookieSecure,
    sameSite: 'strict',
  });
}

export function clearSessionCookie(reply: FastifyReply, cfg: Config) {
  void reply.clearCookie(sessionCookieName(cfg), {
    path: '/',
    httpOnly: true,
    secure: cfg.cookieSecure,
    sameSite: 'strict',
  });
}

/**
 * Builds `req.ctx` for every request and resolves the session cookie to an actor. Routes are
 * private unless `config.auth === 'public'`. State-changing requests on a cookie session must
 * carry the session's CSRF token in `X-CSRF-Token` (synchroniser token, ASVS 3.5.1).
 */
export function registerAuthHook(app: FastifyInstance, h: DbHandle, cfg: Config) {
  app.decorateRequest('ctx', null as never);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (req) => {
    req.ctx = {
      actor: null,
      lang: langOf(req),
      h,
      cfg,
      log: req.log,
      meta: {
        ip: req.ip ?? null,
        userAgent: req.headers['user-agent']?.slice(0, 300) ?? null,
        source: req.headers['x-khru-source'] === 'web' ? 'web' : 'api',
        requestId: req.id,
        authMethod: null,
      },
    };
    const token = req.cookies?.[sessionCookieName(cfg)];
    if (!token || !req.url.startsWith('/api/')) return;
    const s = await loadSession(h, cfg, token);
    if (!s) return;
    req.ctx.actor = s.actor;
    req.ctx.meta.authMethod = s.actor.authMethod;
    req.csrfToken = s.csrfToken;
  });
  // preValidation: an anonymous or forged request is refused before its body is even validated.
  app.addHook('preValidation', async (req) => {
    if (req.routeOptions.config?.auth === 'public') return;
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    if (!req.ctx.actor) throw new AppError('unauthenticated');
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== req.csrfToken)
      throw new AppError('csrf');
    // Half signed in (password, no second factor yet): only the routes that finish signing in.
    const pending = req.ctx.actor.secondFactor;
    if (pending && !req.routeOptions.config?.pendingSecondFactor)
      throw new AppError(pending === 'enrol' ? 'secondFactorEnrol' : 'secondFactorRequired');
  });
}
