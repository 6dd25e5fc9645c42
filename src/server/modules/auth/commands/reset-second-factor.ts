import { eq } from 'drizzle-orm';
import { clearAttempts, revokeUserSessions, throttleSubject } from '../../../platform/auth/index.ts';
import { schema, type Tx } from '../../../platform/db/index.ts';

const { userTotp, recoveryCodes } = schema;

/**
 * Removes a user's authenticator and recovery codes, lifts any lockout and ends the user's
 * sessions (the access controller's reset in the office, ADR 0113: the caller checks who may and
 * writes the audit event in the same transaction). The next sign-in enrols a new authenticator.
 */
export async function removeSecondFactor(
  tx: Tx,
  user: { id: string; nationalId: string },
): Promise<{ hadTotp: boolean }> {
  const gone = await tx
    .delete(userTotp)
    .where(eq(userTotp.userId, user.id))
    .returning({ id: userTotp.userId });
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
  await clearAttempts(tx, throttleSubject(user.nationalId));
  await revokeUserSessions(tx, user.id);
  return { hadTotp: gone.length > 0 };
}
