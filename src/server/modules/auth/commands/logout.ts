import { appendAudit } from '../../../platform/audit/index.ts';
import { revokeSession } from '../../../platform/auth/index.ts';
import { type AuthedCtx, auditActor } from '../../../platform/http/context.ts';

/** Ends the caller's session on the server, with its audit event, in one transaction. */
export async function logout(ctx: AuthedCtx): Promise<void> {
  await ctx.h.db.transaction(async (tx) => {
    await revokeSession(tx, ctx.actor.sessionId);
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      { eventType: 'auth.logout', entityType: 'user', entityId: ctx.actor.userId },
    ]);
  });
}
