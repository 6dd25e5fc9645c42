/**
 * A content hash of every table of the database (ADR 0116): "this request changed nothing".
 * Tables are read from the catalogue, so a table added later is covered without anyone listing it.
 * Each table's rows are hashed as md5 over string_agg of the rows in primary-key order (every
 * table has one; a table without falls back to the row text), so a failure names the tables
 * that changed.
 */
import type { OwnerQuery } from './app.ts';

/**
 * Tables a request may legitimately touch without changing state a person can see, each with
 * the reason. Nothing else is excepted.
 */
export const HASH_EXCEPT: Record<string, string> = {
  // The session row's last_seen_at is the idle timeout (ASVS 7.3.1, ADR 0109): every authenticated
  // request may move it, GET or not. Sessions are created only by POST /api/auth/login.
  sessions: 'idle-timeout clock (last_seen_at), moved by any authenticated request',
};

/**
 * Read-model caches a read may fill (ADR 0108): `record_items_json` holds a person's items JSON,
 * stored on the first full-record read and deleted by triggers on every item change. Its content
 * is a function of the item tables (which are hashed), not a change of the record; no audit event.
 */
export const READ_MODEL_CACHES: Record<string, string> = {
  record_items_json: 'items JSON stored on the first full-record read, derived from the item tables',
};

type Plan = { text: string; tables: string[] };
const plans = new WeakMap<OwnerQuery, Map<string, Plan>>();

async function planFor(owner: OwnerQuery, except: string[]): Promise<Plan> {
  const key = [...except].sort().join();
  const mine = plans.get(owner) ?? new Map<string, Plan>();
  plans.set(owner, mine);
  const cached = mine.get(key);
  if (cached) return cached;
  const rows = await owner<{ table: string; pk: string | null }>(
    `select c.relname as table,
            (select string_agg('x.' || quote_ident(a.attname), ', ' order by k.ord)
               from pg_index i
               cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
               join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
              where i.indrelid = c.oid and i.indisprimary) as pk
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
      order by c.relname`,
  );
  const tables = rows.map((r) => r.table).filter((t) => !except.includes(t));
  const byName = new Map(rows.map((r) => [r.table, r.pk]));
  const text = tables
    .map((t) => {
      const order = byName.get(t) ?? 'x::text';
      return `select '${t}' as t, md5(coalesce(string_agg(x::text, '|' order by ${order}), '')) as h from "${t}" x`;
    })
    .join('\nunion all\n');
  const plan = { text, tables };
  mine.set(key, plan);
  return plan;
}

export type TableHashes = Record<string, string>;

/** Per-table hashes of every table but those in `except` (default HASH_EXCEPT). */
export async function tableHashes(
  owner: OwnerQuery,
  except: string[] = Object.keys(HASH_EXCEPT),
): Promise<TableHashes> {
  const plan = await planFor(owner, except);
  const rows = await owner<{ t: string; h: string }>(plan.text);
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

/** Names of the tables whose hash differs. */
export function changedTables(before: TableHashes, after: TableHashes): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((t) => before[t] !== after[t]);
}

/**
 * Watches the database for changes between requests: `check()` says which tables changed since
 * the last check. The content hash is recomputed only when a transaction ID was assigned since
 * the last check — PostgreSQL stamps every inserted, updated or deleted row (and every row lock)
 * with its transaction's ID, so if the next ID to assign (the snapshot's xmax) has not moved,
 * no row anywhere can have changed and the previous hash stands. IDs are cluster-wide: activity
 * of other databases only makes it hash more often, never less.
 */
export async function changeWatch(owner: OwnerQuery, except: string[] = Object.keys(HASH_EXCEPT)) {
  const xmax = async () =>
    (await owner<{ x: string }>('select pg_snapshot_xmax(pg_current_snapshot())::text as x'))[0]!.x;
  let mark = await xmax();
  let hashes = await tableHashes(owner, except);
  const figures = { checks: 0, hashed: 0 };
  return {
    figures,
    async check(): Promise<string[]> {
      figures.checks++;
      const now = await xmax();
      if (now === mark) return [];
      figures.hashed++;
      const next = await tableHashes(owner, except);
      // The hash statement itself assigns no ID; read the mark after it all the same.
      mark = await xmax();
      const changed = changedTables(hashes, next);
      hashes = next;
      return changed;
    },
  };
}
