export { grantRole, revokeRole } from './access.commands.ts';
export { accessRoutes } from './access.routes.ts';
