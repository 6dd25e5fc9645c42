/**
 * Thai digits (เลขไทย ๐–๙, U+0E50–U+0E59). Printed documents may show numbers in Thai digits;
 * stored data always uses ASCII digits, and input is normalised with fromThaiDigits.
 */

const THAI_ZERO = 0x0e50;

/** Replaces every ASCII digit 0–9 with the Thai digit of the same value; other characters are kept. */
export function toThaiDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + d.charCodeAt(0) - 0x30));
}

/** Replaces every Thai digit ๐–๙ with the ASCII digit of the same value; other characters are kept. */
export function fromThaiDigits(s: string): string {
  return s.replace(/[\u0E50-\u0E59]/g, (d) => String.fromCharCode(0x30 + d.charCodeAt(0) - THAI_ZERO));
}
