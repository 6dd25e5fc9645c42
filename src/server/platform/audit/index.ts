export * from './audit.ts';
export * from './bulk.ts';
export * from './checkpoints.ts';
export * from './verify.ts';
