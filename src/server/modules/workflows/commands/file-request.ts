import { and, eq } from 'drizzle-orm';
import { todayInBangkok } from '../../../../domain/iso-date.ts';
import { LIST_ITEMS, type ListItemKey, personalData } from '../../../../domain/record/items.ts';
import { type RequestedChange, routeCorrection, WORKFLOWS } from '../../../../domain/workflow/index.ts';
import { appendAudit } from '../../../platform/audit/index.ts';
import { schema } from '../../../platform/db/index.ts';
import { type AuthedCtx, auditActor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { findPersonInScope, ITEM_TABLES } from '../../records/index.ts';

const { workflowCases, workflowSteps } = schema;

export type FileRequestInput = {
  changes: RequestedChange[];
  /** Evidence already in the document store (ข้อ 4.1 "พร้อมแนบเอกสารหลักฐาน"). */
  documentIds: string[];
  note: string | null;
};

/**
 * The owner files a correction or addition request (ระเบียบ ก.ค.ศ. คู่มือ ข้อ 4.1). Nothing in
 * the record changes now; the request is routed by what it changes (routeCorrection) and the
 * record changes only when the last authority applies it.
 */
export async function fileRequest(ctx: AuthedCtx, personId: string, input: FileRequestInput) {
  // Scope and role first: outside the caller's scope the person does not exist (404), whatever the body.
  const visible = await findPersonInScope(ctx.h.db, ctx.actor, personId);
  if (!visible) throw new AppError('notFound');
  // Only the owner files (ข้อ 4.1); officers record orders through their own workflows.
  if (ctx.actor.personId !== personId) throw new AppError('forbidden');
  const kind = routeCorrection(input.changes);
  if (kind === 'empty') throw new AppError('validation', [{ field: 'changes', messageKey: 'err.required' }]);
  if (kind === 'mixedAuthority')
    throw new AppError('validation', [{ field: 'changes', messageKey: 'err.mixedAuthority' }]);
  // Validate each change now, with the record's own rules, so an approver never approves junk.
  const normalised: RequestedChange[] = input.changes.map((c, i) => {
    if (c.item === 'personal') {
      if (!('field' in c) || !(c.field in personalData.shape))
        throw new AppError('validation', [{ field: `changes.${i}.field`, messageKey: 'err.invalid' }]);
      const r = personalData.shape[c.field].safeParse(c.to);
      if (!r.success)
        throw new AppError('validation', [{ field: `changes.${i}.to`, messageKey: 'err.invalid' }]);
      return { item: 'personal', field: c.field, to: (r.data as string | null) ?? null };
    }
    if (!(c.item in LIST_ITEMS) || !('data' in c))
      throw new AppError('validation', [{ field: `changes.${i}.item`, messageKey: 'err.invalid' }]);
    const r = LIST_ITEMS[c.item as ListItemKey].schema.safeParse(c.data);
    if (!r.success)
      throw new AppError('validation', [{ field: `changes.${i}.data`, messageKey: 'err.invalid' }]);
    return { item: c.item, ...(c.entryId ? { entryId: c.entryId } : {}), data: c.data };
  });
  return ctx.h.db.transaction(async (tx) => {
    const person = await findPersonInScope(tx, ctx.actor, personId);
    if (!person) throw new AppError('notFound');
    if (person.status !== 'active') throw new AppError('notActive');
    for (const [i, c] of normalised.entries()) {
      if (!('entryId' in c) || !c.entryId) continue;
      const t = ITEM_TABLES[c.item as ListItemKey];
      const [e] = await tx
        .select({ id: t.id })
        .from(t)
        .where(and(eq(t.id, c.entryId), eq(t.personId, personId)));
      if (!e)
        throw new AppError('validation', [{ field: `changes.${i}.entryId`, messageKey: 'err.invalid' }]);
    }
    const def = WORKFLOWS[kind];
    const [row] = await tx
      .insert(workflowCases)
      .values({
        kind,
        status: def.initial,
        personId,
        officeId: person.officeId,
        filedBy: ctx.actor.userId,
        data: {
          changes: normalised,
          documentIds: input.documentIds,
          note: input.note,
          filedOn: todayInBangkok(),
        },
      })
      .returning();
    await tx.insert(workflowSteps).values({
      caseId: row!.id,
      seq: 1,
      action: 'submit',
      fromStatus: null,
      toStatus: def.initial,
      actorUserId: ctx.actor.userId,
      actorRole: 'owner',
      decision: 'submit',
    });
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      {
        eventType: 'workflow.case.filed',
        entityType: 'workflow_case',
        entityId: row!.id,
        personId,
        data: { kind, documentIds: input.documentIds, changes: normalised.length },
      },
    ]);
    return row!;
  });
}
