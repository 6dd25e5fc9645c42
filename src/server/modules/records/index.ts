export { addEntry } from './commands/add-entry.ts';
export { finishRecordChange, formatDisplayName } from './commands/shared.ts';
export { fromRow, ITEM_TABLES, toRow } from './item-tables.ts';
export { findPersonInScope, readRecord } from './records.queries.ts';
export { recordsRoutes } from './records.routes.ts';
