export * from './actor.ts';
export * from './authorize.ts';
export * from './roles.ts';
export * from './scope.ts';
export * from './second-factor.ts';
