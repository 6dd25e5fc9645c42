import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { addBusinessDays } from '../../../../domain/business-days.ts';
import { todayInBangkok } from '../../../../domain/iso-date.ts';
import { LIST_ITEMS } from '../../../../domain/record/items.ts';
import { formatThaiDate } from '../../../../domain/thai-date.ts';
import {
  ORDER_KINDS,
  ORDER_RECORD_BUSINESS_DAYS,
  type OrderKind,
  POSITION_CHANGING_ORDERS,
} from '../../../../domain/workflow/index.ts';
import { appendAudit } from '../../../platform/audit/index.ts';
import { personAccess } from '../../../platform/authz/index.ts';
import { schema, type Tx } from '../../../platform/db/index.ts';
import { type AuthedCtx, auditActor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { findPersonInScope, finishRecordChange, fromRow, toRow } from '../../records/index.ts';
import { revokeRolesOf } from '../../transfers/index.ts';
import { loadHolidays } from '../../workflows/index.ts';

const { orders, personService } = schema;

export type RecordOrderInput = {
  kind: OrderKind;
  number: string;
  orderDate: string;
  documentId: string | null;
  /** The order being corrected or cancelled (kinds 12 and 13). */
  amendsOrderId: string | null;
  /** The item-15 entry the order produces (kinds other than 13). */
  entry: Record<string, unknown> | null;
};

async function addServiceEntry(
  tx: Tx,
  ctx: AuthedCtx,
  personId: string,
  orderId: string,
  data: Record<string, unknown>,
) {
  const [row] = await tx
    .insert(personService)
    .values({ ...toRow('service', data), personId, orderId } as never)
    .returning();
  const e = fromRow('service', row as Record<string, unknown>);
  await finishRecordChange(
    tx,
    ctx,
    personId,
    'service',
    'record.entry.added',
    e.id as string,
    Object.entries(data)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([field, v]) => ({ field, from: null, to: String(v) })),
    { orderId },
  );
  return e;
}

/** Appends a marker to the notes of an amended order's entries (history stays, visibly superseded). */
async function markEntries(
  tx: Tx,
  ctx: AuthedCtx,
  personId: string,
  amendedId: string,
  marker: string,
  orderId: string,
) {
  const rows = await tx.select().from(personService).where(eq(personService.orderId, amendedId));
  for (const r of rows) {
    const note = r.note ? `${r.note} ${marker}` : marker;
    await tx
      .update(personService)
      .set({ note, version: sql`${personService.version} + 1`, updatedAt: new Date().toISOString() })
      .where(eq(personService.id, r.id));
    await finishRecordChange(
      tx,
      ctx,
      personId,
      'service',
      'record.entry.superseded',
      r.id,
      [{ field: 'note', from: r.note, to: note }],
      { orderId, amendedOrderId: amendedId },
    );
  }
  return rows;
}

/**
 * Records an order (ข้อ 4.4.1) and its item-15 entries in one transaction: due 5 business days
 * after the order date and flagged late after that (ข้อ 4.4). A correction (kind 12) adds the
 * corrected entry and marks the old order's entries; a cancellation (kind 13) marks them and adds a
 * reversal entry restoring the position and pay in force before the cancelled order. Nothing is
 * deleted.
 */
export async function recordOrder(ctx: AuthedCtx, personId: string, input: RecordOrderInput) {
  const def = ORDER_KINDS[input.kind];
  const amends = 'amends' in def ? def.amends : null;
  if (amends && !input.amendsOrderId)
    throw new AppError('validation', [{ field: 'amendsOrderId', messageKey: 'err.required' }]);
  if (input.kind !== 'cancellation' && !input.entry)
    throw new AppError('validation', [{ field: 'entry', messageKey: 'err.required' }]);
  return ctx.h.db.transaction(async (tx) => {
    const person = await findPersonInScope(tx, ctx.actor, personId);
    if (!person) throw new AppError('notFound');
    const access = await personAccess(tx, ctx.actor, person);
    if (!access.read.includes('service')) throw new AppError('notFound');
    if (person.status !== 'active' && input.kind !== 'cancellation') throw new AppError('notActive');
    // Only those who record the register (records officer, clerk with item 15) — not the owner.
    if (!access.edit.includes('service') || access.isOwner) throw new AppError('forbidden');
    let amended: typeof orders.$inferSelect | undefined;
    if (input.amendsOrderId) {
      [amended] = await tx
        .select()
        .from(orders)
        .where(and(eq(orders.id, input.amendsOrderId), eq(orders.personId, personId)));
      // A cancellation cannot itself be corrected or cancelled; record a new order instead.
      if (amended?.status !== 'active' || amended.kind === 'cancellation')
        throw new AppError('validation', [{ field: 'amendsOrderId', messageKey: 'err.invalid' }]);
    }
    const entry = input.entry
      ? (LIST_ITEMS.service.schema.parse({
          ...input.entry,
          // The entry's reference is the order it comes from.
          referenceDocument: `คำสั่ง ${input.number} ลงวันที่ ${formatThaiDate(input.orderDate)}`,
        }) as Record<string, unknown>)
      : null;
    const today = todayInBangkok();
    const dueDate = addBusinessDays(input.orderDate, ORDER_RECORD_BUSINESS_DAYS, await loadHolidays(tx));
    const [order] = await tx
      .insert(orders)
      .values({
        personId,
        kind: input.kind,
        number: input.number,
        orderDate: input.orderDate,
        documentId: input.documentId,
        amendsOrderId: input.amendsOrderId,
        dueDate,
        recordedOn: today,
        late: today > dueDate,
        recordedBy: ctx.actor.userId,
      })
      .returning();
    const ref = `คำสั่ง ${input.number}`;
    const produced: Record<string, unknown>[] = [];
    if (amended && amends) {
      const marker = amends === 'corrected' ? `[แก้ไขโดย${ref}]` : `[ยกเลิกโดย${ref}]`;
      const old = await markEntries(tx, ctx, personId, amended.id, marker, order!.id);
      await tx.update(orders).set({ status: amends }).where(eq(orders.id, amended.id));
      if (amends === 'cancelled' && old.length) {
        // Reversal: the position and pay in force before the cancelled order come back.
        const first = old.reduce((a, b) => (a.effectiveDate <= b.effectiveDate ? a : b));
        const [before] = await tx
          .select()
          .from(personService)
          .where(
            and(eq(personService.personId, personId), lt(personService.effectiveDate, first.effectiveDate)),
          )
          .orderBy(desc(personService.effectiveDate), desc(personService.createdAt))
          .limit(1);
        if (before) {
          const prev = fromRow('service', before as Record<string, unknown>);
          const { id: _i, version: _v, ...data } = prev;
          produced.push(
            await addServiceEntry(tx, ctx, personId, order!.id, {
              ...(LIST_ITEMS.service.schema.parse({
                ...data,
                effectiveDate: first.effectiveDate,
                referenceDocument: `${ref} ลงวันที่ ${formatThaiDate(input.orderDate)}`,
                note: `ยกเลิกคำสั่ง ${amended.number} กลับสู่ตำแหน่ง/เงินเดือนเดิม`,
              }) as Record<string, unknown>),
            }),
          );
        }
      }
    }
    if (entry) produced.push(await addServiceEntry(tx, ctx, personId, order!.id, entry));
    // Access follows position (ข้อ 2.2.3): a new position, office or duty ends the roles held.
    const revokedAssignments = POSITION_CHANGING_ORDERS.includes(input.kind)
      ? await revokeRolesOf(tx, ctx, personId, `${def.th} ตามคำสั่ง ${input.number} (ข้อ 2.2.3)`)
      : 0;
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      {
        eventType: 'order.recorded',
        entityType: 'order',
        entityId: order!.id,
        personId,
        data: {
          kind: input.kind,
          number: input.number,
          amends: input.amendsOrderId,
          late: order!.late,
          dueDate,
        },
      },
    ]);
    return { order: order!, entries: produced, revokedAssignments };
  });
}
