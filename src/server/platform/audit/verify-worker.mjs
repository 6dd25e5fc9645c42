/**
 * Worker thread of verifyAuditChain (verify.ts): checks the events from `from` to the end on its
 * own PostgreSQL connection, linking the first to the stored hash of the event before it (the
 * caller's thread checks that one), and posts the range's result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { verifyRange } from './verify-range.mjs';

const { url, from, batchSize } = workerData;
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  const before = await client.query('select hash from audit_events where seq = $1', [from - 1]);
  const query = (text, params) => client.query(text, params).then((r) => r.rows);
  parentPort.postMessage(await verifyRange(query, from, null, before.rows[0]?.hash ?? '', batchSize));
} finally {
  await client.end();
}
