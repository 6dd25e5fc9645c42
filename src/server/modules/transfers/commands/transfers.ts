import { eq, sql } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/index.ts';
import { personAccess } from '../../../platform/authz/index.ts';
import { schema, type Tx } from '../../../platform/db/index.ts';
import { type AuthedCtx, auditActor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { findPersonInScope, finishRecordChange } from '../../records/index.ts';
import { requireServiceStep } from './service-state.ts';
import {
  moveAssignedPeople,
  type OrderRef,
  recordingAssignment,
  recordOrderEntry,
  revokeRolesOf,
} from './shared.ts';

const { persons, positions } = schema;

export type MoveInput = OrderRef & { nationalId: string; officeId: string; entry: Record<string, unknown> };

type PersonRow = typeof persons.$inferSelect;

/** The person with this national ID, locked for the rest of the transaction. */
export async function personByNationalIdForUpdate(tx: Tx, nationalId: string): Promise<PersonRow> {
  const [person] = await tx.select().from(persons).where(eq(persons.nationalId, nationalId)).for('update');
  if (!person) throw new AppError('notFound');
  return person;
}

/**
 * บรรจุกลับ (ข้อ 5.4): the records officer of the office that re-appoints records the order; the
 * removed record comes back at that office with its history. Only a removed record (service-status
 * machine); the person's own roles end (ข้อ 2.2.3).
 */
export async function reappoint(ctx: AuthedCtx, input: MoveInput) {
  return ctx.h.db.transaction(async (tx) => {
    const { office, assignment } = await recordingAssignment(tx, ctx, input.officeId);
    const person = await personByNationalIdForUpdate(tx, input.nationalId);
    if (person.id === ctx.actor.personId) throw new AppError('selfApproval');
    await requireServiceStep(tx, person, 'reappoint');
    return applyArrival(
      tx,
      ctx,
      person,
      office.id,
      assignment.id,
      input,
      input.entry,
      'reappoint',
      'บรรจุกลับ',
    );
  });
}

/**
 * The record arrives at `officeId` (a confirmed move ข้อ 5.2.1, a รับโอน ข้อ 5.2.2, a บรรจุกลับ
 * ข้อ 5.4): the order goes into item 15, the record moves with its history, officers assigned the
 * person elsewhere lose them and `assignmentId` (the receiving records officer's) gains them, and
 * the person's own role assignments end (ข้อ 2.2.3). Inside the caller's transaction, the person
 * row locked by the caller.
 */
export async function applyArrival(
  tx: Tx,
  ctx: AuthedCtx,
  person: PersonRow,
  officeId: string,
  assignmentId: string,
  ref: OrderRef,
  entry: Record<string, unknown>,
  mode: 'move' | 'reappoint',
  note: string,
) {
  const r = await recordOrderEntry(
    tx,
    ctx,
    person.id,
    mode === 'move' ? 'move' : 'appointment',
    ref,
    { ...entry, officeId },
    note,
  );
  await tx.update(positions).set({ holderPersonId: null }).where(eq(positions.holderPersonId, person.id));
  await tx
    .update(persons)
    .set({ officeId, positionId: null, status: 'active', version: sql`${persons.version} + 1` })
    .where(eq(persons.id, person.id));
  await finishRecordChange(
    tx,
    ctx,
    person.id,
    'personal',
    mode === 'move' ? 'record.moved' : 'record.reappointed',
    person.id,
    [
      { field: 'officeId', from: person.officeId, to: officeId },
      ...(person.status !== 'active' ? [{ field: 'status', from: person.status, to: 'active' }] : []),
    ],
    { orderId: r.order.id },
  );
  await moveAssignedPeople(tx, person.id, assignmentId);
  const revoked = await revokeRolesOf(
    tx,
    ctx,
    person.id,
    mode === 'move' ? 'ย้ายสังกัด (ข้อ 2.2.3)' : 'บรรจุกลับ (ข้อ 2.2.3)',
  );
  return { personId: person.id, orderId: r.order.id, revokedAssignments: revoked };
}

export type RemovalInput = OrderRef & { reason: string; entry: Record<string, unknown> | null };

/**
 * จำหน่ายออกจากระบบ (ข้อ 5.3) after leaving service or transferring out of the ministry
 * (ข้อ 5.2.3 "ให้โอน"): the old office records the order, the record becomes 'removed' — kept and
 * readable (the data controller and those in scope), no longer editable — and every role the
 * person held ends (ข้อ 2.2.3). Not while a move or transfer within the ministry is open
 * (service-status machine): the record is on its way to another office.
 */
export async function removeFromRegister(ctx: AuthedCtx, personId: string, input: RemovalInput) {
  return ctx.h.db.transaction(async (tx) => {
    const found = await findPersonInScope(tx, ctx.actor, personId);
    if (!found) throw new AppError('notFound');
    const access = await personAccess(tx, ctx.actor, found);
    // Item 15 (service) is what removal writes: not readable → the person is not there for the caller.
    if (!access.read.includes('service')) throw new AppError('notFound');
    if (found.status === 'removed') throw new AppError('removedAlready');
    if (access.isOwner || !access.edit.includes('service')) throw new AppError('forbidden');
    const [person] = await tx.select().from(persons).where(eq(persons.id, found.id)).for('update');
    await requireServiceStep(tx, person!, 'remove');
    const r = await recordOrderEntry(tx, ctx, person!.id, 'leaveService', input, input.entry, input.reason);
    await tx.update(positions).set({ holderPersonId: null }).where(eq(positions.holderPersonId, found.id));
    await tx
      .update(persons)
      .set({ status: 'removed', positionId: null, version: sql`${persons.version} + 1` })
      .where(eq(persons.id, found.id));
    await finishRecordChange(
      tx,
      ctx,
      found.id,
      'personal',
      'record.removed',
      found.id,
      [{ field: 'status', from: 'active', to: 'removed' }],
      { orderId: r.order.id, reason: input.reason },
    );
    const revoked = await revokeRolesOf(tx, ctx, found.id, `ออกจากระบบ: ${input.reason} (ข้อ 2.2.3)`);
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      {
        eventType: 'person.removed',
        entityType: 'person',
        entityId: found.id,
        personId: found.id,
        data: { reason: input.reason, order: citation(input) },
      },
    ]);
    return { personId: found.id, orderId: r.order.id, revokedAssignments: revoked };
  });
}

/** The order's citation as stored with a move and in its audit events. */
export function citation(ref: OrderRef) {
  return {
    number: ref.number,
    orderDate: ref.orderDate,
    issuingAuthority: ref.issuingAuthority,
    documentId: ref.documentId,
  };
}
