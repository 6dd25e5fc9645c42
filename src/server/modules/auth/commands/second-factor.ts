import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/index.ts';
import {
  clearAttempts,
  createSession,
  lockMinutes,
  recoveryCodeHash,
  reserveAttempt,
  revokeSession,
  throttleSubject,
  totpStep,
} from '../../../platform/auth/index.ts';
import { schema, type Tx } from '../../../platform/db/index.ts';
import type { AuthedCtx } from '../../../platform/http/context.ts';
import { auditActor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';

const { userTotp, recoveryCodes } = schema;

/**
 * Accepts a TOTP code once (RFC 6238 §5.2): the step it matches must be later than the last
 * step accepted, checked and recorded in one UPDATE, so two requests with the same code cannot
 * both pass. `confirmed`: the authenticator in use (false: the one being enrolled).
 */
export async function acceptTotp(tx: Tx, userId: string, code: string, confirmed: boolean): Promise<boolean> {
  const [t] = await tx.select().from(userTotp).where(eq(userTotp.userId, userId));
  if (!t || !!t.confirmedAt !== confirmed) return false;
  const step = totpStep(t.secret, code.trim());
  if (step === null) return false;
  const [hit] = await tx
    .update(userTotp)
    .set({ lastStep: step, ...(confirmed ? {} : { confirmedAt: new Date().toISOString() }) })
    .where(
      and(
        eq(userTotp.userId, userId),
        eq(userTotp.secret, t.secret),
        or(isNull(userTotp.lastStep), lt(userTotp.lastStep, step)),
      ),
    )
    .returning({ userId: userTotp.userId });
  return !!hit;
}

/** The sign-in method once the second factor is in: 'password' → 'password+totp', … */
export function withSecondFactor(method: string, factor: 'totp' | 'recovery'): string {
  return `${method.split('+')[0]}+${factor}`;
}

/**
 * Step 2 of signing in (ADR 0113): a TOTP code or a single-use recovery code, counted in the
 * same throttle as the password. On success the half-signed-in session is revoked and a new,
 * full one is issued — a new token, so nothing cached for the old one (ADR 0109) can ever stand
 * for the full session.
 */
export async function completeSecondFactor(
  ctx: AuthedCtx,
  input: { code?: string | undefined; recoveryCode?: string | undefined },
) {
  const a = ctx.actor;
  if (a.secondFactor !== 'totp') throw new AppError(a.secondFactor === 'enrol' ? 'noTotp' : 'forbidden');
  const subject = throttleSubject(a.nationalId);
  const r = await reserveAttempt(ctx.h, subject);
  if (!r) {
    await ctx.h.db.transaction((tx) =>
      appendAudit(tx, auditActor(ctx), ctx.meta, [
        {
          eventType: 'auth.secondFactor.refused',
          entityType: 'user',
          entityId: a.userId,
          data: { reason: 'locked' },
        },
      ]),
    );
    throw new AppError('accountLocked');
  }
  const factor = input.recoveryCode ? 'recovery' : 'totp';
  const out = await ctx.h.db.transaction(async (tx) => {
    let ok = false;
    let remaining: number | null = null;
    if (input.recoveryCode) {
      const used = await tx
        .update(recoveryCodes)
        .set({ usedAt: new Date().toISOString() })
        .where(
          and(
            eq(recoveryCodes.userId, a.userId),
            eq(recoveryCodes.codeHash, recoveryCodeHash(input.recoveryCode)),
            isNull(recoveryCodes.usedAt),
          ),
        )
        .returning({ id: recoveryCodes.id });
      ok = used.length === 1;
      if (ok)
        remaining = (
          await tx
            .select({ id: recoveryCodes.id })
            .from(recoveryCodes)
            .where(and(eq(recoveryCodes.userId, a.userId), isNull(recoveryCodes.usedAt)))
        ).length;
    } else if (input.code) ok = await acceptTotp(tx, a.userId, input.code, true);
    if (!ok) {
      const mins = lockMinutes(r.failures);
      await appendAudit(tx, auditActor(ctx), ctx.meta, [
        {
          eventType: 'auth.secondFactor.failed',
          entityType: 'user',
          entityId: a.userId,
          data: { factor, failedAttempts: r.failures },
        },
        ...(mins > 0
          ? [
              {
                eventType: 'auth.lockout',
                entityType: 'user',
                entityId: a.userId,
                data: { failedAttempts: r.failures, minutes: mins },
              },
            ]
          : []),
      ]);
      return null;
    }
    const method = withSecondFactor(a.authMethod, factor);
    await clearAttempts(tx, subject);
    await revokeSession(tx, a.sessionId);
    const session = await createSession(tx, ctx.cfg, a.userId, method, ctx.meta);
    await appendAudit(tx, auditActor(ctx), { ...ctx.meta, authMethod: method }, [
      ...(factor === 'recovery'
        ? [
            {
              eventType: 'auth.recoveryCode.used',
              entityType: 'user',
              entityId: a.userId,
              data: { remaining },
            },
          ]
        : []),
      { eventType: 'auth.login', entityType: 'user', entityId: a.userId, data: { method } },
    ]);
    return session;
  });
  if (!out) throw new AppError('badSecondFactor');
  return out;
}
