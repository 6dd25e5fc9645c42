import { eq, sql } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/index.ts';
import { personAccess } from '../../../platform/authz/index.ts';
import { schema, type Tx } from '../../../platform/db/index.ts';
import { type AuthedCtx, auditActor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { findPersonInScope, finishRecordChange } from '../../records/index.ts';
import {
  moveAssignedPeople,
  type OrderRef,
  recordingAssignment,
  recordOrderEntry,
  revokeRolesOf,
} from './shared.ts';

const { persons, positions } = schema;

export type MoveInput = OrderRef & { nationalId: string; officeId: string; entry: Record<string, unknown> };

/**
 * A move within the ministry (ข้อ 5.2.1) or re-appointment (บรรจุกลับ, ข้อ 5.4): the records
 * officer of the *new* office records the order in item 15; the person is found by national ID
 * (they are not in that officer's scope yet); the record moves with its history, access follows
 * the new office at once, and the person's own role assignments end (ข้อ 2.2.3).
 */
export async function arrive(ctx: AuthedCtx, input: MoveInput, mode: 'move' | 'reappoint') {
  return ctx.h.db.transaction((tx) => arriveTx(tx, ctx, input, mode, mode === 'move' ? 'ย้าย' : 'บรรจุกลับ'));
}

/** arrive() inside the caller's transaction (also used by รับโอน). */
export async function arriveTx(
  tx: Tx,
  ctx: AuthedCtx,
  input: MoveInput,
  mode: 'move' | 'reappoint',
  note: string,
) {
  const { office, assignment } = await recordingAssignment(tx, ctx, input.officeId);
  const [person] = await tx
    .select()
    .from(persons)
    .where(eq(persons.nationalId, input.nationalId))
    .for('update');
  if (!person) throw new AppError('notFound');
  if (mode === 'move' && person.status !== 'active') throw new AppError('notActive');
  if (mode === 'reappoint' && person.status === 'active') throw new AppError('workflowState');
  if (mode === 'move' && person.officeId === office.id)
    throw new AppError('validation', [{ field: 'officeId', messageKey: 'err.invalid' }]);
  if (person.id === ctx.actor.personId) throw new AppError('selfApproval');
  const r = await recordOrderEntry(
    tx,
    ctx,
    person.id,
    mode === 'move' ? 'move' : 'appointment',
    input,
    { ...input.entry, officeId: office.id },
    note,
  );
  await tx.update(positions).set({ holderPersonId: null }).where(eq(positions.holderPersonId, person.id));
  await tx
    .update(persons)
    .set({ officeId: office.id, positionId: null, status: 'active', version: sql`${persons.version} + 1` })
    .where(eq(persons.id, person.id));
  await finishRecordChange(
    tx,
    ctx,
    person.id,
    'personal',
    mode === 'move' ? 'record.moved' : 'record.reappointed',
    person.id,
    [
      { field: 'officeId', from: person.officeId, to: office.id },
      ...(person.status !== 'active' ? [{ field: 'status', from: person.status, to: 'active' }] : []),
    ],
    { orderId: r.order.id },
  );
  await moveAssignedPeople(tx, person.id, assignment.id);
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
 * person held ends (ข้อ 2.2.3).
 */
export async function removeFromRegister(ctx: AuthedCtx, personId: string, input: RemovalInput) {
  return ctx.h.db.transaction(async (tx) => {
    const person = await findPersonInScope(tx, ctx.actor, personId);
    if (!person) throw new AppError('notFound');
    const access = await personAccess(tx, ctx.actor, person);
    if (person.status !== 'active') throw new AppError('notActive');
    if (access.isOwner || !access.edit.includes('service')) throw new AppError('forbidden');
    const r = await recordOrderEntry(tx, ctx, person.id, 'leaveService', input, input.entry, input.reason);
    await tx.update(positions).set({ holderPersonId: null }).where(eq(positions.holderPersonId, person.id));
    await tx
      .update(persons)
      .set({ status: 'removed', positionId: null, version: sql`${persons.version} + 1` })
      .where(eq(persons.id, person.id));
    await finishRecordChange(
      tx,
      ctx,
      person.id,
      'personal',
      'record.removed',
      person.id,
      [{ field: 'status', from: 'active', to: 'removed' }],
      { orderId: r.order.id, reason: input.reason },
    );
    const revoked = await revokeRolesOf(tx, ctx, person.id, `ออกจากระบบ: ${input.reason} (ข้อ 2.2.3)`);
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      {
        eventType: 'person.removed',
        entityType: 'person',
        entityId: person.id,
        personId: person.id,
        data: { reason: input.reason },
      },
    ]);
    return { personId: person.id, orderId: r.order.id, revokedAssignments: revoked };
  });
}
