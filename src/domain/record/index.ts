export * from './documents.ts';
export * from './enums.ts';
export * from './items.ts';
export * from './primitives.ts';
export * from './protected-fields.ts';
export type * from './record-view.ts';
