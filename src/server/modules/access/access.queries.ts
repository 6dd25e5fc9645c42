import { eq } from 'drizzle-orm';
import { loadPersonAccess } from '../../platform/authz/index.ts';
import { schema } from '../../platform/db/index.ts';
import type { AuthedCtx } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { administersPath } from './access.commands.ts';

const { offices, persons, userTotp, users } = schema;

/**
 * What the access controller needs to help a person who cannot sign in (ADR 0113): whether the
 * person has an account, whether it has a confirmed authenticator, when it last signed in — no
 * secret, no code. A person the caller cannot see is 404; one he sees but does not administer
 * (not an access controller of the person's office) is 403.
 */
export async function personSignIn(ctx: AuthedCtx, personId: string) {
  if (!(await loadPersonAccess(ctx.h.db, ctx.actor, personId))) throw new AppError('notFound');
  const [p] = await ctx.h.db
    .select({ path: offices.path })
    .from(persons)
    .leftJoin(offices, eq(offices.id, persons.officeId))
    .where(eq(persons.id, personId));
  if (!p || !(await administersPath(ctx, p.path))) throw new AppError('forbidden');
  const [row] = await ctx.h.db
    .select({ userId: users.id, confirmedAt: userTotp.confirmedAt, lastLoginAt: users.lastLoginAt })
    .from(users)
    .leftJoin(userTotp, eq(userTotp.userId, users.id))
    .where(eq(users.personId, personId));
  if (!row) return null;
  return {
    userId: row.userId,
    authenticator: row.confirmedAt != null,
    lastLoginAt: row.lastLoginAt ?? null,
    isSelf: row.userId === ctx.actor.userId,
  };
}
