import rateLimit from '@fastify/rate-limit';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nationalId } from '../../../domain/record/primitives.ts';
import { appendAudit } from '../../platform/audit/index.ts';
import {
  hashPassword,
  passwordProblem,
  revokeSession,
  revokeUserSessions,
  verifyPassword,
} from '../../platform/auth/index.ts';
import {
  actorRoles,
  authorizeImport,
  hasPermission,
  isOtepcDataController,
  ROLE_DEFS,
  readableItems,
} from '../../platform/authz/index.ts';
import { schema } from '../../platform/db/index.ts';
import { clearSessionCookie, setSessionCookie } from '../../platform/http/auth-hook.ts';
import { auditActor, requireActor } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { login } from './login.ts';

const sessionInfo = z.object({
  user: z.object({
    id: z.string(),
    displayName: z.string(),
    personId: z.string().nullable(),
    roles: z.array(z.string()),
    assignments: z.array(
      z.object({
        id: z.string(),
        role: z.string(),
        roleTh: z.string(),
        officeId: z.string(),
        items: z.array(z.string()),
      }),
    ),
    permissions: z.array(z.string()),
    /** What the web app offers (ADR 0110): new people by import; the item groups exportable. */
    allowed: z.object({ importPeople: z.boolean(), exportItems: z.array(z.string()) }),
  }),
  csrfToken: z.string(),
  authTime: z.string(),
});

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['การเข้าสู่ระบบ (auth)'];
  // Per-client throttle on the login endpoint (ASVS 6.3.1); the per-account one is in login.ts.
  await app.register(rateLimit, {
    global: false,
    max: app.khruConfig.loginMaxPerClient,
    timeWindow: '15 minutes',
  });

  const info = (req: { ctx: import('../../platform/http/context.ts').Ctx; csrfToken: string | null }) => {
    const a = req.ctx.actor!;
    const perms = new Set<string>();
    for (const x of a.assignments) for (const p of ROLE_DEFS[x.role].permissions) perms.add(p);
    if (isOtepcDataController(a)) perms.add('access.appointController');
    return {
      user: {
        id: a.userId,
        displayName: a.displayName,
        personId: a.personId,
        roles: actorRoles(a),
        assignments: a.assignments.map((x) => ({
          id: x.id,
          role: x.role,
          roleTh: ROLE_DEFS[x.role].th,
          officeId: x.officeId,
          items: x.items,
        })),
        permissions: [...perms],
        allowed: {
          importPeople: authorizeImport(a, { people: true, items: [] }).ok,
          exportItems: hasPermission(a, 'record.read') ? readableItems(a) : [],
        },
      },
      csrfToken: req.csrfToken ?? '',
      authTime: new Date(a.authTime).toISOString(),
    };
  };

  app.post(
    '/api/auth/login',
    {
      config: {
        auth: 'public',
        rateLimit: { max: app.khruConfig.loginMaxPerClient, timeWindow: '15 minutes' },
      },
      schema: {
        tags,
        summary: 'เข้าสู่ระบบด้วยเลขประจำตัวประชาชนและรหัสผ่าน',
        body: z.object({
          nationalId,
          password: z.string({ error: 'err.required' }).min(1, { error: 'err.required' }).max(1024),
        }),
        response: { 200: sessionInfo },
      },
    },
    async (req, reply) => {
      const r = await login(req.ctx, req.body.nationalId, req.body.password);
      if (!r.ok) throw new AppError('badCredentials');
      setSessionCookie(reply, req.ctx.cfg, r.session.token);
      // Rebuild the actor for the response from the new session.
      const { loadSession } = await import('../../platform/auth/index.ts');
      const s = await loadSession(req.ctx.h, req.ctx.cfg, r.session.token);
      req.ctx.actor = s!.actor;
      req.csrfToken = s!.csrfToken;
      return info(req);
    },
  );

  app.get(
    '/api/auth/session',
    { schema: { tags, summary: 'ผู้ใช้ปัจจุบันและสิทธิ์ (current session)', response: { 200: sessionInfo } } },
    async (req) => info(req),
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags, summary: 'ออกจากระบบ (ends the session on the server)', response: { 204: z.null() } } },
    async (req, reply) => {
      requireActor(req.ctx);
      const ctx = req.ctx;
      await ctx.h.db.transaction(async (tx) => {
        await revokeSession(tx, ctx.actor.sessionId);
        await appendAudit(tx, auditActor(ctx), ctx.meta, [
          { eventType: 'auth.logout', entityType: 'user', entityId: ctx.actor.userId },
        ]);
      });
      clearSessionCookie(reply, ctx.cfg);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/reauth',
    {
      config: { rateLimit: { max: app.khruConfig.loginMaxPerClient, timeWindow: '15 minutes' } },
      schema: {
        tags,
        summary: 'ยืนยันตัวตนอีกครั้งก่อนลงลายมือชื่ออิเล็กทรอนิกส์ (refreshes the session auth time)',
        body: z.object({
          password: z.string({ error: 'err.required' }).min(1, { error: 'err.required' }).max(1024),
        }),
        response: { 200: sessionInfo },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      const ctx = req.ctx;
      const [u] = await ctx.h.db.select().from(schema.users).where(eq(schema.users.id, ctx.actor.userId));
      if (!u?.passwordHash || !(await verifyPassword(u.passwordHash, req.body.password))) {
        await ctx.h.db.transaction((tx) =>
          appendAudit(tx, auditActor(ctx), ctx.meta, [
            { eventType: 'auth.reauth.failed', entityType: 'user', entityId: ctx.actor.userId },
          ]),
        );
        throw new AppError('badCredentials');
      }
      // A real authentication just happened: step-up checks (signing, ADR 0107) count from now.
      const now = new Date().toISOString();
      await ctx.h.db.transaction(async (tx) => {
        await tx
          .update(schema.sessions)
          .set({ authTime: now, authMethod: 'password' })
          .where(eq(schema.sessions.id, ctx.actor.sessionId));
        await appendAudit(tx, auditActor(ctx), ctx.meta, [
          { eventType: 'auth.reauth', entityType: 'user', entityId: ctx.actor.userId },
        ]);
      });
      ctx.actor.authTime = now;
      return info(req);
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags,
        summary: 'เปลี่ยนรหัสผ่าน (NIST SP 800-63B rules)',
        body: z.object({
          currentPassword: z.string({ error: 'err.required' }).min(1, { error: 'err.required' }),
          newPassword: z.string({ error: 'err.required' }),
        }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      const ctx = req.ctx;
      const [u] = await ctx.h.db.select().from(schema.users).where(eq(schema.users.id, ctx.actor.userId));
      if (!u?.passwordHash || !(await verifyPassword(u.passwordHash, req.body.currentPassword)))
        throw new AppError('validation', [{ field: 'currentPassword', messageKey: 'err.invalid' }]);
      const problem = passwordProblem(req.body.newPassword, ctx.actor.nationalId);
      if (problem) throw new AppError('validation', [{ field: 'newPassword', messageKey: problem }]);
      const hash = await hashPassword(req.body.newPassword);
      await ctx.h.db.transaction(async (tx) => {
        await tx
          .update(schema.users)
          .set({ passwordHash: hash, passwordChangedAt: new Date().toISOString() })
          .where(eq(schema.users.id, ctx.actor.userId));
        // Other sessions end: a password change is a reason to re-authenticate everywhere else.
        await revokeUserSessions(tx, ctx.actor.userId, ctx.actor.sessionId);
        await appendAudit(tx, auditActor(ctx), ctx.meta, [
          { eventType: 'auth.password.changed', entityType: 'user', entityId: ctx.actor.userId },
        ]);
      });
      return reply.status(204).send(null);
    },
  );
};
