import { and, eq } from 'drizzle-orm';
import { todayInBangkok } from '../../../../domain/iso-date.ts';
import { statusDueDate, WORKFLOWS } from '../../../../domain/workflow/index.ts';
import { appendAudit } from '../../../platform/audit/index.ts';
import { schema } from '../../../platform/db/index.ts';
import { type AuthedCtx, auditActor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { loadHolidays } from '../../workflows/index.ts';

const { persons, offices, positions, workflowCases, workflowSteps, assignmentPeople } = schema;

export type OpenOnboardingInput = {
  nationalId: string;
  officeId: string;
  positionId: string | null;
  positionTitle: string;
  orderNumber: string;
  orderDate: string;
  /** วันบรรจุ: the date the appointment takes effect (ข้อ 3.2.9). */
  appointmentDate: string;
  /** วันรายงานตัว: the 5-day period of ข้อ 3.2 runs from it. */
  reportDate: string;
};

/**
 * A records officer opens the onboarding case of a new hire from the appointment order
 * (ระเบียบ ก.ค.ศ. คู่มือ ข้อ 3.1): the person is created with only the national ID, office and
 * appointment date — the civil-registry data come later from Digital ID, never retyped — and is
 * added to the officer's assigned people so the officer can check the record (ข้อ 6.1.2).
 */
export async function openOnboarding(ctx: AuthedCtx, input: OpenOnboardingInput) {
  const mine = ctx.actor.assignments.filter((a) => a.role === 'records_officer');
  if (!mine.length) throw new AppError('forbidden');
  return ctx.h.db.transaction(async (tx) => {
    const [office] = await tx.select().from(offices).where(eq(offices.id, input.officeId));
    const assignment = office && mine.find((a) => office.path.startsWith(a.officePath));
    if (!office || !assignment)
      throw new AppError('validation', [{ field: 'officeId', messageKey: 'err.invalid' }]);
    if (input.positionId) {
      const [pos] = await tx
        .select({ id: positions.id, holder: positions.holderPersonId })
        .from(positions)
        .where(and(eq(positions.id, input.positionId), eq(positions.officeId, office.id)));
      if (!pos || pos.holder)
        throw new AppError('validation', [{ field: 'positionId', messageKey: 'err.invalid' }]);
    }
    const [dup] = await tx
      .select({ id: persons.id })
      .from(persons)
      .where(eq(persons.nationalId, input.nationalId));
    if (dup) throw new AppError('duplicate', [{ field: 'nationalId', messageKey: 'err.invalid' }]);
    const [person] = await tx
      .insert(persons)
      .values({
        nationalId: input.nationalId,
        appointmentDate: input.appointmentDate,
        officeId: office.id,
        positionId: input.positionId,
        currentPositionTitle: input.positionTitle,
      })
      .returning({ id: persons.id });
    if (input.positionId)
      await tx
        .update(positions)
        .set({ holderPersonId: person!.id })
        .where(eq(positions.id, input.positionId));
    await tx.insert(assignmentPeople).values({ assignmentId: assignment.id, personId: person!.id });
    const def = WORKFLOWS.onboarding;
    const data = {
      orderNumber: input.orderNumber,
      orderDate: input.orderDate,
      appointmentDate: input.appointmentDate,
      reportDate: input.reportDate,
      positionTitle: input.positionTitle,
      officeId: office.id,
      nationalId: input.nationalId,
    };
    const holidays = await loadHolidays(tx);
    const [row] = await tx
      .insert(workflowCases)
      .values({
        kind: 'onboarding',
        status: def.initial,
        personId: person!.id,
        officeId: office.id,
        filedBy: ctx.actor.userId,
        data,
        stepDueDate: statusDueDate(def.statuses.identity, data, todayInBangkok(), holidays),
      })
      .returning();
    await tx.insert(workflowSteps).values({
      caseId: row!.id,
      seq: 1,
      action: 'open',
      fromStatus: null,
      toStatus: def.initial,
      actorUserId: ctx.actor.userId,
      actorRole: 'records_officer',
      decision: 'open',
      reference: `คำสั่ง ${input.orderNumber} ลงวันที่ ${input.orderDate}`,
    });
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      {
        eventType: 'workflow.onboarding.opened',
        entityType: 'workflow_case',
        entityId: row!.id,
        personId: person!.id,
        data: { orderNumber: input.orderNumber, appointmentDate: input.appointmentDate },
      },
    ]);
    return row!;
  });
}
