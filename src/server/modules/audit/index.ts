export { auditChainRoutes, auditRoutes } from './audit.routes.ts';
export { createAuditCheckpoint, startCheckpointTimer } from './commands/create-checkpoint.ts';
export { auditChainStatus, auditCheckpointExport } from './queries.ts';
