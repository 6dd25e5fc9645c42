import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { personalData } from '../../../../domain/record/items.ts';
import { refusedWrites } from '../../../../domain/record/protected-fields.ts';
import type { FieldChange } from '../../../platform/audit/index.ts';
import { schema } from '../../../platform/db/index.ts';
import type { AuthedCtx } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { finishRecordChange, loadForEdit } from './shared.ts';

const { persons } = schema;
const FIELDS = ['birthDate', 'bloodGroup', 'appointmentDate', 'subjectGroup'] as const;

/** Edits the single-valued personal data (items 3, 4, 8, 10) at `version`. */
export async function editPersonal(
  ctx: AuthedCtx,
  personId: string,
  version: number,
  data: z.output<typeof personalData>,
) {
  // Appointment needs an adult: at least 18 years after birth (cross-field rule, ASVS 2.2.3).
  const [by, bm, bd] = data.birthDate.split('-').map(Number) as [number, number, number];
  const adult = `${String(by + 18).padStart(4, '0')}-${String(bm).padStart(2, '0')}-${String(bd).padStart(2, '0')}`;
  if (data.appointmentDate < adult)
    throw new AppError('validation', [{ field: 'appointmentDate', messageKey: 'err.birthAfterAppointment' }]);
  return ctx.h.db.transaction(async (tx) => {
    const { person, access } = await loadForEdit(tx, ctx, personId, 'personal');
    if (person.version !== version) throw new AppError('conflict');
    // ข้อ 4.2.1/4.2.2: an established record's date of birth and appointment date change only
    // through the approved correction (workflows' applyChanges), for every role.
    const refused = refusedWrites(person, data, {
      via: 'direct',
      stage: access.correctionOnly.length ? 'established' : 'onboarding',
    });
    if (refused.length)
      throw new AppError(
        'correctionRequired',
        refused.map((f) => ({ field: f, messageKey: `err.protected.${f}` })),
      );
    const changes: FieldChange[] = [];
    for (const f of FIELDS) {
      const from = person[f] ?? null;
      const to = data[f] ?? null;
      if (from !== to) changes.push({ field: f, from, to });
    }
    const [row] = await tx
      .update(persons)
      .set({ ...data, version: sql`${persons.version} + 1` })
      .where(and(eq(persons.id, personId), eq(persons.version, version)))
      .returning({ version: persons.version });
    if (!row) throw new AppError('conflict');
    const recordVersion = await finishRecordChange(
      tx,
      ctx,
      personId,
      'personal',
      'record.personal.edited',
      personId,
      changes,
    );
    return { version: row.version, recordVersion };
  });
}
