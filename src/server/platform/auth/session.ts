import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { todayInBangkok } from '../../../domain/iso-date.ts';
import type { Config } from '../../config.ts';
import { type Actor, pendingSecondFactor } from '../authz/index.ts';
import type { DbHandle, Executor } from '../db/index.ts';
import { schema } from '../db/index.ts';

const { sessions } = schema;

/** 256-bit tokens from the CSPRNG (ASVS 7.2.3 asks ≥ 128 bits). Only their SHA-256 is stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}
export function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  ex: Executor,
  cfg: Config,
  userId: string,
  authMethod: string,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; expiresAt: string }> {
  const token = newToken();
  const csrfToken = newToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + cfg.sessionAbsoluteMs).toISOString();
  await ex.insert(sessions).values({
    id: tokenId(token),
    userId,
    csrfToken,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    absoluteExpiresAt: expiresAt,
    authTime: now.toISOString(),
    authMethod,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

export type LoadedSession = { actor: Actor; csrfToken: string };

/**
 * The session, its user and the user's assignments in force on $2 (a Bangkok date) in ONE
 * statement: every API request runs it, so it is a prepared statement and one round trip.
 * Assignments in force: started, not ended, not revoked.
 */
const SESSION_SQL = `select s.csrf_token, s.revoked_at is not null as revoked, s.auth_method,
    extract(epoch from s.last_seen_at) * 1000 as last_seen_ms,
    extract(epoch from s.absolute_expires_at) * 1000 as expires_ms,
    extract(epoch from s.auth_time) * 1000 as auth_ms,
    u.id as user_id, u.person_id, u.national_id, u.display_name, u.status,
    exists(select 1 from user_totp t where t.user_id = u.id and t.confirmed_at is not null) as totp,
    coalesce((select json_agg(json_build_object('id', ra.id, 'role', ra.role, 'officeId', ra.office_id,
        'officePath', o.path, 'officeKind', o.kind, 'provinceCode', o.province_code,
        'items', coalesce((select array_agg(ai.item_key) from assignment_items ai where ai.assignment_id = ra.id), '{}')))
      from role_assignments ra join offices o on o.id = ra.office_id
      where ra.user_id = u.id and ra.revoked_at is null and ra.start_date <= $2
        and (ra.end_date is null or ra.end_date > $2)), '[]'::json) as assignments
  from sessions s join users u on u.id = s.user_id where s.id = $1`;

type SessionRow = {
  csrf_token: string;
  revoked: boolean;
  auth_method: string;
  last_seen_ms: number | string;
  expires_ms: number | string;
  auth_ms: number | string;
  user_id: string;
  person_id: string | null;
  national_id: string;
  display_name: string;
  status: string;
  totp: boolean;
  assignments: Actor['assignments'] | string;
};

/** A session as read from the database, with what its checks need. */
export type ResolvedSession = {
  loaded: LoadedSession;
  userActive: boolean;
  revoked: boolean;
  expiresMs: number;
  lastSeenMs: number;
  /** The Bangkok date the assignments were read for (they are those in force on it). */
  day: string;
};

function resolvedFromRow(row: SessionRow, id: string, day: string): ResolvedSession {
  const assignments = (
    typeof row.assignments === 'string' ? JSON.parse(row.assignments) : row.assignments
  ) as Actor['assignments'];
  for (const a of assignments) {
    a.items ??= [];
    Object.freeze(a.items);
    Object.freeze(a);
  }
  return {
    loaded: {
      csrfToken: row.csrf_token,
      actor: {
        userId: row.user_id,
        personId: row.person_id,
        nationalId: row.national_id,
        displayName: row.display_name,
        sessionId: id,
        authTime: new Date(Number(row.auth_ms)).toISOString(),
        authMethod: row.auth_method,
        // Shared by every request the cache serves it to: frozen, so none can change another's.
        assignments: Object.freeze(assignments) as Actor['assignments'],
        totpEnrolled: row.totp,
        // Derived from what the row says on every read (cached or not): a half-signed-in session
        // stays one until its second factor replaces it by a new session (ADR 0113).
        secondFactor: pendingSecondFactor(row.auth_method, row.totp, assignments),
      },
    },
    userActive: row.status === 'active',
    revoked: row.revoked,
    expiresMs: Number(row.expires_ms),
    lastSeenMs: Number(row.last_seen_ms),
    day,
  };
}

/**
 * Resolved sessions kept by one process for a short while (ADR 0109): the session lookup is a
 * second round trip on every API request, ≈15 % of the hot full-record read's cost (issue 5).
 * An entry is dropped by the database's notification of any change to the session, its user,
 * role assignments, their items or offices (migration 0014). The writer's own process gets that
 * notification before its COMMIT returns, so a revocation through this process is seen by its
 * very next request, and another process's within moments (RS-A4 asks ≤ 1 s). While no connection
 * listens the cache serves nothing. Only "allowed" is ever answered from memory: an entry whose
 * checks fail is read again. `generation` counts notifications: a read that was in flight when
 * one arrived may predate the change, so it is not kept.
 */
export class SessionCache {
  private readonly entries = new Map<string, ResolvedSession & { until: number }>();
  /** Session ids by user: every pooled connection delivers each notification, so each is cheap. */
  private readonly byUser = new Map<string, Set<string>>();
  private generation = 0;
  constructor(
    private readonly ttlMs: number,
    private readonly live: () => boolean,
    private readonly maxEntries = 10_000,
  ) {}
  /** Applies a khru_auth notification payload. */
  changed(payload: string): void {
    this.generation++;
    if (payload.startsWith('s:')) this.drop(payload.slice(2));
    else if (payload.startsWith('u:'))
      for (const id of this.byUser.get(payload.slice(2)) ?? []) this.drop(id);
    else {
      this.entries.clear();
      this.byUser.clear();
    }
  }
  get(id: string, day: string, nowMs: number): ResolvedSession | null {
    const e = this.entries.get(id);
    if (!e) return null;
    if (e.until <= nowMs || e.day !== day || !this.live()) {
      this.drop(id);
      return null;
    }
    return e;
  }
  /** The generation to hand back to `set` with what is read now. */
  mark(): number {
    return this.generation;
  }
  set(id: string, r: ResolvedSession, mark: number, nowMs: number): void {
    if (mark !== this.generation || !this.live()) return;
    this.drop(id);
    if (this.entries.size >= this.maxEntries) this.drop(this.entries.keys().next().value!);
    this.entries.set(id, { ...r, until: nowMs + this.ttlMs });
    const userId = r.loaded.actor.userId;
    const ids = this.byUser.get(userId);
    if (ids) ids.add(id);
    else this.byUser.set(userId, new Set([id]));
  }
  private drop(id: string): void {
    const e = this.entries.get(id);
    if (!e) return;
    this.entries.delete(id);
    const ids = this.byUser.get(e.loaded.actor.userId);
    ids?.delete(id);
    if (ids?.size === 0) this.byUser.delete(e.loaded.actor.userId);
  }
  get size(): number {
    return this.entries.size;
  }
}

const caches = new WeakMap<DbHandle, SessionCache>();
/** The session cache of one database handle (a cached session is only good for its database). */
export function sessionCache(h: DbHandle, cfg: Config): SessionCache | null {
  if (cfg.sessionCacheMs <= 0) return null;
  const known = caches.get(h);
  if (known) return known;
  const cache = new SessionCache(cfg.sessionCacheMs, () => h.authChangesLive());
  h.onAuthChange((payload) => cache.changed(payload));
  caches.set(h, cache);
  return cache;
}

/** False when the session no longer stands: revoked, user not active, past either timeout. */
function check(r: ResolvedSession, cfg: Config, nowMs: number): boolean {
  return !r.revoked && r.userActive && r.expiresMs > nowMs && nowMs - r.lastSeenMs <= cfg.sessionIdleMs;
}

/**
 * Resolves a session token to an actor, enforcing the idle and absolute timeouts, revocation
 * and the user's status. Role assignments in force are those the database holds now: a revoked
 * or expired assignment stops working at the next request (ASVS 8.3.2), the cache (above)
 * being dropped by the change itself.
 */
export async function loadSession(
  h: DbHandle,
  cfg: Config,
  token: string,
  now = new Date(),
): Promise<LoadedSession | null> {
  const id = tokenId(token);
  const nowMs = now.getTime();
  const day = todayInBangkok(now);
  const cache = sessionCache(h, cfg);
  let r = cache?.get(id, day, nowMs) ?? null;
  if (!r || !check(r, cfg, nowMs)) {
    const mark = cache?.mark() ?? 0;
    const [row] = await h.query<SessionRow>(SESSION_SQL, [id, day], 'khru_session');
    if (!row) return null;
    r = resolvedFromRow(row, id, day);
    if (!check(r, cfg, nowMs)) return null;
    cache?.set(id, r, mark, nowMs);
  }
  // Sliding idle window; write at most once a minute to keep reads cheap. The write notifies,
  // so a cached entry is read again with the new time.
  if (nowMs - r.lastSeenMs > 60_000)
    await h.db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, id));
  // A copy per request: a route may update its own actor (re-authentication sets authTime).
  return { csrfToken: r.loaded.csrfToken, actor: { ...r.loaded.actor } };
}

export async function revokeSession(ex: Executor, sessionId: string): Promise<void> {
  await ex.update(sessions).set({ revokedAt: new Date().toISOString() }).where(eq(sessions.id, sessionId));
}

/** Ends every open session of a user (password change, disabling an account). */
export async function revokeUserSessions(
  ex: Executor,
  userId: string,
  exceptSessionId?: string,
): Promise<void> {
  await ex
    .update(sessions)
    .set({ revokedAt: new Date().toISOString() })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        exceptSessionId ? sql`${sessions.id} <> ${exceptSessionId}` : undefined,
      ),
    );
}
