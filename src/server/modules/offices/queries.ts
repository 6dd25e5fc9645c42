import { and, asc, eq, ilike, isNull, sql } from 'drizzle-orm';
import { type Actor, personScope } from '../../platform/authz/index.ts';
import { type Executor, schema } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';

const { offices, positions, persons } = schema;

/** Offices matching a name search, else the children of an office, else the roots (at most 200). */
export async function listOffices(ex: Executor, filter: { parentId?: string; q?: string }) {
  const { parentId, q } = filter;
  const where = q
    ? ilike(offices.nameTh, `%${q.replace(/[\\%_]/g, '')}%`)
    : parentId
      ? eq(offices.parentId, parentId)
      : isNull(offices.parentId);
  return ex
    .select({
      id: offices.id,
      code: offices.code,
      nameTh: offices.nameTh,
      kind: offices.kind,
      parentId: offices.parentId,
      provinceCode: offices.provinceCode,
    })
    .from(offices)
    .where(where)
    .orderBy(sql`${offices.nameTh} collate th`)
    .limit(200);
}

/**
 * The position numbers of an office with their holders (a holder outside the actor's person
 * scope is left out). Throws notFound unless the actor's assignment covers the office.
 */
export async function listOfficePositions(ex: Executor, actor: Actor, officeId: string) {
  const [o] = await ex
    .select({ id: offices.id, path: offices.path })
    .from(offices)
    .where(eq(offices.id, officeId));
  // Position lists belong to those whose assignment covers the office (it or an office above it).
  if (!o || !actor.assignments.some((a) => o.path.startsWith(a.officePath))) throw new AppError('notFound');
  return ex
    .select({
      id: positions.id,
      positionNumber: positions.positionNumber,
      title: positions.title,
      holderPersonId: positions.holderPersonId,
      holderName: persons.displayName,
    })
    .from(positions)
    .leftJoin(persons, and(eq(persons.id, positions.holderPersonId), personScope(actor)))
    .where(eq(positions.officeId, o.id))
    .orderBy(asc(positions.positionNumber));
}
