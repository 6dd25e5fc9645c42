import { desc, eq, sql } from 'drizzle-orm';
import type { ListItemKey, RecordItemKey } from '../../../../domain/record/items.ts';
import { appendAudit, type FieldChange } from '../../../platform/audit/index.ts';
import type { PersonAccess } from '../../../platform/authz/index.ts';
import { personAccess } from '../../../platform/authz/index.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { schema } from '../../../platform/db/index.ts';
import { type AuthedCtx, auditActor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { dataFields } from '../item-tables.ts';
import { findPersonInScope, type PersonRow } from '../records.queries.ts';

const { persons, personNames, personService } = schema;

/** Loads the person in scope (404 otherwise) and checks the actor may edit `item` (403 otherwise). */
export async function loadForEdit(
  tx: Tx,
  ctx: AuthedCtx,
  personId: string,
  item: RecordItemKey,
): Promise<{ person: PersonRow; access: PersonAccess }> {
  const person = await findPersonInScope(tx, ctx.actor, personId);
  if (!person) throw new AppError('notFound');
  const access = await personAccess(tx, ctx.actor, person);
  // A clerk who may not even read the item gets 404 for it (ข้อ 6.1.3); readers get 403.
  if (!access.read.includes(item)) throw new AppError('notFound');
  if (person.status !== 'active' && access.read.length) throw new AppError('notActive');
  if (!access.edit.includes(item)) throw new AppError('forbidden');
  return { person, access };
}

function str(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function flat(item: ListItemKey, data: Record<string, unknown> | null): Record<string, unknown> {
  if (!data) return {};
  if (item !== 'leave') return data;
  const out: Record<string, unknown> = { fiscalYear: data.fiscalYear };
  for (const [k, v] of Object.entries(data))
    if (v && typeof v === 'object') for (const [p, x] of Object.entries(v)) out[`${k}.${p}`] = x;
  return out;
}

/** Field-by-field from→to for item 27 (ข้อ 4.4.13). */
export function diff(
  item: ListItemKey,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): FieldChange[] {
  const a = flat(item, before);
  const b = flat(item, after);
  const out: FieldChange[] = [];
  for (const f of dataFields(item)) {
    const from = str(a[f]);
    const to = str(b[f]);
    if (from !== to && !(from === null && to === null)) out.push({ field: f, from, to });
  }
  return out;
}

/** Keeps the denormalised search columns (current name, standing, position) in step with items 1 and 15. */
async function refreshDerived(tx: Tx, personId: string, item: RecordItemKey) {
  if (item === 'names') {
    const [n] = await tx
      .select()
      .from(personNames)
      .where(eq(personNames.personId, personId))
      .orderBy(desc(personNames.effectiveDate), desc(personNames.createdAt))
      .limit(1);
    await tx
      .update(persons)
      .set({
        displayName: n ? formatDisplayName(n) : '',
        searchName: n ? `${n.firstName} ${n.lastName}` : '',
      })
      .where(eq(persons.id, personId));
  }
  if (item === 'service') {
    const [s] = await tx
      .select({ standing: personService.standing, positionTitle: personService.positionTitle })
      .from(personService)
      .where(eq(personService.personId, personId))
      .orderBy(desc(personService.effectiveDate), desc(personService.createdAt))
      .limit(1);
    await tx
      .update(persons)
      .set({ currentStanding: s?.standing ?? null, currentPositionTitle: s?.positionTitle ?? null })
      .where(eq(persons.id, personId));
  }
}

/** "นางสาวสมศรี ใจดี", "ว่าที่ร้อยตรี สมชาย ใจดี" — Thai style: prefix joined to the first name. */
export function formatDisplayName(n: {
  prefix: string;
  rankTitle: string | null;
  firstName: string;
  middleName: string | null;
  lastName: string;
}): string {
  const lead = n.rankTitle ? `${n.rankTitle} ` : n.prefix;
  return `${lead}${n.firstName}${n.middleName ? ` ${n.middleName}` : ''} ${n.lastName}`;
}

/**
 * Finishes a record change inside its transaction: bumps the record version, refreshes derived
 * columns, and appends the audit event that item 27 is read from.
 */
export async function finishRecordChange(
  tx: Tx,
  ctx: AuthedCtx,
  personId: string,
  item: RecordItemKey,
  eventType: string,
  entityId: string | null,
  changes: FieldChange[],
  data: Record<string, unknown> = {},
): Promise<number> {
  await refreshDerived(tx, personId, item);
  const [p] = await tx
    .update(persons)
    .set({ recordVersion: sql`${persons.recordVersion} + 1`, updatedAt: new Date().toISOString() })
    .where(eq(persons.id, personId))
    .returning({ recordVersion: persons.recordVersion });
  await appendAudit(tx, auditActor(ctx), ctx.meta, [
    { eventType, entityType: 'record', entityId: entityId ?? personId, personId, item, changes, data },
  ]);
  return p!.recordVersion;
}
