export { exchangeRoutes } from './exchange.routes.ts';
export * from './export.ts';
export * from './format.ts';
export * from './importer.ts';
export * from './sources.ts';
export { uuidFrom } from './validate.ts';
