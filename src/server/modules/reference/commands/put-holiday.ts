import { eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/index.ts';
import { schema } from '../../../platform/db/index.ts';
import { type AuthedCtx, auditActor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { canManageHolidays } from '../policy.ts';

const { holidays } = schema;

export type HolidayKind = 'fixed' | 'lunar' | 'substitute' | 'royal-ceremony' | 'special';

/**
 * Adds or corrects a day of the holiday table (an announcement by the cabinet or the Prime
 * Minister's Office). What an administrator enters is confirmed: confidence becomes high and the
 * source "admin", replacing a researched value of lower confidence.
 */
export async function putHoliday(ctx: AuthedCtx, date: string, input: { nameTh: string; kind: HolidayKind }) {
  if (!canManageHolidays(ctx.actor)) throw new AppError('forbidden');
  return ctx.h.db.transaction(async (tx) => {
    const [before] = await tx.select().from(holidays).where(eq(holidays.date, date)).for('update');
    const values = {
      date,
      nameTh: input.nameTh,
      kind: input.kind,
      confidence: 'high',
      source: 'admin',
      updatedBy: ctx.actor.userId,
      updatedAt: new Date().toISOString(),
    };
    await tx.insert(holidays).values(values).onConflictDoUpdate({ target: holidays.date, set: values });
    const changes = [{ field: 'nameTh', from: before?.nameTh ?? null, to: input.nameTh }];
    if (before && before.kind !== input.kind)
      changes.push({ field: 'kind', from: before.kind, to: input.kind });
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      {
        eventType: before ? 'holiday.updated' : 'holiday.added',
        entityType: 'holiday',
        entityId: date,
        changes,
      },
    ]);
    return { date, nameTh: values.nameTh, kind: values.kind, confidence: values.confidence };
  });
}
