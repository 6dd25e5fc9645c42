import { and, eq } from 'drizzle-orm';
import type { ListItemKey } from '../../../../domain/record/items.ts';
import type { AuthedCtx } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
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
    if (item === 'leave') {
      const t = ITEM_TABLES.leave;
      const [dup] = await tx
        .select({ id: t.id })
        .from(t)
        .where(and(eq(t.personId, personId), eq(t.fiscalYear, Number(data.fiscalYear))));
      if (dup) throw new AppError('duplicate', [{ field: 'fiscalYear', messageKey: 'err.invalid' }]);
    }
    if (item === 'photos') {
      const t = ITEM_TABLES.photos;
      const [dup] = await tx
        .select({ id: t.id })
        .from(t)
        .where(and(eq(t.personId, personId), eq(t.slot, Number(data.slot))));
      if (dup) throw new AppError('duplicate', [{ field: 'slot', messageKey: 'err.invalid' }]);
    }
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
