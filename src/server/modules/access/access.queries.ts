import { and, desc, eq, ilike, inArray, isNull, like, or, sql } from 'drizzle-orm';
import { loadPersonAccess } from '../../platform/authz/index.ts';
import { schema } from '../../platform/db/index.ts';
import type { AuthedCtx } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { administersPath } from './access.commands.ts';
import { administeredOffices } from './access.policy.ts';

const { assignmentItems, assignmentPeople, offices, persons, roleAssignments, userTotp, users } = schema;

/**
 * What the access controller needs to help a person who cannot sign in (ADR 0113): whether the
 * person has an account, whether it has a confirmed authenticator, when it last signed in — no
 * secret, no code. A person the caller cannot see is 404; one he sees but does not administer
 * (not an access controller of the person's office) is 403.
 */
export async function personSignIn(ctx: AuthedCtx, personId: string) {
  if (!(await loadPersonAccess(ctx.h.db, ctx.actor, personId))) throw new AppError('notFound');
  const [p] = await ctx.h.db
    .select({ path: offices.path })
    .from(persons)
    .leftJoin(offices, eq(offices.id, persons.officeId))
    .where(eq(persons.id, personId));
  if (!p || !(await administersPath(ctx, p.path))) throw new AppError('forbidden');
  const [row] = await ctx.h.db
    .select({ userId: users.id, confirmedAt: userTotp.confirmedAt, lastLoginAt: users.lastLoginAt })
    .from(users)
    .leftJoin(userTotp, eq(userTotp.userId, users.id))
    .where(eq(users.personId, personId));
  if (!row) return null;
  return {
    userId: row.userId,
    authenticator: row.confirmedAt != null,
    lastLoginAt: row.lastLoginAt ?? null,
    isSelf: row.userId === ctx.actor.userId,
  };
}

/** Role assignments in the offices the caller administers (OTEPC: all), newest first. */
export async function listAssignments(ctx: AuthedCtx, includeRevoked: boolean) {
  const offs = administeredOffices(ctx.actor);
  if (offs !== null && offs.length === 0) throw new AppError('forbidden');
  const rows = await ctx.h.db
    .select({
      id: roleAssignments.id,
      userId: roleAssignments.userId,
      userName: users.displayName,
      role: roleAssignments.role,
      officeId: roleAssignments.officeId,
      officeName: offices.nameTh,
      startDate: roleAssignments.startDate,
      endDate: roleAssignments.endDate,
      lastReviewedAt: roleAssignments.lastReviewedAt,
      revokedAt: roleAssignments.revokedAt,
      reference: roleAssignments.reference,
      peopleCount: sql<number>`(select count(*)::int from ${assignmentPeople} where ${assignmentPeople.assignmentId} = ${roleAssignments.id})`,
      itemKeys: sql<
        string[] | null
      >`(select array_agg(${assignmentItems.itemKey}) from ${assignmentItems} where ${assignmentItems.assignmentId} = ${roleAssignments.id})`,
    })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .innerJoin(offices, eq(offices.id, roleAssignments.officeId))
    .where(
      and(
        offs === null ? undefined : inArray(roleAssignments.officeId, offs),
        includeRevoked ? undefined : isNull(roleAssignments.revokedAt),
      ),
    )
    .orderBy(desc(roleAssignments.grantedAt))
    .limit(500);
  return rows;
}

/** Users of people under an office the caller administers, by name, for a grant. */
export async function searchOfficeUsers(ctx: AuthedCtx, officeId: string, q0: string) {
  const offs = administeredOffices(ctx.actor);
  if (offs !== null && !offs.includes(officeId)) throw new AppError('forbidden');
  const [o] = await ctx.h.db.select({ path: offices.path }).from(offices).where(eq(offices.id, officeId));
  if (!o) throw new AppError('notFound');
  const q = q0.replace(/[\\%_]/g, '');
  const items = await ctx.h.db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .innerJoin(persons, eq(persons.id, users.personId))
    .innerJoin(offices, eq(offices.id, persons.officeId))
    .where(and(like(offices.path, `${o.path}%`), or(ilike(users.displayName, `%${q}%`))))
    .orderBy(sql`${users.displayName} collate th`)
    .limit(50);
  return items;
}
