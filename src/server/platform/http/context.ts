import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { Lang } from '../../../domain/i18n/messages.ts';
import type { Config } from '../../config.ts';
import type { AuditActor, RequestMeta } from '../audit/index.ts';
import type { Actor } from '../authz/index.ts';
import { actorRoles } from '../authz/index.ts';
import type { DbHandle } from '../db/index.ts';
import { AppError } from './errors.ts';

/** Everything a command needs: who, from where, the database, config, logger. Jobs build one too. */
export type Ctx = {
  actor: Actor | null;
  meta: RequestMeta;
  lang: Lang;
  h: DbHandle;
  cfg: Config;
  log: FastifyBaseLogger;
};

export type AuthedCtx = Ctx & { actor: Actor };

export function requireActor(ctx: Ctx): asserts ctx is AuthedCtx {
  if (!ctx.actor) throw new AppError('unauthenticated');
}

export function auditActor(ctx: Ctx): AuditActor {
  return ctx.actor
    ? { userId: ctx.actor.userId, name: ctx.actor.displayName, roles: actorRoles(ctx.actor) }
    : {
        userId: null,
        name: ctx.meta.source === 'web' || ctx.meta.source === 'api' ? 'anonymous' : ctx.meta.source,
        roles: [],
      };
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** 'public' routes need no session; everything else answers 401 without one. */
    auth?: 'public' | 'user';
    /** A session still owing its second factor may call this route (finishing sign-in, ADR 0113). */
    pendingSecondFactor?: true;
  }
}

export function langOf(req: FastifyRequest): Lang {
  const cookie = req.cookies?.khru_lang;
  if (cookie === 'en' || cookie === 'th') return cookie;
  return /^en\b/i.test(req.headers['accept-language'] ?? '') ? 'en' : 'th';
}
