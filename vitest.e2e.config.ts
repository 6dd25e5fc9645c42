import { defineConfig } from 'vitest/config';

/**
 * Browser journeys (Chromium via playwright-core) against the real server. `npm run test:e2e`
 * builds the web app first; the global setup starts the server on a free port with a fresh DB.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    env: { TZ: 'UTC' },
  },
});
