/**
 * Entry of an inspection worker thread (inspect-pool.ts, piscina): loads the TypeScript task
 * through tsx, so the worker runs the same code whether the server runs under tsx or Vitest.
 */
import { tsImport } from 'tsx/esm/api';

const { inspectTask } = await tsImport('./inspect-task.ts', import.meta.url);

export default inspectTask;
