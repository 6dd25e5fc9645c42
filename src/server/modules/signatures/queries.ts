import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.ts';
import { schema } from '../../platform/db/index.ts';

/** A user's signing credentials (passkeys) that are not revoked. */
export async function activeCredentialsOf(ex: Executor, userId: string) {
  const c = schema.signingCredentials;
  return ex
    .select({
      id: c.id,
      credentialId: c.credentialId,
      label: c.label,
      createdAt: c.createdAt,
      lastUsedAt: c.lastUsedAt,
    })
    .from(c)
    .where(and(eq(c.userId, userId), isNull(c.revokedAt)));
}
