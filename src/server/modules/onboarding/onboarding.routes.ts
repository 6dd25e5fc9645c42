import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate, nationalId } from '../../../domain/record/primitives.ts';
import { createSession } from '../../platform/auth/index.ts';
import { setSessionCookie } from '../../platform/http/auth-hook.ts';
import { requireActor } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { findCaseInScope, presentCase } from '../workflows/index.ts';
import { completeIdentity } from './commands/complete-identity.ts';
import { consumeOidcLogin } from './commands/consume-oidc-login.ts';
import { openOnboarding } from './commands/open-onboarding.ts';
import { startOidcLogin } from './commands/start-oidc-login.ts';
import type { CivilClaims } from './dev-citizens.ts';
import { mountDevOidcProvider } from './dev-oidc.ts';
import { client, oidcConfiguration } from './oidc-client.ts';

const LOGIN_COOKIE = 'khru_oidc';
const LOGIN_TTL_MS = 10 * 60_000;
/** The sign-in page with the "no record yet" notice (src/web/pages/LoginPage.tsx reads it). */
export const DIGITAL_ID_NO_RECORD_PATH = '/?digitalId=no-record';

/** New hires (ข้อ 3): open the case from the appointment order; Digital ID login (OIDC). */
export const onboardingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['บรรจุใหม่ (onboarding)'];
  await mountDevOidcProvider(app);

  app.post(
    '/api/v1/onboarding',
    {
      schema: {
        tags,
        summary: 'เปิดเรื่องจัดทำทะเบียนประวัติผู้บรรจุใหม่จากคำสั่งบรรจุ (ข้อ 3.1)',
        body: z.object({
          nationalId,
          officeId: z.string().regex(/^[0-9a-f-]{36}$/i, { error: 'err.invalid' }),
          positionId: z
            .string()
            .regex(/^[0-9a-f-]{36}$/i, { error: 'err.invalid' })
            .nullish()
            .transform((v) => v ?? null),
          positionTitle: z.string().trim().min(1, { error: 'err.required' }).max(200),
          orderNumber: z.string().trim().min(1, { error: 'err.required' }).max(100),
          orderDate: isoDate,
          appointmentDate: isoDate,
          reportDate: isoDate,
        }),
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      const c = await openOnboarding(req.ctx, req.body);
      const found = await findCaseInScope(req.ctx.h.db, req.ctx.actor, c.id);
      return reply.status(201).send(await presentCase(req.ctx.h.db, req.ctx.actor, found!.c, found!.person));
    },
  );

  app.get(
    '/api/auth/oidc/start',
    { config: { auth: 'public' }, schema: { tags, summary: 'เข้าสู่ระบบด้วย Digital ID (ThaiD) — redirect' } },
    async (req, reply) => {
      const cfg = req.ctx.cfg;
      const config = await oidcConfiguration(cfg);
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const id = randomBytes(32).toString('base64url');
      await startOidcLogin(req.ctx.h.db, { id, state, nonce, codeVerifier });
      // Lax: the provider sends the browser back with a top-level cross-site redirect.
      void reply.setCookie(LOGIN_COOKIE, id, {
        path: '/api/auth/oidc',
        httpOnly: true,
        secure: cfg.cookieSecure,
        sameSite: 'lax',
        maxAge: LOGIN_TTL_MS / 1000,
      });
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: cfg.oidc.redirectUri,
        scope: 'openid pid profile',
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return reply.redirect(url.href, 302);
    },
  );

  app.get(
    '/api/auth/oidc/callback',
    {
      config: { auth: 'public' },
      schema: { tags, summary: 'Digital ID callback (code → ID token → session)' },
    },
    async (req, reply) => {
      const ctx = req.ctx;
      const cfg = ctx.cfg;
      const id = req.cookies?.[LOGIN_COOKIE];
      if (!id) throw new AppError('badCredentials');
      const login = await consumeOidcLogin(ctx.h.db, id, LOGIN_TTL_MS);
      const config = await oidcConfiguration(cfg);
      let claims: CivilClaims;
      try {
        const tokens = await client.authorizationCodeGrant(
          config,
          new URL(req.url, new URL(cfg.oidc.redirectUri).origin),
          {
            pkceCodeVerifier: login.codeVerifier,
            expectedState: login.state,
            expectedNonce: login.nonce,
            idTokenExpected: true,
          },
        );
        claims = tokens.claims() as unknown as CivilClaims;
      } catch (e) {
        req.log.info({ err: (e as Error).message }, 'oidc callback refused');
        throw new AppError('badCredentials');
      }
      let userId: string;
      try {
        userId = await completeIdentity(ctx, claims);
      } catch (e) {
        // A browser arrives here, not a script: a citizen with no record yet gets the sign-in
        // page telling her what to do (in Thai, or English by her language), not a JSON error.
        if (!(e instanceof AppError && e.code === 'digitalIdNoRecord')) throw e;
        void reply.clearCookie(LOGIN_COOKIE, { path: '/api/auth/oidc' });
        return reply.redirect(DIGITAL_ID_NO_RECORD_PATH, 302);
      }
      // Digital ID is a second factor for staff only at the configured assurance level (ADR 0113).
      const method = Number(claims.ial ?? 0) >= cfg.oidc.minIalForStaff ? 'oidc' : 'oidc-low';
      const s = await createSession(ctx.h.db, cfg, userId, method, {
        ip: ctx.meta.ip,
        userAgent: ctx.meta.userAgent,
      });
      setSessionCookie(reply, cfg, s.token);
      void reply.clearCookie(LOGIN_COOKIE, { path: '/api/auth/oidc' });
      return reply.redirect('/', 302);
    },
  );
};
