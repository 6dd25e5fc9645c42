export { loadHolidays, workflowRolesFor, workflowRolesOver } from './workflow-roles.ts';
export { findCaseInScope, presentCase } from './workflows.queries.ts';
export { workflowsRoutes } from './workflows.routes.ts';
