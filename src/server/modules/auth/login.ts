import { eq, sql } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/index.ts';
import { createSession, dummyPasswordHash, verifyPassword } from '../../platform/auth/index.ts';
import { schema } from '../../platform/db/index.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';

const { users } = schema;

/**
 * Per-account throttling (NIST SP 800-63B: ≤ 100 consecutive failures): after 5 failures each
 * further attempt waits 2^(n−5) minutes (max 60); at 100 the account stays locked until an
 * access controller resets it. No password is evaluated while locked.
 */
export const FREE_ATTEMPTS = 5;
export const HARD_LOCK_AT = 100;
export function lockMinutes(failures: number): number {
  if (failures >= HARD_LOCK_AT) return 60 * 24 * 365 * 100;
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(2 ** (failures - FREE_ATTEMPTS), 60);
}

export async function login(ctx: Ctx, nationalId: string, password: string) {
  const [user] = await ctx.h.db.select().from(users).where(eq(users.nationalId, nationalId));
  const now = new Date();
  if (!user?.passwordHash || user.status !== 'active') {
    await verifyPassword(await dummyPasswordHash(), password); // same timing as a real check
    await ctx.h.db.transaction((tx) =>
      appendAudit(tx, { userId: null, name: 'anonymous', roles: [] }, ctx.meta, [
        { eventType: 'auth.login.failed', entityType: 'user', entityId: null, data: { reason: 'unknown' } },
      ]),
    );
    throw new AppError('badCredentials');
  }
  if (user.lockedUntil && new Date(user.lockedUntil) > now) throw new AppError('accountLocked');
  const ok = await verifyPassword(user.passwordHash, password);
  return ctx.h.db.transaction(async (tx) => {
    const actor = { userId: user.id, name: user.displayName, roles: [] };
    if (!ok) {
      const [u] = await tx
        .update(users)
        .set({ failedAttempts: sql`${users.failedAttempts} + 1` })
        .where(eq(users.id, user.id))
        .returning({ failed: users.failedAttempts });
      const mins = lockMinutes(u!.failed);
      if (mins > 0)
        await tx
          .update(users)
          .set({ lockedUntil: new Date(now.getTime() + mins * 60_000).toISOString() })
          .where(eq(users.id, user.id));
      await appendAudit(tx, actor, ctx.meta, [
        {
          eventType: 'auth.login.failed',
          entityType: 'user',
          entityId: user.id,
          data: { failedAttempts: u!.failed },
        },
      ]);
      return { ok: false as const };
    }
    await tx
      .update(users)
      .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now.toISOString() })
      .where(eq(users.id, user.id));
    const session = await createSession(tx, ctx.cfg, user.id, 'password', ctx.meta);
    await appendAudit(tx, actor, { ...ctx.meta, authMethod: 'password' }, [
      { eventType: 'auth.login', entityType: 'user', entityId: user.id },
    ]);
    return { ok: true as const, session, user };
  });
}
