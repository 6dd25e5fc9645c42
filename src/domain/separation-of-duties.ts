/**
 * Separation of duties between the roles of ระเบียบ ก.ค.ศ. คู่มือ ข้อ 1–3 (ADR 0110).
 *
 * The manual gives entering and certifying to different people: the director assigns staff to
 * be the access controller, the records officer and the data-entry clerk (ข้อ 2.2.1); the
 * officer or clerk records and checks the data (ข้อ 3.3, 3.5, 4.4), and only then does the
 * certifier (ผู้รับรองทะเบียนประวัติ, ข้อ 1.1) sign to certify that the record is correct
 * (ข้อ 3.4). A certification by the person who entered the data checks nothing (ASVS 5.0
 * 2.3.5, "multi-user approval"; security goal RS-A5: "0 self-approval paths"). So one person
 * may not hold an entering role and the certifying role over the same records: in the same
 * office, or in offices one of which lies under the other (the certifier of a district office
 * certifies the records of its schools).
 */

/** Roles that enter record data (ข้อ 1.3, 1.4). */
export const ENTERING_ROLES = ['records_officer', 'data_entry_clerk'] as const;
/** Roles that certify record data (ข้อ 1.1). */
export const CERTIFYING_ROLES = ['certifier'] as const;

/** Pairs of roles one person may not hold over the same records. */
export const INCOMPATIBLE_ROLES: readonly (readonly [string, string])[] = ENTERING_ROLES.flatMap((e) =>
  CERTIFYING_ROLES.map((c) => [e, c] as const),
);

export function rolesIncompatible(a: string, b: string): boolean {
  return INCOMPATIBLE_ROLES.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

/** Two office paths ("/OTEPC/OBEC/SPP-KK1/") reach common records when one contains the other. */
export function officesOverlap(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

export type HeldRole = { role: string; officePath: string };

/**
 * The first role the person already holds that the new role may not be combined with, or
 * null when the combination keeps entering and certifying apart.
 */
export function dutyConflict(role: string, officePath: string, held: readonly HeldRole[]): HeldRole | null {
  return (
    held.find((h) => rolesIncompatible(role, h.role) && officesOverlap(officePath, h.officePath)) ?? null
  );
}
