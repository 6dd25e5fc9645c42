import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** postgres://… for PostgreSQL; unset → embedded PGlite under DATA_DIR/db. */
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.string().url().optional()),
  DATA_DIR: z.string().default('./data'),
  /** Load the demo data set (and demo accounts) on first start. */
  DEMO_DATA: z.enum(['auto', 'on', 'off']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Session limits (NIST SP 800-63B AAL2, security-goals §2): idle 30 min, absolute 12 h. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  /** Cookies are Secure by default (browsers accept Secure cookies on http://localhost). */
  COOKIE_SECURE: z.enum(['true', 'false']).default('true'),
  /** Trust X-Forwarded-For only behind a known reverse proxy. */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  LOGIN_MAX_PER_CLIENT_PER_15MIN: z.coerce.number().int().positive().default(50),
});

export type Config = Readonly<{
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demoData: 'auto' | 'on' | 'off';
  logLevel: string;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  loginMaxPerClient: number;
}>;

/** The only reader of process.env: validated, frozen. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const e = schema.parse(env);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    demoData: e.DEMO_DATA,
    logLevel: e.LOG_LEVEL,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    cookieSecure: e.COOKIE_SECURE === 'true',
    trustProxy: e.TRUST_PROXY === 'true',
    loginMaxPerClient: e.LOGIN_MAX_PER_CLIENT_PER_15MIN,
    ...overrides,
  });
}
