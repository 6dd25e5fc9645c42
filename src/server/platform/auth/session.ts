import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import { todayInBangkok } from '../../../domain/iso-date.ts';
import type { RecordItemKey } from '../../../domain/record/items.ts';
import type { Config } from '../../config.ts';
import type { Actor, Role } from '../authz/index.ts';
import type { Executor } from '../db/index.ts';
import { schema } from '../db/index.ts';

const { sessions, users, roleAssignments, offices, assignmentItems } = schema;

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
 * Resolves a session token to an actor, enforcing the idle and absolute timeouts, revocation
 * and the user's status. Role assignments are read fresh on every request, so a revoked or
 * expired assignment stops working at the next request (ASVS 8.3.2).
 */
export async function loadSession(
  ex: Executor,
  cfg: Config,
  token: string,
  now = new Date(),
): Promise<LoadedSession | null> {
  const id = tokenId(token);
  const [row] = await ex
    .select({
      s: sessions,
      u: {
        id: users.id,
        personId: users.personId,
        nationalId: users.nationalId,
        displayName: users.displayName,
        status: users.status,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row || row.s.revokedAt || row.u.status !== 'active') return null;
  if (new Date(row.s.absoluteExpiresAt) <= now) return null;
  const lastSeen = new Date(row.s.lastSeenAt);
  if (now.getTime() - lastSeen.getTime() > cfg.sessionIdleMs) return null;
  // Sliding idle window; write at most once a minute to keep reads cheap.
  if (now.getTime() - lastSeen.getTime() > 60_000)
    await ex.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, id));
  const assignments = await loadActiveAssignments(ex, row.u.id, todayInBangkok(now));
  return {
    csrfToken: row.s.csrfToken,
    actor: {
      userId: row.u.id,
      personId: row.u.personId,
      nationalId: row.u.nationalId,
      displayName: row.u.displayName,
      sessionId: id,
      authTime: row.s.authTime,
      authMethod: row.s.authMethod,
      assignments,
    },
  };
}

/** Assignments in force today: started, not ended, not revoked. */
export async function loadActiveAssignments(
  ex: Executor,
  userId: string,
  today: string,
): Promise<Actor['assignments']> {
  const rows = await ex
    .select({
      id: roleAssignments.id,
      role: roleAssignments.role,
      officeId: roleAssignments.officeId,
      officePath: offices.path,
      officeKind: offices.kind,
      provinceCode: offices.provinceCode,
      items: sql<
        string[] | null
      >`(select array_agg(${assignmentItems.itemKey}) from ${assignmentItems} where ${assignmentItems.assignmentId} = ${roleAssignments.id})`,
    })
    .from(roleAssignments)
    .innerJoin(offices, eq(offices.id, roleAssignments.officeId))
    .where(
      and(
        eq(roleAssignments.userId, userId),
        isNull(roleAssignments.revokedAt),
        lte(roleAssignments.startDate, today),
        or(isNull(roleAssignments.endDate), gt(roleAssignments.endDate, today)),
      ),
    );
  return rows.map((r) => ({
    ...r,
    role: r.role as Role,
    items: (r.items ?? []) as RecordItemKey[],
  }));
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
