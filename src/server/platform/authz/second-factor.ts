import type { ActiveAssignment } from './actor.ts';
import { ROLE_DEFS } from './roles.ts';

/**
 * Who must sign in with two factors (ADR 0113; ASVS 6.3.3, NIST SP 800-63B-4 AAL2): anyone whose
 * role lets them read other people's records ('record.read' in ROLE_DEFS — today every role of
 * ข้อ 1). A record owner without a role may sign in with a password alone.
 */
export function needsSecondFactor(assignments: readonly Pick<ActiveAssignment, 'role'>[]): boolean {
  return assignments.some((a) => ROLE_DEFS[a.role]?.permissions.includes('record.read'));
}

/**
 * Sign-in methods that are already multi-factor: password then TOTP or recovery code, a passkey,
 * Digital ID at or above the configured level ('oidc'; below it the session is 'oidc-low').
 */
export const MULTI_FACTOR_METHODS: ReadonlySet<string> = new Set([
  'password+totp',
  'password+recovery',
  'oidc',
  'oidc-low+totp',
  'oidc-low+recovery',
  'passkey',
]);

/**
 * What a session still owes before it may do anything but finish signing in: 'totp' when the
 * user has an authenticator (owners who enrolled one too) and signed in with one factor;
 * 'enrol' when the user needs a second factor and has none; null otherwise.
 */
export function pendingSecondFactor(
  authMethod: string,
  totpEnrolled: boolean,
  assignments: readonly Pick<ActiveAssignment, 'role'>[],
): 'totp' | 'enrol' | null {
  if (MULTI_FACTOR_METHODS.has(authMethod)) return null;
  if (totpEnrolled) return 'totp';
  return needsSecondFactor(assignments) ? 'enrol' : null;
}
