export * from './audit.ts';
export * from './verify.ts';
