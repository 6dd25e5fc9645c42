import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nationalId } from '../../../domain/record/primitives.ts';
import { loadSession } from '../../platform/auth/index.ts';
import {
  actorRoles,
  authorizeImport,
  hasPermission,
  isOtepcDataController,
  ROLE_DEFS,
  readableItems,
} from '../../platform/authz/index.ts';
import { clearSessionCookie, setSessionCookie } from '../../platform/http/auth-hook.ts';
import { type Ctx, requireActor } from '../../platform/http/context.ts';
import { confirmTotpEnrolment, regenerateRecoveryCodes, startTotpEnrolment } from './commands/enrol-totp.ts';
import { login } from './commands/login.ts';
import { logout } from './commands/logout.ts';
import { changePassword, reauthenticate } from './commands/password.ts';
import { completeSecondFactor } from './commands/second-factor.ts';
import { unusedRecoveryCodes } from './queries.ts';

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
  /**
   * What the session still owes before it may do anything else (ADR 0113): 'totp' — the code
   * from the authenticator app (or a recovery code) at POST /api/auth/second-factor; 'enrol' —
   * set up an authenticator (POST /api/auth/totp/enrol, then /confirm). null: fully signed in.
   * While owed, user.assignments and user.permissions are empty.
   */
  secondFactor: z.enum(['totp', 'enrol']).nullable(),
  /** The user has an authenticator app (ADR 0113). */
  totpEnrolled: z.boolean(),
});

const codeField = z
  .string({ error: 'err.required' })
  .trim()
  .regex(/^\d{6}$/, { error: 'err.totp.code' });

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['การเข้าสู่ระบบ (auth)'];
  // Per-client throttle on the login endpoint (ASVS 6.3.1); the per-account one is in login.ts.
  await app.register(rateLimit, {
    global: false,
    max: app.khruConfig.loginMaxPerClient,
    timeWindow: '15 minutes',
  });

  const info = (req: { ctx: Ctx; csrfToken: string | null }) => {
    const a = req.ctx.actor!;
    const pending = a.secondFactor ?? null;
    const perms = new Set<string>();
    for (const x of a.assignments) for (const p of ROLE_DEFS[x.role].permissions) perms.add(p);
    if (isOtepcDataController(a)) perms.add('access.appointController');
    return {
      user: {
        id: a.userId,
        displayName: a.displayName,
        personId: a.personId,
        roles: pending ? [] : actorRoles(a),
        assignments: (pending ? [] : a.assignments).map((x) => ({
          id: x.id,
          role: x.role,
          roleTh: ROLE_DEFS[x.role].th,
          officeId: x.officeId,
          items: x.items,
        })),
        permissions: pending ? [] : [...perms],
        allowed: {
          importPeople: !pending && authorizeImport(a, { people: true, items: [] }).ok,
          exportItems: !pending && hasPermission(a, 'record.read') ? readableItems(a) : [],
        },
      },
      csrfToken: req.csrfToken ?? '',
      authTime: new Date(a.authTime).toISOString(),
      secondFactor: pending,
      totpEnrolled: !!a.totpEnrolled,
    };
  };

  /** Sets the cookie of a new session and answers with what it resolves to. */
  const startSession = async (
    req: { ctx: Ctx; csrfToken: string | null },
    reply: import('fastify').FastifyReply,
    token: string,
  ) => {
    setSessionCookie(reply, req.ctx.cfg, token);
    const s = await loadSession(req.ctx.h, req.ctx.cfg, token);
    req.ctx.actor = s!.actor;
    req.ctx.meta.authMethod = s!.actor.authMethod;
    req.csrfToken = s!.csrfToken;
    return info(req);
  };
  const pendingOk = { pendingSecondFactor: true } as const;
  const throttled = { rateLimit: { max: app.khruConfig.loginMaxPerClient, timeWindow: '15 minutes' } };

  app.post(
    '/api/auth/login',
    {
      config: { auth: 'public', ...throttled },
      schema: {
        tags,
        summary: 'เข้าสู่ระบบด้วยเลขประจำตัวประชาชนและรหัสผ่าน (step 1; staff then give a second factor)',
        body: z.object({
          nationalId,
          password: z.string({ error: 'err.required' }).min(1, { error: 'err.required' }).max(1024),
        }),
        response: { 200: sessionInfo },
      },
    },
    async (req, reply) => {
      const r = await login(req.ctx, req.body.nationalId, req.body.password);
      return startSession(req, reply, r.session.token);
    },
  );

  app.post(
    '/api/auth/second-factor',
    {
      config: { ...pendingOk, ...throttled },
      schema: {
        tags,
        summary: 'ยืนยันตัวตนขั้นที่สอง: รหัส ๖ หลักจากแอป หรือรหัสกู้คืน (issues a new, full session)',
        body: z
          .object({ code: codeField.optional(), recoveryCode: z.string().trim().min(1).max(40).optional() })
          .refine((b) => !!b.code !== !!b.recoveryCode, { error: 'err.required', path: ['code'] }),
        response: { 200: sessionInfo },
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      const s = await completeSecondFactor(req.ctx, req.body);
      return startSession(req, reply, s.token);
    },
  );

  app.post(
    '/api/auth/totp/enrol',
    {
      config: pendingOk,
      schema: {
        tags,
        summary: 'เริ่มตั้งค่าแอปยืนยันตัวตน (new secret, shown once as a QR code)',
        response: {
          200: z.object({ otpauthUri: z.string(), secret: z.string(), qrDataUrl: z.string() }),
        },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      return startTotpEnrolment(req.ctx);
    },
  );

  app.post(
    '/api/auth/totp/confirm',
    {
      config: { ...pendingOk, ...throttled },
      schema: {
        tags,
        summary: 'ยืนยันการตั้งค่าด้วยรหัสแรกจากแอป (returns 10 recovery codes, once)',
        body: z.object({ code: codeField }),
        response: { 200: sessionInfo.extend({ recoveryCodes: z.array(z.string()) }) },
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      const r = await confirmTotpEnrolment(req.ctx, req.body.code);
      return { ...(await startSession(req, reply, r.session.token)), recoveryCodes: r.recovery };
    },
  );

  app.post(
    '/api/auth/recovery-codes',
    {
      schema: {
        tags,
        summary: 'ออกรหัสกู้คืนชุดใหม่ ๑๐ รหัส (the old ones stop working)',
        response: { 200: z.object({ recoveryCodes: z.array(z.string()) }) },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      return { recoveryCodes: await regenerateRecoveryCodes(req.ctx) };
    },
  );

  app.get(
    '/api/auth/security',
    {
      schema: {
        tags,
        summary: 'สถานะความปลอดภัยของบัญชีตนเอง (authenticator, recovery codes left)',
        response: { 200: z.object({ totpEnrolled: z.boolean(), recoveryCodesLeft: z.number() }) },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      return {
        totpEnrolled: !!req.ctx.actor.totpEnrolled,
        recoveryCodesLeft: await unusedRecoveryCodes(req.ctx.h.db, req.ctx.actor.userId),
      };
    },
  );

  app.get(
    '/api/auth/session',
    {
      config: pendingOk,
      schema: { tags, summary: 'ผู้ใช้ปัจจุบันและสิทธิ์ (current session)', response: { 200: sessionInfo } },
    },
    async (req) => info(req),
  );

  app.post(
    '/api/auth/logout',
    {
      config: pendingOk,
      schema: { tags, summary: 'ออกจากระบบ (ends the session on the server)', response: { 204: z.null() } },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      const ctx = req.ctx;
      await logout(ctx);
      clearSessionCookie(reply, ctx.cfg);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/reauth',
    {
      config: throttled,
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
      // A real authentication just happened: step-up checks (signing, ADR 0107) count from now.
      req.ctx.actor.authTime = await reauthenticate(req.ctx, req.body.password);
      return info(req);
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: throttled,
      schema: {
        tags,
        summary: 'เปลี่ยนรหัสผ่าน (NIST SP 800-63B rules)',
        body: z.object({
          currentPassword: z.string({ error: 'err.required' }).min(1, { error: 'err.required' }).max(1024),
          newPassword: z.string({ error: 'err.required' }),
        }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      await changePassword(req.ctx, req.body.currentPassword, req.body.newPassword);
      return reply.status(204).send(null);
    },
  );
};
