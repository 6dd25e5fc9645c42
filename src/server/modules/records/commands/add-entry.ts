import type { ListItemKey } from '../../../../domain/record/items.ts';
import type { AuthedCtx } from '../../../platform/http/context.ts';
import { fromRow, ITEM_TABLES, toRow } from '../item-tables.ts';
import { diff, finishRecordChange, loadForEdit } from './shared.ts';
import { validateAgainstData } from './validate-entry.ts';

/** Adds an entry to a list item of the record; one transaction with its audit event. */
export async function addEntry(
  ctx: AuthedCtx,
  personId: string,
  item: ListItemKey,
  data: Record<string, unknown>,
) {
  return ctx.h.db.transaction(async (tx) => {
    await loadForEdit(tx, ctx, personId, item);
    await validateAgainstData(tx, personId, item, data, null);
    const table = ITEM_TABLES[item];
    const [row] = await tx
      .insert(table)
      .values({ ...toRow(item, data), personId } as never)
      .returning();
    const entry = fromRow(item, row as Record<string, unknown>);
    const recordVersion = await finishRecordChange(
      tx,
      ctx,
      personId,
      item,
      'record.entry.added',
      entry.id as string,
      diff(item, null, entry),
    );
    return { entry, recordVersion };
  });
}
