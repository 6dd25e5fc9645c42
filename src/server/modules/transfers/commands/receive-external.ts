import { eq } from 'drizzle-orm';
import { LIST_ITEMS } from '../../../../domain/record/items.ts';
import { REFERENCE_MODE_BEFORE } from '../../../../domain/workflow/index.ts';
import { appendAudit } from '../../../platform/audit/index.ts';
import { schema } from '../../../platform/db/index.ts';
import { type AuthedCtx, auditActor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { finishRecordChange, formatDisplayName, toRow } from '../../records/index.ts';
import { type OrderRef, recordingAssignment, recordOrderEntry } from './shared.ts';
import { citation } from './transfers.ts';

const { persons, personNames, personService, assignmentPeople } = schema;

export type ReceiveExternalInput = OrderRef & {
  nationalId: string;
  officeId: string;
  name: { prefix: string; firstName: string; lastName: string };
  birthDate: string;
  appointmentDate: string;
  /** Scans of the old ก.พ.๗ and evidence, already in the document store. */
  scanDocumentIds: string[];
  /** Service history transcribed from the old record. */
  history: Record<string, unknown>[];
  /** The รับโอน entry of this office's order. */
  entry: Record<string, unknown>;
};

/**
 * รับโอน from another service (ข้อ 5.2.4): a local-government employee, civil servant, soldier or
 * police officer becomes a teacher. The receiving office builds the ก.ค.ศ.๑๖ from the old ก.พ.๗
 * scans; history before 1 Apr 2565 is kept in "reference" mode (ข้อ 5.1), later history as
 * current data; then this office's transfer-in order.
 */
export async function receiveExternal(ctx: AuthedCtx, input: ReceiveExternalInput) {
  const name = LIST_ITEMS.names.schema.parse({ ...input.name, effectiveDate: input.appointmentDate });
  const history = input.history.map((h, i) => {
    const effective = String(h.effectiveDate ?? '');
    const r = LIST_ITEMS.service.schema.safeParse({
      ...h,
      mode: effective < REFERENCE_MODE_BEFORE ? 'reference' : 'current',
    });
    if (!r.success) throw new AppError('validation', [{ field: `history.${i}`, messageKey: 'err.invalid' }]);
    return r.data as Record<string, unknown>;
  });
  return ctx.h.db.transaction(async (tx) => {
    const { office, assignment } = await recordingAssignment(tx, ctx, input.officeId);
    const [dup] = await tx
      .select({ id: persons.id })
      .from(persons)
      .where(eq(persons.nationalId, input.nationalId));
    // Someone already in the register comes back by re-appointment (ข้อ 5.4), not by this route.
    if (dup) throw new AppError('duplicate', [{ field: 'nationalId', messageKey: 'err.invalid' }]);
    const [p] = await tx
      .insert(persons)
      .values({
        nationalId: input.nationalId,
        birthDate: input.birthDate,
        appointmentDate: input.appointmentDate,
        officeId: office.id,
        displayName: formatDisplayName({ ...name, rankTitle: null, middleName: null }),
        searchName: `${name.firstName} ${name.lastName}`,
      })
      .returning({ id: persons.id });
    const personId = p!.id;
    await tx.insert(assignmentPeople).values({ assignmentId: assignment.id, personId });
    await tx.insert(personNames).values({ ...toRow('names', name), personId } as never);
    if (history.length)
      await tx
        .insert(personService)
        .values(history.map((h) => ({ ...toRow('service', h), personId })) as never);
    await finishRecordChange(tx, ctx, personId, 'service', 'record.built.from-kp7', personId, [], {
      scanDocumentIds: input.scanDocumentIds,
      historyEntries: history.length,
      referenceEntries: history.filter((h) => h.mode === 'reference').length,
    });
    const r = await recordOrderEntry(
      tx,
      ctx,
      personId,
      'move',
      input,
      { ...input.entry, officeId: office.id },
      'รับโอนจากส่วนราชการอื่น',
    );
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      {
        eventType: 'transfer.external.received',
        entityType: 'person',
        entityId: personId,
        personId,
        data: { orderId: r.order.id, scanDocumentIds: input.scanDocumentIds, order: citation(input) },
      },
    ]);
    return { personId, orderId: r.order.id, revokedAssignments: 0 };
  });
}
