import { and, eq, sql } from 'drizzle-orm';
import type { ListItemKey } from '../../../../domain/record/items.ts';
import type { AuthedCtx } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { fromRow, ITEM_TABLES, toRow } from '../item-tables.ts';
import { diff, finishRecordChange, loadForEdit } from './shared.ts';
import { validateAgainstData } from './validate-entry.ts';

/**
 * Edits one entry if it is still at `version` (optimistic concurrency): a stale version means
 * someone else changed it first → 409, and nothing is written.
 */
export async function editEntry(
  ctx: AuthedCtx,
  personId: string,
  item: ListItemKey,
  entryId: string,
  version: number,
  data: Record<string, unknown>,
) {
  return ctx.h.db.transaction(async (tx) => {
    await loadForEdit(tx, ctx, personId, item);
    const table = ITEM_TABLES[item];
    const [before] = await tx
      .select()
      .from(table)
      .where(and(eq(table.id, entryId), eq(table.personId, personId)));
    if (!before) throw new AppError('notFound');
    if (before.version !== version) throw new AppError('conflict');
    await validateAgainstData(tx, personId, item, data, entryId);
    const [row] = await tx
      .update(table)
      .set({
        ...toRow(item, data),
        version: sql`${table.version} + 1`,
        updatedAt: new Date().toISOString(),
      } as never)
      .where(and(eq(table.id, entryId), eq(table.version, version)))
      .returning();
    if (!row) throw new AppError('conflict');
    const entry = fromRow(item, row as Record<string, unknown>);
    const changes = diff(item, fromRow(item, before as Record<string, unknown>), entry);
    const recordVersion = await finishRecordChange(
      tx,
      ctx,
      personId,
      item,
      'record.entry.edited',
      entryId,
      changes,
    );
    return { entry, recordVersion };
  });
}
