import type { Actor } from '../../platform/authz/index.ts';
import type { Executor } from '../../platform/db/index.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { findPersonInScope } from '../records/index.ts';
import { workflowRolesOver } from '../workflows/index.ts';
import { SIGN_DECISIONS, type SignDecision } from './decisions.ts';

/**
 * Signing is a step-up action: the session's last real authentication must be recent
 * (SIGNING_MAX_AUTH_AGE_MINUTES, 5 by default), otherwise 403 reauthRequired and the client
 * calls POST /api/auth/reauth — so an unattended open session cannot be used to sign.
 */
export function requireRecentAuth(ctx: Ctx & { actor: Actor }, now = Date.now()): void {
  if (now - new Date(ctx.actor.authTime).getTime() > ctx.cfg.signingMaxAuthAgeMs)
    throw new AppError('reauthRequired');
}

/**
 * Loads the person in scope (404) and checks the actor may give this decision on the record
 * (403): the owner attests her own record; the records officer and the certifier must reach the
 * person in that role and may not sign their own record in it.
 */
export async function authoriseSigning(ex: Executor, actor: Actor, personId: string, decision: SignDecision) {
  const person = await findPersonInScope(ex, actor, personId);
  if (!person) throw new AppError('notFound');
  const need = SIGN_DECISIONS[decision].role;
  const isOwner = actor.personId === person.id;
  if (need === 'owner') {
    if (!isOwner) throw new AppError('forbidden');
  } else {
    if (isOwner) throw new AppError('selfApproval');
    const roles = await workflowRolesOver(ex, actor, person);
    if (!roles.has(need)) throw new AppError('forbidden');
  }
  return person;
}
