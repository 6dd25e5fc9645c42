/** Global test setup; database snapshots are prepared here (see tests/support/db.ts). */
export default async function setup(): Promise<void> {}
