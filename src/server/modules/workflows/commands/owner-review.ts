import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/index.ts';
import { hasPermission, personScope } from '../../../platform/authz/index.ts';
import { schema } from '../../../platform/db/index.ts';
import { type AuthedCtx, auditActor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';

const { persons, offices } = schema;

/**
 * "At least twice a year" (requirements R3.8, seed 000): a confirmation older than half a year
 * (183 days) — or none at all — is overdue.
 */
export const OWNER_REVIEW_MAX_DAYS = 183;

/**
 * The owner confirms that her record, at the version she read, is correct and complete. A stale
 * version (the record changed since she read it) is refused with 409 so she confirms what is there.
 */
export async function confirmOwnerReview(ctx: AuthedCtx, recordVersion: number) {
  const personId = ctx.actor.personId;
  if (!personId) throw new AppError('notFound');
  return ctx.h.db.transaction(async (tx) => {
    const now = new Date().toISOString();
    const [p] = await tx
      .update(persons)
      .set({ lastOwnerReviewAt: now })
      .where(and(eq(persons.id, personId), eq(persons.recordVersion, recordVersion)))
      .returning({ id: persons.id });
    if (!p) throw new AppError('conflict');
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      {
        eventType: 'record.owner.reviewed',
        entityType: 'record',
        entityId: personId,
        personId,
        data: { recordVersion },
      },
    ]);
    return { lastOwnerReviewAt: now, recordVersion };
  });
}

/**
 * People in the caller's scope whose owner review is overdue, oldest first — for the officers who
 * keep the register (record.edit) and the certifiers (record.certify).
 */
export async function overdueReviews(ctx: AuthedCtx, now = new Date()) {
  if (!hasPermission(ctx.actor, 'record.edit') && !hasPermission(ctx.actor, 'record.certify'))
    throw new AppError('forbidden');
  const cutoff = new Date(now.getTime() - OWNER_REVIEW_MAX_DAYS * 86_400_000).toISOString();
  const rows = await ctx.h.db
    .select({
      personId: persons.id,
      displayName: persons.displayName,
      officeCode: offices.code,
      officeName: offices.nameTh,
      lastOwnerReviewAt: persons.lastOwnerReviewAt,
    })
    .from(persons)
    .leftJoin(offices, eq(offices.id, persons.officeId))
    .where(
      and(
        personScope(ctx.actor),
        eq(persons.status, 'active'),
        or(isNull(persons.lastOwnerReviewAt), lt(persons.lastOwnerReviewAt, cutoff)),
        // Only people who can review: those with a user account.
        sql`exists (select 1 from ${schema.users} u where u.person_id = ${persons.id})`,
      ),
    )
    .orderBy(sql`${persons.lastOwnerReviewAt} asc nulls first`, asc(persons.displayName))
    .limit(1000);
  return {
    maxDays: OWNER_REVIEW_MAX_DAYS,
    items: rows.map((r) => ({
      ...r,
      lastOwnerReviewAt: r.lastOwnerReviewAt ? new Date(r.lastOwnerReviewAt).toISOString() : null,
    })),
  };
}
