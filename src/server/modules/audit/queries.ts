import { and, desc, eq, gte, inArray, like, lt, sql } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import {
  type AuditPayload,
  type CheckpointVerdict,
  checkAgainstCheckpoints,
  checkpointsFromExport,
  exportCheckpoints,
  readCheckpoints,
  verifyAuditChain,
} from '../../platform/audit/index.ts';
import { type Actor, isOtepcDataController, personScope } from '../../platform/authz/index.ts';
import { type DbHandle, type Executor, schema } from '../../platform/db/index.ts';
import { checkpointServices } from './services.ts';

const { auditEvents, persons, users } = schema;

/**
 * The chain recomputed and checked against the signed checkpoints (ADR 0003, 0115): those in the
 * document store, or, given `exportText`, those of an export a third party held.
 */
export async function auditChainStatus(
  cfg: Config,
  h: DbHandle,
  opts: { exportText?: string } = {},
): Promise<CheckpointVerdict> {
  const { keys, store } = await checkpointServices(cfg);
  const chain = await verifyAuditChain(h);
  if (opts.exportText !== undefined)
    return checkAgainstCheckpoints(h, chain, await checkpointsFromExport(opts.exportText, keys.publicKeys));
  const { checkpoints, missing } = await readCheckpoints(store, keys.publicKeys);
  return checkAgainstCheckpoints(h, chain, checkpoints, missing);
}

/** Every stored checkpoint and the public keys, for a third party to keep. */
export async function auditCheckpointExport(cfg: Config) {
  const { keys, store } = await checkpointServices(cfg);
  const { checkpoints } = await readCheckpoints(store, keys.publicKeys);
  return exportCheckpoints(checkpoints, keys.publicKeys);
}

export type AuditEventFilter = {
  personId?: string;
  personNationalId?: string;
  actorNationalId?: string;
  item?: string;
  group?: string;
  /** Bangkok calendar days, both included. */
  from?: string;
  to?: string;
  before?: number;
  limit: number;
};

/** Midnight at the start of a Bangkok calendar day, as an instant. */
const bangkokMidnight = (day: string) => new Date(`${day}T00:00:00+07:00`);

/**
 * The audit trail for the data controller's screen (ข้อ 6.1.4), newest first, filtered by person,
 * actor, record item, kind of event and period, within the caller's scope (OTEPC: everything;
 * an office's data controller: events about people of his office and below). Each event is
 * presented as facts the screen words itself — who, when, what kind, which item, which fields
 * from what to what, from where — never the stored payload.
 */
export async function listAuditEvents(ex: Executor, actor: Actor, f: AuditEventFilter) {
  const scoped = isOtepcDataController(actor)
    ? undefined
    : inArray(auditEvents.personId, sql`(select ${persons.id} from ${persons} where ${personScope(actor)})`);
  const actorIds = f.actorNationalId
    ? sql`(select ${users.id} from ${users} where ${users.nationalId} = ${f.actorNationalId})`
    : undefined;
  const personIds = f.personNationalId
    ? sql`(select ${persons.id} from ${persons} where ${persons.nationalId} = ${f.personNationalId})`
    : undefined;
  const to = f.to ? bangkokMidnight(f.to) : undefined;
  if (to) to.setUTCDate(to.getUTCDate() + 1);
  const rows = await ex
    .select({
      seq: auditEvents.seq,
      payload: auditEvents.payload,
      personName: persons.displayName,
      personNationalId: persons.nationalId,
    })
    .from(auditEvents)
    .leftJoin(persons, eq(persons.id, auditEvents.personId))
    .where(
      and(
        scoped,
        f.personId ? eq(auditEvents.personId, f.personId) : undefined,
        personIds ? inArray(auditEvents.personId, personIds) : undefined,
        actorIds ? inArray(auditEvents.actorUserId, actorIds) : undefined,
        f.item ? sql`(${auditEvents.payload}::jsonb ->> 'item') = ${f.item}` : undefined,
        f.group ? like(auditEvents.eventType, `${f.group}.%`) : undefined,
        f.from ? gte(auditEvents.occurredAt, bangkokMidnight(f.from).toISOString()) : undefined,
        to ? lt(auditEvents.occurredAt, to.toISOString()) : undefined,
        f.before ? lt(auditEvents.seq, f.before) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.seq))
    .limit(f.limit + 1);
  const more = rows.length > f.limit;
  const items = rows.slice(0, f.limit).map((r) => {
    const p = JSON.parse(r.payload) as AuditPayload;
    return {
      seq: r.seq,
      at: p.occurredAt,
      eventType: p.eventType,
      item: p.item,
      actorName: p.actor.name,
      actorRoles: p.actor.roles,
      person: r.personName === null ? null : { name: r.personName, nationalId: r.personNationalId ?? '' },
      changes: p.changes.map((c) => ({ field: c.field, from: c.from, to: c.to })),
      source: p.meta.source,
      authMethod: p.meta.authMethod,
      ip: p.meta.ip,
    };
  });
  return { items, nextBefore: more ? (items.at(-1)?.seq ?? null) : null };
}
