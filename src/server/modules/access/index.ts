export { accessRoutes } from './access.routes.ts';
export { grantRole, revokeRole } from './access.commands.ts';
