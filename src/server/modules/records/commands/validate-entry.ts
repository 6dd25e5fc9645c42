import { and, eq, ne } from 'drizzle-orm';
import addressData from '../../../../../data/reference/thai-addresses.json' with { type: 'json' };
import { createAddressBook } from '../../../../domain/address.ts';
import type { ListItemKey } from '../../../../domain/record/items.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { schema } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/errors.ts';

export const addressBook = createAddressBook(addressData as never);

/**
 * Checks an entry against the database and reference data — what a schema alone cannot know:
 * real address codes, referenced office/penalty/photo rows, one leave row per fiscal year.
 */
export async function validateAgainstData(
  tx: Tx,
  personId: string,
  item: ListItemKey,
  data: Record<string, unknown>,
  entryId: string | null,
): Promise<void> {
  const fail = (field: string, messageKey: string): never => {
    throw new AppError('validation', [{ field, messageKey }]);
  };
  if (item === 'addresses') {
    const problem = addressBook.checkAddress(String(data.tambonCode), String(data.postcode));
    if (problem) fail(problem === 'err.address.tambon' ? 'tambonCode' : 'postcode', problem);
  }
  if (item === 'service' && data.officeId) {
    const [o] = await tx
      .select({ id: schema.offices.id })
      .from(schema.offices)
      .where(eq(schema.offices.id, String(data.officeId)));
    if (!o) fail('officeId', 'err.invalid');
  }
  if (item === 'discipline' && data.amendsId) {
    const [d] = await tx
      .select({ id: schema.personDiscipline.id })
      .from(schema.personDiscipline)
      .where(
        and(
          eq(schema.personDiscipline.id, String(data.amendsId)),
          eq(schema.personDiscipline.personId, personId),
        ),
      );
    if (!d || d.id === entryId) fail('amendsId', 'err.invalid');
  }
  // One leave row per fiscal year (item 25) and one photo per slot: a second one is a duplicate.
  const unique = async (
    table: typeof schema.personLeave | typeof schema.personPhotos,
    col: 'fiscalYear' | 'slot',
  ) => {
    const column = col === 'fiscalYear' ? schema.personLeave.fiscalYear : schema.personPhotos.slot;
    const [dup] = await tx
      .select({ id: table.id })
      .from(table)
      .where(
        and(
          eq(table.personId, personId),
          eq(column, Number(data[col])),
          entryId ? ne(table.id, entryId) : undefined,
        ),
      );
    if (dup) throw new AppError('duplicate', [{ field: col, messageKey: 'err.invalid' }]);
  };
  if (item === 'leave') await unique(schema.personLeave, 'fiscalYear');
  if (item === 'photos') await unique(schema.personPhotos, 'slot');
  if (item === 'photos') {
    const [d] = await tx
      .select({ id: schema.documents.id, mime: schema.documents.mime })
      .from(schema.documents)
      .where(and(eq(schema.documents.id, String(data.documentId)), eq(schema.documents.personId, personId)));
    if (!d?.mime.startsWith('image/')) fail('documentId', 'err.invalid');
  }
}
