export { recordsRoutes } from './records.routes.ts';
export { addEntry } from './commands/add-entry.ts';
export { formatDisplayName, finishRecordChange } from './commands/shared.ts';
export { ITEM_TABLES, toRow, fromRow } from './item-tables.ts';
export { findPersonInScope, readRecord } from './records.queries.ts';
