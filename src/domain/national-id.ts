/**
 * Thai 13-digit national ID (เลขประจำตัวประชาชน), ระเบียบ ก.ค.ศ. คู่มือ ข้อ 3.2.3.
 * Check digit: d13 = (11 − Σ_{i=1..12} d_i·(14−i) mod 11) mod 10.
 * Note: the checksum cannot detect every typo (any change to digit 3 passes), so it is a
 * format check, never proof of identity.
 */
export function normalizeNationalId(input: string): string {
  // Accept Thai digits and the usual separators (X-XXXX-XXXXX-XX-X).
  return input.replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50)).replace(/[\s-]/g, '');
}

/** Computes the check digit for the first 12 digits. */
export function nationalIdCheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (13 - i);
  return (11 - (sum % 11)) % 10;
}

export type NationalIdProblem = 'format' | 'checksum';

/** Returns null when valid, or the kind of problem. */
export function nationalIdProblem(id: string): NationalIdProblem | null {
  if (!/^\d{13}$/.test(id)) return 'format';
  return nationalIdCheckDigit(id.slice(0, 12)) === Number(id[12]) ? null : 'checksum';
}

export function isValidNationalId(id: string): boolean {
  return nationalIdProblem(id) === null;
}

/** Display format X-XXXX-XXXXX-XX-X. */
export function formatNationalId(id: string): string {
  return `${id.slice(0, 1)}-${id.slice(1, 5)}-${id.slice(5, 10)}-${id.slice(10, 12)}-${id.slice(12)}`;
}

/** Masks all but the last 4 digits, for logs and lists where the full ID is not needed. */
export function maskNationalId(id: string): string {
  return `${'x'.repeat(9)}${id.slice(9)}`;
}
