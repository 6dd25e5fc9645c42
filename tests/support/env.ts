/** Which database the tests run on: KHRU_TEST_DB=pglite|postgres (postgres needs DATABASE_URL). */
export function testDbKind(): 'pglite' | 'postgres' {
  const k = process.env.KHRU_TEST_DB ?? 'pglite';
  if (k === 'postgres' && !process.env.DATABASE_URL)
    throw new Error('KHRU_TEST_DB=postgres needs DATABASE_URL');
  return k === 'postgres' ? 'postgres' : 'pglite';
}

/** DATABASE_URL with another database name (for the template and per-file clones). */
export function adminUrl(db?: string): string {
  const u = new URL(process.env.DATABASE_URL!);
  if (db) u.pathname = `/${db}`;
  return u.toString();
}
