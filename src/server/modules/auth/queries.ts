import { and, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import { todayInBangkok } from '../../../domain/iso-date.ts';
import type { Role } from '../../platform/authz/index.ts';
import type { Executor } from '../../platform/db/index.ts';
import { schema } from '../../platform/db/index.ts';

const { users, roleAssignments, userTotp, recoveryCodes } = schema;

export async function userByNationalId(ex: Executor, nationalId: string) {
  const [u] = await ex.select().from(users).where(eq(users.nationalId, nationalId));
  return u ?? null;
}

export async function userById(ex: Executor, id: string) {
  const [u] = await ex.select().from(users).where(eq(users.id, id));
  return u ?? null;
}

/** The roles a user holds today (started, not ended, not revoked). */
export async function rolesInForce(
  ex: Executor,
  userId: string,
  now = new Date(),
): Promise<{ role: Role }[]> {
  const day = todayInBangkok(now);
  const rows = await ex
    .select({ role: roleAssignments.role })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.userId, userId),
        isNull(roleAssignments.revokedAt),
        lte(roleAssignments.startDate, day),
        or(isNull(roleAssignments.endDate), gt(roleAssignments.endDate, day)),
      ),
    );
  return rows as { role: Role }[];
}

export async function totpOf(ex: Executor, userId: string) {
  const [t] = await ex.select().from(userTotp).where(eq(userTotp.userId, userId));
  return t ?? null;
}

export async function unusedRecoveryCodes(ex: Executor, userId: string): Promise<number> {
  const [r] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return Number(r?.n ?? 0);
}
