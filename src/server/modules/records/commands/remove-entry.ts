import { and, eq } from 'drizzle-orm';
import type { ListItemKey } from '../../../../domain/record/items.ts';
import type { AuthedCtx } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { fromRow, ITEM_TABLES } from '../item-tables.ts';
import { diff, finishRecordChange, loadForEdit } from './shared.ts';

/**
 * Removes one entry (at `version`). The removed values stay in the audit trail and item 27, so
 * nothing is lost. A person keeps at least one name; a penalty with later changes stays.
 */
export async function removeEntry(
  ctx: AuthedCtx,
  personId: string,
  item: ListItemKey,
  entryId: string,
  version: number,
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
    if (item === 'names') {
      const names = await tx.select({ id: table.id }).from(table).where(eq(table.personId, personId));
      if (names.length <= 1)
        throw new AppError('validation', [{ field: 'firstName', messageKey: 'err.required' }]);
    }
    if (item === 'discipline') {
      const t = ITEM_TABLES.discipline;
      const [child] = await tx.select({ id: t.id }).from(t).where(eq(t.amendsId, entryId));
      if (child) throw new AppError('validation', [{ field: 'amendsId', messageKey: 'err.invalid' }]);
    }
    const deleted = await tx
      .delete(table)
      .where(and(eq(table.id, entryId), eq(table.version, version)))
      .returning({ id: table.id });
    if (deleted.length === 0) throw new AppError('conflict');
    const changes = diff(item, fromRow(item, before as Record<string, unknown>), null);
    const recordVersion = await finishRecordChange(
      tx,
      ctx,
      personId,
      item,
      'record.entry.removed',
      entryId,
      changes,
    );
    return { recordVersion };
  });
}
