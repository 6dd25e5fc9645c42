import { and, eq, gt, isNull } from 'drizzle-orm';
import { type Executor, schema } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/errors.ts';

const { oidcLogins } = schema;

/**
 * Marks a Digital ID login used and returns it — once only, and only within its time to live.
 * Throws badCredentials when there is no such unused, unexpired login.
 */
export async function consumeOidcLogin(ex: Executor, id: string, ttlMs: number) {
  const [login] = await ex
    .update(oidcLogins)
    .set({ usedAt: new Date().toISOString() })
    .where(
      and(
        eq(oidcLogins.id, id),
        isNull(oidcLogins.usedAt),
        gt(oidcLogins.createdAt, new Date(Date.now() - ttlMs).toISOString()),
      ),
    )
    .returning();
  if (!login) throw new AppError('badCredentials');
  return login;
}
