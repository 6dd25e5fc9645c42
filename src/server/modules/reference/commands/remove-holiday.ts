import { eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/index.ts';
import { schema } from '../../../platform/db/index.ts';
import { type AuthedCtx, auditActor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { canManageHolidays } from '../policy.ts';

const { holidays } = schema;

/** Removes a day from the holiday table (a cancelled special day, a wrongly entered date). */
export async function removeHoliday(ctx: AuthedCtx, date: string): Promise<void> {
  if (!canManageHolidays(ctx.actor)) throw new AppError('forbidden');
  await ctx.h.db.transaction(async (tx) => {
    const gone = await tx.delete(holidays).where(eq(holidays.date, date)).returning();
    if (!gone.length) throw new AppError('notFound');
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      {
        eventType: 'holiday.removed',
        entityType: 'holiday',
        entityId: date,
        changes: [{ field: 'nameTh', from: gone[0]!.nameTh, to: null }],
      },
    ]);
  });
}
