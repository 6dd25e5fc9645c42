import { and, desc, eq, like, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { WORKFLOWS } from '../../../domain/workflow/index.ts';
import { type Actor, personAccess, personScope } from '../../platform/authz/index.ts';
import { type Executor, schema } from '../../platform/db/index.ts';
import type { MoveData } from './commands/move.ts';

const { workflowCases, persons, offices, users } = schema;
const statuses = WORKFLOWS.move.statuses as Record<string, { th: string }>;

const literalPrefix = (p: string) => `${p.replace(/[\\%_]/g, '\\$&')}%`;

/**
 * The caller's moves (ข้อ 5.2.1, ADR 0111), both sides:
 *  - holding: moves of people whose record the caller holds as records officer (service item
 *    editable), which he confirms or disputes — with the citation and the requesting office;
 *  - requested: moves into offices under the caller's records-officer assignments — only the
 *    person's name, the citation the requester typed, the status and a dispute's reason; never the
 *    record (nor its id) before the holding office confirms.
 */
export async function listMoves(ex: Executor, actor: Actor) {
  const officerPaths = actor.assignments.filter((a) => a.role === 'records_officer').map((a) => a.officePath);
  if (!officerPaths.length) return { holding: [], requested: [] };
  const from = alias(offices, 'from_office');
  const to = alias(offices, 'to_office');
  const base = () =>
    ex
      .select({
        c: workflowCases,
        person: {
          id: persons.id,
          officeId: persons.officeId,
          status: persons.status,
          displayName: persons.displayName,
        },
        fromOffice: from.nameTh,
        toOffice: to.nameTh,
        requestedBy: users.displayName,
      })
      .from(workflowCases)
      .innerJoin(persons, eq(persons.id, workflowCases.personId))
      .innerJoin(users, eq(users.id, workflowCases.filedBy))
      .leftJoin(from, eq(sql`${from.id}::text`, sql`${workflowCases.data}->>'fromOfficeId'`))
      .leftJoin(to, eq(sql`${to.id}::text`, sql`${workflowCases.data}->>'toOfficeId'`));
  const onlyMoves: SQL = eq(workflowCases.kind, 'move');
  const present = (r: Awaited<ReturnType<ReturnType<typeof base>['where']>>[number]) => {
    const d = r.c.data as MoveData;
    return {
      caseId: r.c.id,
      status: r.c.status,
      statusTh: statuses[r.c.status]?.th ?? r.c.status,
      personName: r.person.displayName,
      fromOffice: r.fromOffice,
      toOffice: r.toOffice,
      requestedBy: r.requestedBy,
      order: {
        number: d.number,
        orderDate: d.orderDate,
        issuingAuthority: d.issuingAuthority,
      },
      disputeReason: d.disputeReason ?? null,
      createdAt: new Date(r.c.createdAt).toISOString(),
      closedAt: r.c.closedAt ? new Date(r.c.closedAt).toISOString() : null,
    };
  };
  const held = await base()
    .where(and(onlyMoves, personScope(actor)))
    .orderBy(desc(workflowCases.createdAt))
    .limit(200);
  const holding = [];
  for (const r of held) {
    const access = await personAccess(ex, actor, r.person);
    if (access.isOwner || !access.edit.includes('service')) continue;
    holding.push({ ...present(r), personId: r.person.id, canDecide: !r.c.closedAt });
  }
  const req = await base()
    .where(and(onlyMoves, or(...officerPaths.map((p) => like(to.path, literalPrefix(p))))))
    .orderBy(desc(workflowCases.createdAt))
    .limit(200);
  return { holding, requested: req.map(present) };
}
