import { and, eq, sql } from 'drizzle-orm';
import { LIST_ITEMS, type ListItemKey } from '../../../../domain/record/items.ts';
import { mayWriteField } from '../../../../domain/record/protected-fields.ts';
import type { RequestedChange } from '../../../../domain/workflow/index.ts';
import type { FieldChange } from '../../../platform/audit/index.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { schema } from '../../../platform/db/index.ts';
import type { AuthedCtx } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { finishRecordChange, fromRow, ITEM_TABLES, toRow } from '../../records/index.ts';

const { persons } = schema;

function str(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * Applies an approved request to the record inside the approving step's transaction. Each change
 * goes through the records module's finishRecordChange, so the record version is bumped and the
 * audit event item 27 reads is written — with the request id in its data (ข้อ 4.4.13).
 */
export async function applyChanges(
  tx: Tx,
  ctx: AuthedCtx,
  personId: string,
  theCase: { id: string; kind: string },
  changes: RequestedChange[],
): Promise<void> {
  const link = { caseId: theCase.id };
  for (const c of changes) {
    if (c.item === 'personal' && 'field' in c) {
      // ข้อ 4.2.1/4.2.2: a date of birth is written only by an approved birth-date correction, an
      // appointment date only by an approved appointment-date one (routeCorrection files them so;
      // this holds whatever a case's data says).
      if (!mayWriteField(c.field, { via: 'correction', workflow: theCase.kind }))
        throw new AppError('correctionRequired', [
          { field: c.field, messageKey: `err.protected.${c.field}` },
        ]);
      const [p] = await tx.select().from(persons).where(eq(persons.id, personId)).for('update');
      if (!p) throw new AppError('notFound');
      // The database's guard (migration 0019) lets the date through for this open case only.
      await tx.execute(sql`select set_config('khru.correction_case', ${theCase.id}, true)`);
      const from = str(p[c.field]);
      await tx
        .update(persons)
        .set({ [c.field]: c.to, version: sql`${persons.version} + 1` })
        .where(eq(persons.id, personId));
      await finishRecordChange(
        tx,
        ctx,
        personId,
        'personal',
        'record.personal.corrected',
        personId,
        [{ field: c.field, from, to: c.to }],
        link,
      );
      continue;
    }
    if (!('data' in c)) continue;
    const item = c.item as ListItemKey;
    const table = ITEM_TABLES[item];
    const data = LIST_ITEMS[item].schema.parse(c.data) as Record<string, unknown>;
    if (c.entryId) {
      const [before] = await tx
        .select()
        .from(table)
        .where(and(eq(table.id, c.entryId), eq(table.personId, personId)));
      // The entry was removed after the request was filed: nothing to correct any more.
      if (!before) throw new AppError('conflict');
      const old = fromRow(item, before as Record<string, unknown>);
      const [row] = await tx
        .update(table)
        .set({
          ...toRow(item, data),
          version: sql`${table.version} + 1`,
          updatedAt: new Date().toISOString(),
        } as never)
        .where(eq(table.id, c.entryId))
        .returning();
      const now = fromRow(item, row as Record<string, unknown>);
      const changed: FieldChange[] = Object.keys(data)
        .filter((f) => str(old[f]) !== str(now[f]))
        .map((f) => ({ field: f, from: str(old[f]), to: str(now[f]) }));
      await finishRecordChange(tx, ctx, personId, item, 'record.entry.corrected', c.entryId, changed, link);
    } else {
      const [row] = await tx
        .insert(table)
        .values({ ...toRow(item, data), personId } as never)
        .returning();
      const now = fromRow(item, row as Record<string, unknown>);
      const added: FieldChange[] = Object.keys(data)
        .filter((f) => now[f] !== null && now[f] !== undefined)
        .map((f) => ({ field: f, from: null, to: str(now[f]) }));
      await finishRecordChange(tx, ctx, personId, item, 'record.entry.added', now.id as string, added, link);
    }
  }
}
