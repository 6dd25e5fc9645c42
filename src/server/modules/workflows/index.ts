export { loadHolidays, workflowRolesFor, workflowRolesOver } from './workflow-roles.ts';
export { workflowsRoutes } from './workflows.routes.ts';
