import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import { appendAudit } from '../../../platform/audit/index.ts';
import {
  clearAttempts,
  createSession,
  lockMinutes,
  newRecoveryCodes,
  newTotpSecret,
  recoveryCodeHash,
  reserveAttempt,
  revokeSession,
  throttleSubject,
  totpUri,
} from '../../../platform/auth/index.ts';
import { MULTI_FACTOR_METHODS } from '../../../platform/authz/index.ts';
import { schema, type Tx } from '../../../platform/db/index.ts';
import type { AuthedCtx } from '../../../platform/http/context.ts';
import { auditActor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { totpOf } from '../queries.ts';
import { acceptTotp, withSecondFactor } from './second-factor.ts';

const { userTotp, recoveryCodes } = schema;

/**
 * Starts (or restarts) enrolment of an authenticator app: a new secret, shown once as a QR code
 * and as text. Refused when one is already confirmed — replacing a factor is the access
 * controller's reset in the office (ADR 0113), so a stolen password cannot swap the phone.
 */
export async function startTotpEnrolment(ctx: AuthedCtx) {
  const a = ctx.actor;
  const existing = await totpOf(ctx.h.db, a.userId);
  if (existing?.confirmedAt) throw new AppError('totpEnrolled');
  const secret = newTotpSecret();
  const uri = totpUri(secret, a.nationalId);
  await ctx.h.db.transaction(async (tx) => {
    await tx
      .insert(userTotp)
      .values({ userId: a.userId, secret })
      .onConflictDoUpdate({
        target: userTotp.userId,
        set: { secret, createdAt: new Date().toISOString(), lastStep: null },
      });
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      { eventType: 'auth.totp.enrolment.started', entityType: 'user', entityId: a.userId },
    ]);
  });
  const qr = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  return { otpauthUri: uri, secret, qrDataUrl: qr };
}

/** Replaces a user's recovery codes by ten new ones; returns them (the only time they are seen). */
export async function issueRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: recoveryCodeHash(c) })));
  return codes;
}

/**
 * Confirms enrolment with a first code from the app (counted in the sign-in throttle). The
 * secret is never returned again; ten recovery codes are issued; the session is replaced by a
 * full one (the code just entered is the second factor).
 */
export async function confirmTotpEnrolment(ctx: AuthedCtx, code: string) {
  const a = ctx.actor;
  const subject = throttleSubject(a.nationalId);
  const r = await reserveAttempt(ctx.h, subject);
  if (!r) throw new AppError('accountLocked');
  const out = await ctx.h.db.transaction(async (tx) => {
    const ok = await acceptTotp(tx, a.userId, code, false);
    if (!ok) {
      const mins = lockMinutes(r.failures);
      await appendAudit(tx, auditActor(ctx), ctx.meta, [
        {
          eventType: 'auth.totp.enrolment.failed',
          entityType: 'user',
          entityId: a.userId,
          data: { failedAttempts: r.failures },
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
    // Password (at login) and now the code: a full sign-in.
    await clearAttempts(tx, subject);
    const recovery = await issueRecoveryCodes(tx, a.userId);
    const method = MULTI_FACTOR_METHODS.has(a.authMethod)
      ? a.authMethod
      : withSecondFactor(a.authMethod, 'totp');
    await revokeSession(tx, a.sessionId);
    const session = await createSession(tx, ctx.cfg, a.userId, method, ctx.meta);
    await appendAudit(tx, auditActor(ctx), { ...ctx.meta, authMethod: method }, [
      {
        eventType: 'auth.totp.enrolled',
        entityType: 'user',
        entityId: a.userId,
        data: { recoveryCodes: recovery.length },
      },
    ]);
    return { session, recovery };
  });
  if (!out) throw new AppError('badSecondFactor');
  return out;
}

/** New recovery codes (the old ones stop working), for a fully signed-in user with an authenticator. */
export async function regenerateRecoveryCodes(ctx: AuthedCtx): Promise<string[]> {
  const a = ctx.actor;
  if (!a.totpEnrolled) throw new AppError('noTotp');
  return ctx.h.db.transaction(async (tx) => {
    const codes = await issueRecoveryCodes(tx, a.userId);
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      { eventType: 'auth.recoveryCodes.regenerated', entityType: 'user', entityId: a.userId },
    ]);
    return codes;
  });
}
