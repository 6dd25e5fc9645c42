import { and, eq, isNull } from 'drizzle-orm';
import { todayInBangkok } from '../../../../domain/iso-date.ts';
import { isValidNationalId } from '../../../../domain/national-id.ts';
import { PREFIXES } from '../../../../domain/record/enums.ts';
import { statusDueDate, WORKFLOWS } from '../../../../domain/workflow/index.ts';
import { appendAudit } from '../../../platform/audit/index.ts';
import type { Actor } from '../../../platform/authz/index.ts';
import { schema } from '../../../platform/db/index.ts';
import type { AuthedCtx, Ctx } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { finishRecordChange, formatDisplayName } from '../../records/index.ts';
import { loadHolidays } from '../../workflows/index.ts';
import type { CivilClaims } from '../dev-citizens.ts';

const { persons, users, personNames, workflowCases, workflowSteps } = schema;

/**
 * After a Digital ID login (ข้อ 3.2): the civil-registry data in the claims — national ID, name,
 * date of birth — fill the new hire's record without retyping, a user account is created for the
 * owner, and the onboarding case moves to the owner's own entry. A returning user with an account
 * simply signs in. Returns the user id to open a session for.
 */
export async function completeIdentity(ctx: Ctx, claims: CivilClaims): Promise<string> {
  const pid = String(claims.pid ?? '');
  if (!isValidNationalId(pid)) throw new AppError('badCredentials');
  return ctx.h.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(users).where(eq(users.nationalId, pid));
    const [open] = await tx
      .select({ c: workflowCases })
      .from(workflowCases)
      .innerJoin(persons, eq(persons.id, workflowCases.personId))
      .where(
        and(
          eq(persons.nationalId, pid),
          eq(workflowCases.kind, 'onboarding'),
          eq(workflowCases.status, 'identity'),
          isNull(workflowCases.closedAt),
        ),
      );
    if (!open) {
      if (existing?.status === 'active') return existing.id;
      // A real citizen (the provider vouched for the ID) with no record and no case: the office
      // opens onboarding first (ข้อ 3.1). The callback turns this into a page saying so.
      throw new AppError('digitalIdNoRecord');
    }
    const c = open.c;
    const prefix = (PREFIXES as readonly string[]).includes(claims.title) ? claims.title : null;
    if (
      !prefix ||
      !claims.given_name ||
      !claims.family_name ||
      !/^\d{4}-\d{2}-\d{2}$/.test(claims.birthdate ?? '')
    )
      throw new AppError('badCredentials');
    const name = {
      prefix,
      rankTitle: null,
      firstName: claims.given_name,
      middleName: null,
      lastName: claims.family_name,
    };
    const displayName = formatDisplayName(name);
    const [user] = existing
      ? await tx
          .update(users)
          .set({ personId: c.personId, displayName })
          .where(eq(users.id, existing.id))
          .returning()
      : await tx.insert(users).values({ nationalId: pid, personId: c.personId, displayName }).returning();
    const actor: Actor = {
      userId: user!.id,
      personId: c.personId,
      nationalId: pid,
      displayName,
      sessionId: '',
      authTime: new Date().toISOString(),
      authMethod: 'oidc',
      assignments: [],
    };
    const actx: AuthedCtx = { ...ctx, actor, meta: { ...ctx.meta, authMethod: 'oidc' } };
    const data = c.data as Record<string, string>;
    await tx.update(persons).set({ birthDate: claims.birthdate }).where(eq(persons.id, c.personId));
    const [n] = await tx
      .insert(personNames)
      .values({
        ...name,
        personId: c.personId,
        effectiveDate: data.appointmentDate!,
        reference: 'Digital ID (ทะเบียนราษฎร)',
      })
      .returning({ id: personNames.id });
    const source = { source: 'digital-id', ial: claims.ial, caseId: c.id };
    await finishRecordChange(
      tx,
      actx,
      c.personId,
      'personal',
      'record.personal.identified',
      c.personId,
      [{ field: 'birthDate', from: null, to: claims.birthdate }],
      source,
    );
    await finishRecordChange(
      tx,
      actx,
      c.personId,
      'names',
      'record.entry.added',
      n!.id,
      [
        { field: 'prefix', from: null, to: prefix },
        { field: 'firstName', from: null, to: claims.given_name },
        { field: 'lastName', from: null, to: claims.family_name },
      ],
      source,
    );
    const def = WORKFLOWS.onboarding;
    const today = todayInBangkok();
    const due = statusDueDate(def.statuses.owner_entry, data, today, await loadHolidays(tx));
    const now = new Date().toISOString();
    await tx.insert(workflowSteps).values({
      caseId: c.id,
      seq: 2,
      action: 'identify',
      fromStatus: 'identity',
      toStatus: 'owner_entry',
      actorUserId: user!.id,
      actorRole: 'owner',
      decision: 'identify',
      reference: `Digital ID IAL ${claims.ial ?? '-'}`,
      dueDate: c.stepDueDate,
      late: !!c.stepDueDate && today > c.stepDueDate,
    });
    await tx
      .update(workflowCases)
      .set({ status: 'owner_entry', statusSince: now, stepDueDate: due, version: c.version + 1 })
      .where(eq(workflowCases.id, c.id));
    await appendAudit(tx, { userId: user!.id, name: displayName, roles: ['owner'] }, actx.meta, [
      {
        eventType: 'workflow.onboarding.identified',
        entityType: 'workflow_case',
        entityId: c.id,
        personId: c.personId,
        data: { ial: claims.ial ?? null, userCreated: !existing },
      },
    ]);
    return user!.id;
  });
}
