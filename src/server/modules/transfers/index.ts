export { revokeRolesOf } from './commands/shared.ts';
export { transfersRoutes } from './transfers.routes.ts';
