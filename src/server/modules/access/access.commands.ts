import { and, eq, gte, inArray, isNull, like, lte, or, sql } from 'drizzle-orm';
import type { RecordItemKey } from '../../../domain/record/items.ts';
import { dutyConflict } from '../../../domain/separation-of-duties.ts';
import { appendAudit } from '../../platform/audit/index.ts';
import { ROLE_DEFS, type Role } from '../../platform/authz/index.ts';
import { schema } from '../../platform/db/index.ts';
import { type AuthedCtx, auditActor } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { removeSecondFactor } from '../auth/index.ts';
import { administeredOffices, canGrant, mayGrantWithoutRecord } from './access.policy.ts';

const { roleAssignments, assignmentPeople, assignmentItems, users, persons, offices } = schema;

export type GrantInput = {
  userId: string;
  role: Role;
  officeId: string;
  startDate: string;
  endDate: string | null;
  reference: string | null;
  personIds: string[];
  itemKeys: RecordItemKey[];
};

/** Grants a scoped role; assignment, its people/items and the audit event in one transaction. */
export async function grantRole(ctx: AuthedCtx, input: GrantInput) {
  if (input.userId === ctx.actor.userId) throw new AppError('selfGrant');
  const [office] = await ctx.h.db.select().from(offices).where(eq(offices.id, input.officeId));
  if (!office) throw new AppError('validation', [{ field: 'officeId', messageKey: 'err.invalid' }]);
  if (!canGrant(ctx.actor, input.role, input.officeId)) throw new AppError('forbidden');
  const def = ROLE_DEFS[input.role];
  if (def.itemRestricted && input.itemKeys.length === 0)
    throw new AppError('validation', [{ field: 'itemKeys', messageKey: 'err.required' }]);
  if (def.scope === 'assigned' && input.personIds.length === 0 && input.role === 'records_officer')
    throw new AppError('validation', [{ field: 'personIds', messageKey: 'err.required' }]);
  if (input.endDate && input.endDate <= input.startDate)
    throw new AppError('validation', [{ field: 'endDate', messageKey: 'err.dateRange' }]);
  return ctx.h.db.transaction(async (tx) => {
    // The grantee's row is locked for the transaction, so two concurrent grants to one user are
    // checked one after the other (no duplicate or conflicting pair slips in between).
    const [user] = await tx
      .select({ id: users.id, personId: users.personId, status: users.status })
      .from(users)
      .where(eq(users.id, input.userId))
      .for('update');
    if (user?.status !== 'active')
      throw new AppError('validation', [{ field: 'userId', messageKey: 'err.invalid' }]);
    // The grantee must serve in the office (or below it): roles go to the office's own staff
    // (ข้อ 2.2.1 "ข้าราชการในสังกัด"). An account without a person record is nobody's staff: only
    // OTEPC's data controller appoints such accounts (national and agency accounts, ข้อ 2.2.2).
    if (user.personId) {
      const [p] = await tx
        .select({ id: persons.id })
        .from(persons)
        .innerJoin(offices, eq(offices.id, persons.officeId))
        .where(and(eq(persons.id, user.personId), like(offices.path, `${office.path}%`)));
      if (!p) throw new AppError('validation', [{ field: 'userId', messageKey: 'err.grant.notStaff' }]);
    } else if (!mayGrantWithoutRecord(ctx.actor))
      throw new AppError('validation', [{ field: 'userId', messageKey: 'err.grant.notStaff' }]);
    // Roles the grantee holds in a period overlapping the new one (not revoked).
    const held = await tx
      .select({ role: roleAssignments.role, officeId: roleAssignments.officeId, officePath: offices.path })
      .from(roleAssignments)
      .innerJoin(offices, eq(offices.id, roleAssignments.officeId))
      .where(
        and(
          eq(roleAssignments.userId, input.userId),
          isNull(roleAssignments.revokedAt),
          or(isNull(roleAssignments.endDate), gte(roleAssignments.endDate, input.startDate)),
          input.endDate ? lte(roleAssignments.startDate, input.endDate) : undefined,
        ),
      );
    // The same role in the same office once at a time: a second one would outlive a revocation.
    if (held.some((h) => h.role === input.role && h.officeId === input.officeId))
      throw new AppError('roleHeld', [{ field: 'role', messageKey: 'err.grant.roleHeld' }]);
    // Separation of duties: entering and certifying the same records stay with different people.
    if (dutyConflict(input.role, office.path, held))
      throw new AppError('dutyConflict', [{ field: 'role', messageKey: 'err.grant.dutyConflict' }]);
    if (input.personIds.length) {
      const inOffice = await tx
        .select({ id: persons.id })
        .from(persons)
        .innerJoin(offices, eq(offices.id, persons.officeId))
        .where(and(inArray(persons.id, input.personIds), like(offices.path, `${office.path}%`)));
      if (inOffice.length !== new Set(input.personIds).size)
        throw new AppError('validation', [{ field: 'personIds', messageKey: 'err.invalid' }]);
    }
    const [a] = await tx
      .insert(roleAssignments)
      .values({
        userId: input.userId,
        role: input.role,
        officeId: input.officeId,
        startDate: input.startDate,
        endDate: input.endDate,
        reference: input.reference,
        grantedBy: ctx.actor.userId,
      })
      .returning();
    const personIds = [...new Set(input.personIds)];
    if (personIds.length)
      await tx
        .insert(assignmentPeople)
        .values(personIds.map((personId) => ({ assignmentId: a!.id, personId })));
    const itemKeys = [...new Set(input.itemKeys)];
    if (itemKeys.length)
      await tx.insert(assignmentItems).values(itemKeys.map((itemKey) => ({ assignmentId: a!.id, itemKey })));
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      {
        eventType: 'access.granted',
        entityType: 'role_assignment',
        entityId: a!.id,
        data: {
          userId: input.userId,
          role: input.role,
          officeId: input.officeId,
          personIds,
          itemKeys,
          startDate: input.startDate,
          endDate: input.endDate,
        },
      },
    ]);
    return a!;
  });
}

async function loadAdministered(ctx: AuthedCtx, assignmentId: string) {
  const [a] = await ctx.h.db.select().from(roleAssignments).where(eq(roleAssignments.id, assignmentId));
  const offs = administeredOffices(ctx.actor);
  if (!a || (offs !== null && !offs.includes(a.officeId))) throw new AppError('notFound');
  if (!canGrant(ctx.actor, a.role as Role, a.officeId)) throw new AppError('forbidden');
  return a;
}

/** Revokes an assignment at once (ข้อ 2.2.3): the holder's next request no longer has it. */
export async function revokeRole(ctx: AuthedCtx, assignmentId: string, reason: string) {
  const a = await loadAdministered(ctx, assignmentId);
  if (a.userId === ctx.actor.userId) throw new AppError('selfGrant');
  return ctx.h.db.transaction(async (tx) => {
    const [r] = await tx
      .update(roleAssignments)
      .set({ revokedAt: new Date().toISOString(), revokedBy: ctx.actor.userId, revokeReason: reason })
      .where(and(eq(roleAssignments.id, assignmentId), isNull(roleAssignments.revokedAt)))
      .returning();
    if (!r) throw new AppError('conflict');
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      {
        eventType: 'access.revoked',
        entityType: 'role_assignment',
        entityId: assignmentId,
        data: { reason },
      },
    ]);
    return r;
  });
}

/** Records the yearly review of an assignment (ข้อ 2.2.3: ทบทวนสิทธิทุกรอบปีงบประมาณ). */
export async function reviewRole(ctx: AuthedCtx, assignmentId: string) {
  const a = await loadAdministered(ctx, assignmentId);
  if (a.userId === ctx.actor.userId) throw new AppError('selfGrant');
  return ctx.h.db.transaction(async (tx) => {
    const [r] = await tx
      .update(roleAssignments)
      .set({ lastReviewedAt: sql`now()` })
      .where(eq(roleAssignments.id, assignmentId))
      .returning();
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      { eventType: 'access.reviewed', entityType: 'role_assignment', entityId: assignmentId },
    ]);
    return r!;
  });
}

/** Does the caller administer an office at `path` (OTEPC's data controller: every office)? */
export async function administersPath(ctx: AuthedCtx, path: string | null): Promise<boolean> {
  const offs = administeredOffices(ctx.actor);
  if (offs === null) return true;
  if (offs.length === 0) throw new AppError('forbidden');
  if (!path) return false;
  const paths = await ctx.h.db.select({ path: offices.path }).from(offices).where(inArray(offices.id, offs));
  return paths.some((p) => path.startsWith(p.path));
}

/**
 * The account of a user that the caller administers (OTEPC's data controller: any; an office's
 * access controller: those of people of his offices and below), or null (404: not his to see).
 */
export async function administeredAccount(
  ctx: AuthedCtx,
  userId: string,
): Promise<{ id: string; nationalId: string; personId: string | null } | null> {
  if (administeredOffices(ctx.actor)?.length === 0) throw new AppError('forbidden');
  const [u] = await ctx.h.db
    .select({ id: users.id, nationalId: users.nationalId, personId: users.personId, path: offices.path })
    .from(users)
    .leftJoin(persons, eq(persons.id, users.personId))
    .leftJoin(offices, eq(offices.id, persons.officeId))
    .where(eq(users.id, userId));
  if (!u || !(await administersPath(ctx, u.path))) return null;
  return { id: u.id, nationalId: u.nationalId, personId: u.personId };
}

/**
 * Resets a user's lost second factor (ADR 0113) after the access controller has checked the
 * person's identity card in the office: the authenticator and recovery codes are removed, any
 * lockout lifted and the user's sessions ended; the next sign-in enrols a new authenticator.
 * Scope as for granting: people of the offices the actor administers (OTEPC: anyone). Never
 * oneself — that would let a stolen password replace its owner's phone.
 */
export async function resetSecondFactor(ctx: AuthedCtx, userId: string, reason: string) {
  if (userId === ctx.actor.userId) throw new AppError('selfGrant');
  const u = await administeredAccount(ctx, userId);
  if (!u) throw new AppError('notFound');
  return ctx.h.db.transaction(async (tx) => {
    const r = await removeSecondFactor(tx, u);
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      {
        eventType: 'auth.secondFactor.reset',
        entityType: 'user',
        entityId: u.id,
        personId: u.personId,
        data: { reason, hadTotp: r.hadTotp },
      },
    ]);
    return r;
  });
}
