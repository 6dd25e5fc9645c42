import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { todayInBangkok } from '../../../domain/iso-date.ts';
import type { Config } from '../../config.ts';
import type { Actor } from '../authz/index.ts';
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
  assignments: Actor['assignments'] | string;
};

/**
 * Resolves a session token to an actor, enforcing the idle and absolute timeouts, revocation
 * and the user's status. Role assignments are read fresh on every request, so a revoked or
 * expired assignment stops working at the next request (ASVS 8.3.2).
 */
export async function loadSession(
  h: DbHandle,
  cfg: Config,
  token: string,
  now = new Date(),
): Promise<LoadedSession | null> {
  const id = tokenId(token);
  const [row] = await h.query<SessionRow>(SESSION_SQL, [id, todayInBangkok(now)], 'khru_session');
  if (!row || row.revoked || row.status !== 'active') return null;
  if (Number(row.expires_ms) <= now.getTime()) return null;
  const lastSeen = Number(row.last_seen_ms);
  if (now.getTime() - lastSeen > cfg.sessionIdleMs) return null;
  // Sliding idle window; write at most once a minute to keep reads cheap.
  if (now.getTime() - lastSeen > 60_000)
    await h.db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, id));
  const assignments = (
    typeof row.assignments === 'string' ? JSON.parse(row.assignments) : row.assignments
  ) as Actor['assignments'];
  for (const a of assignments) a.items ??= [];
  return {
    csrfToken: row.csrf_token,
    actor: {
      userId: row.user_id,
      personId: row.person_id,
      nationalId: row.national_id,
      displayName: row.display_name,
      sessionId: id,
      authTime: new Date(Number(row.auth_ms)).toISOString(),
      authMethod: row.auth_method,
      assignments,
    },
  };
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
