/**
 * Public API of the pure domain layer (no I/O; runs on the server and in the browser).
 * The record item schemas are imported from './record/index.ts' directly.
 */
export * from './address.ts';
export * from './business-days.ts';
export * from './civil-date.ts';
export * from './fiscal-year.ts';
export * from './iso-date.ts';
export * from './national-id.ts';
export * from './retirement.ts';
export * from './separation-of-duties.ts';
export * from './thai-date.ts';
export * from './thai-digits.ts';
