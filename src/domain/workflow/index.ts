export * from './case-data.ts';
export * from './deadlines.ts';
export * from './definitions.ts';
export * from './orders.ts';
export * from './routing.ts';
export * from './transition.ts';
