export * from './documents.ts';
export * from './enums.ts';
export * from './items.ts';
export * from './primitives.ts';
export type * from './record-view.ts';
