import { eq } from 'drizzle-orm';
import { type AuditEventInput, appendAudit } from '../../../platform/audit/index.ts';
import {
  checkPassword,
  hashPassword,
  passwordProblem,
  releaseAttempt,
  revokeUserSessions,
  type SecretCheck,
  throttleSubject,
} from '../../../platform/auth/index.ts';
import { schema } from '../../../platform/db/index.ts';
import type { AuthedCtx } from '../../../platform/http/context.ts';
import { auditActor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { userById } from '../queries.ts';

const { users, sessions } = schema;

/** The signed-in user's password, checked through the shared throttle (ADR 0113). */
async function checkOwnPassword(ctx: AuthedCtx, password: string, failedEvent: string): Promise<SecretCheck> {
  const a = ctx.actor;
  const u = await userById(ctx.h.db, a.userId);
  const subject = throttleSubject(a.nationalId);
  const check = await checkPassword(ctx.h, subject, u?.passwordHash ?? null, password);
  if (check.result === 'ok') return check;
  const events: AuditEventInput[] = [
    {
      eventType: check.result === 'locked' ? `${failedEvent.replace(/\.failed$/, '')}.refused` : failedEvent,
      entityType: 'user',
      entityId: a.userId,
      data: check.result === 'wrong' ? { failedAttempts: check.failures } : { reason: 'locked' },
    },
  ];
  if (check.result === 'wrong' && check.lockMinutes > 0)
    events.push({
      eventType: 'auth.lockout',
      entityType: 'user',
      entityId: a.userId,
      data: { failedAttempts: check.failures, minutes: check.lockMinutes },
    });
  await ctx.h.db.transaction((tx) => appendAudit(tx, auditActor(ctx), ctx.meta, events));
  return check;
}

/**
 * Re-authentication before signing (ADR 0107): refreshes the session's auth time. The session
 * keeps its sign-in method (a password-and-TOTP session stays one).
 */
export async function reauthenticate(ctx: AuthedCtx, password: string): Promise<string> {
  const check = await checkOwnPassword(ctx, password, 'auth.reauth.failed');
  if (check.result === 'locked') throw new AppError('accountLocked');
  if (check.result === 'wrong') throw new AppError('badCredentials');
  const now = new Date().toISOString();
  await ctx.h.db.transaction(async (tx) => {
    await releaseAttempt(tx, throttleSubject(ctx.actor.nationalId));
    await tx.update(sessions).set({ authTime: now }).where(eq(sessions.id, ctx.actor.sessionId));
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      { eventType: 'auth.reauth', entityType: 'user', entityId: ctx.actor.userId },
    ]);
  });
  return now;
}

/** Password change (NIST SP 800-63B rules); a wrong current password counts as a failed sign-in. */
export async function changePassword(ctx: AuthedCtx, currentPassword: string, newPassword: string) {
  // The new password's rules first: a refused new password spends no guess of the current one.
  const problem = passwordProblem(newPassword, ctx.actor.nationalId);
  if (problem) throw new AppError('validation', [{ field: 'newPassword', messageKey: problem }]);
  const check = await checkOwnPassword(ctx, currentPassword, 'auth.password.failed');
  if (check.result === 'locked') throw new AppError('accountLocked');
  if (check.result === 'wrong')
    throw new AppError('validation', [{ field: 'currentPassword', messageKey: 'err.invalid' }]);
  const hash = await hashPassword(newPassword);
  await ctx.h.db.transaction(async (tx) => {
    await releaseAttempt(tx, throttleSubject(ctx.actor.nationalId));
    await tx
      .update(users)
      .set({ passwordHash: hash, passwordChangedAt: new Date().toISOString() })
      .where(eq(users.id, ctx.actor.userId));
    // Other sessions end: a password change is a reason to re-authenticate everywhere else.
    await revokeUserSessions(tx, ctx.actor.userId, ctx.actor.sessionId);
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      { eventType: 'auth.password.changed', entityType: 'user', entityId: ctx.actor.userId },
    ]);
  });
}
