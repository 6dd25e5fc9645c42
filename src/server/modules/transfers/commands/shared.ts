import { and, eq, inArray, isNull, notInArray } from 'drizzle-orm';
import { addBusinessDays } from '../../../../domain/business-days.ts';
import { todayInBangkok } from '../../../../domain/iso-date.ts';
import { LIST_ITEMS } from '../../../../domain/record/items.ts';
import { formatThaiDate } from '../../../../domain/thai-date.ts';
import { ORDER_RECORD_BUSINESS_DAYS, type OrderKind } from '../../../../domain/workflow/index.ts';
import { appendAudit } from '../../../platform/audit/index.ts';
import { schema, type Tx } from '../../../platform/db/index.ts';
import { type AuthedCtx, auditActor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { finishRecordChange, fromRow, toRow } from '../../records/index.ts';
import { loadHolidays } from '../../workflows/index.ts';

const { orders, personService, roleAssignments, users, assignmentPeople, offices } = schema;

/** An order's citation (ข้อ 5.2): its number, date, issuing authority and scanned copy. */
export type OrderRef = {
  number: string;
  orderDate: string;
  issuingAuthority: string | null;
  documentId: string | null;
};

/** The caller's records-officer assignment that covers `officeId` (the office that records, ข้อ 5.2). */
export async function recordingAssignment(tx: Tx, ctx: AuthedCtx, officeId: string) {
  const [office] = await tx.select().from(offices).where(eq(offices.id, officeId));
  const a =
    office &&
    ctx.actor.assignments.find((x) => x.role === 'records_officer' && office.path.startsWith(x.officePath));
  if (!office) throw new AppError('validation', [{ field: 'officeId', messageKey: 'err.invalid' }]);
  if (!a) throw new AppError('forbidden');
  return { office, assignment: a };
}

/** The item-15 entry of an order, validated (ZodError → 400 naming the field). */
export function serviceEntryFor(ref: OrderRef, entry: Record<string, unknown>, note: string) {
  return LIST_ITEMS.service.schema.parse({
    ...entry,
    referenceDocument: `คำสั่ง${ref.issuingAuthority ? ` ${ref.issuingAuthority}` : ''} ${ref.number} ลงวันที่ ${formatThaiDate(ref.orderDate)}`,
    note,
  }) as Record<string, unknown>;
}

/** Records the order and its item-15 entry (as the orders module does), inside the caller's tx. */
export async function recordOrderEntry(
  tx: Tx,
  ctx: AuthedCtx,
  personId: string,
  kind: OrderKind,
  ref: OrderRef,
  entry: Record<string, unknown> | null,
  note: string,
) {
  const today = todayInBangkok();
  const dueDate = addBusinessDays(ref.orderDate, ORDER_RECORD_BUSINESS_DAYS, await loadHolidays(tx));
  const [order] = await tx
    .insert(orders)
    .values({
      personId,
      kind,
      number: ref.number,
      orderDate: ref.orderDate,
      documentId: ref.documentId,
      dueDate,
      recordedOn: today,
      late: today > dueDate,
      recordedBy: ctx.actor.userId,
    })
    .returning();
  if (!entry) return { order: order!, entry: null };
  const data = serviceEntryFor(ref, entry, note);
  const [row] = await tx
    .insert(personService)
    .values({ ...toRow('service', data), personId, orderId: order!.id } as never)
    .returning();
  const e = fromRow('service', row as Record<string, unknown>);
  await finishRecordChange(
    tx,
    ctx,
    personId,
    'service',
    'record.entry.added',
    e.id as string,
    [{ field: 'positionTitle', from: null, to: String(data.positionTitle) }],
    { orderId: order!.id },
  );
  return { order: order!, entry: e };
}

/**
 * Access follows position (ระเบียบ ก.ค.ศ. คู่มือ ข้อ 2.2.3): when a person's office or position
 * changes or they leave service, every role assignment they hold ends in the same transaction.
 * Sessions reload assignments on every request, so the rights are gone at the next request.
 */
export async function revokeRolesOf(
  tx: Tx,
  ctx: AuthedCtx,
  personId: string,
  reason: string,
): Promise<number> {
  const held = await tx
    .select({ id: roleAssignments.id, role: roleAssignments.role })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(users.personId, personId), isNull(roleAssignments.revokedAt)));
  if (!held.length) return 0;
  await tx
    .update(roleAssignments)
    .set({ revokedAt: new Date().toISOString(), revokedBy: ctx.actor.userId, revokeReason: reason })
    .where(
      inArray(
        roleAssignments.id,
        held.map((h) => h.id),
      ),
    );
  await appendAudit(tx, auditActor(ctx), ctx.meta, [
    {
      eventType: 'access.assignments.revoked',
      entityType: 'person',
      entityId: personId,
      personId,
      data: { reason, assignments: held },
    },
  ]);
  return held.length;
}

/**
 * The record moves with its history to the new office: officers assigned the person elsewhere
 * lose them at once, the recording officer's assignment gains them (ข้อ 6.1.2).
 */
export async function moveAssignedPeople(tx: Tx, personId: string, keepAssignmentId: string) {
  await tx
    .delete(assignmentPeople)
    .where(
      and(
        eq(assignmentPeople.personId, personId),
        notInArray(assignmentPeople.assignmentId, [keepAssignmentId]),
      ),
    );
  await tx
    .insert(assignmentPeople)
    .values({ assignmentId: keepAssignmentId, personId })
    .onConflictDoNothing();
}
