export * from './actor.ts';
export * from './roles.ts';
export * from './scope.ts';
