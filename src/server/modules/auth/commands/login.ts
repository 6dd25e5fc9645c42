import { eq } from 'drizzle-orm';
import { type AuditEventInput, appendAudit } from '../../../platform/audit/index.ts';
import {
  checkPassword,
  clearAttempts,
  createSession,
  lockMinutes,
  releaseAttempt,
  throttleSubject,
} from '../../../platform/auth/index.ts';
import { needsSecondFactor } from '../../../platform/authz/index.ts';
import { schema } from '../../../platform/db/index.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { rolesInForce, totpOf, userByNationalId } from '../queries.ts';

const { users } = schema;
const ANON = { userId: null, name: 'anonymous', roles: [] };

/**
 * Sign-in with national ID and password (ADR 0113). The attempt is counted in the subject's
 * throttle before the password is checked, for known and unknown IDs alike: a locked ID answers
 * `accountLocked` and a wrong password `badCredentials`, the same bytes whether or not an account
 * has the ID. An account that must (or chose to) use a second factor gets a session that can only
 * finish signing in; the throttle is cleared only when every factor is in.
 */
export async function login(ctx: Ctx, nationalId: string, password: string) {
  const subject = throttleSubject(nationalId);
  const found = await userByNationalId(ctx.h.db, nationalId);
  const user = found?.passwordHash && found.status === 'active' ? found : null;
  const check = await checkPassword(ctx.h, subject, user?.passwordHash ?? null, password);
  const actor = user ? { userId: user.id, name: user.displayName, roles: [] } : ANON;
  if (check.result !== 'ok') {
    await ctx.h.db.transaction(async (tx) => {
      const events: AuditEventInput[] = [];
      if (check.result === 'wrong') {
        events.push({
          eventType: 'auth.login.failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          data: user ? { failedAttempts: check.failures } : { reason: 'unknown' },
        });
        if (check.lockMinutes > 0)
          events.push({
            eventType: 'auth.lockout',
            entityType: 'user',
            entityId: user?.id ?? null,
            data: { failedAttempts: check.failures, minutes: check.lockMinutes },
          });
      } else
        events.push({
          eventType: 'auth.login.refused',
          entityType: 'user',
          entityId: user?.id ?? null,
          data: { reason: 'locked' },
        });
      await appendAudit(tx, actor, ctx.meta, events);
    });
    throw new AppError(check.result === 'locked' ? 'accountLocked' : 'badCredentials');
  }
  const u = user!;
  const [roles, totp] = await Promise.all([rolesInForce(ctx.h.db, u.id), totpOf(ctx.h.db, u.id)]);
  const owesFactor = !!totp?.confirmedAt || needsSecondFactor(roles);
  return ctx.h.db.transaction(async (tx) => {
    // The password was right; a second factor still to come keeps the earlier failures counted.
    if (owesFactor) await releaseAttempt(tx, subject);
    else await clearAttempts(tx, subject);
    await tx.update(users).set({ lastLoginAt: new Date().toISOString() }).where(eq(users.id, u.id));
    const session = await createSession(tx, ctx.cfg, u.id, 'password', ctx.meta);
    await appendAudit(tx, actor, { ...ctx.meta, authMethod: 'password' }, [
      owesFactor
        ? {
            eventType: 'auth.login.password',
            entityType: 'user',
            entityId: u.id,
            data: { secondFactor: totp?.confirmedAt ? 'totp' : 'enrol' },
          }
        : { eventType: 'auth.login', entityType: 'user', entityId: u.id },
    ]);
    return { session, user: u };
  });
}

export { lockMinutes };
