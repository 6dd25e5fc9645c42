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
  /**
   * Migrations connect here (the owner of the tables) when set; otherwise through DATABASE_URL
   * before the server takes DATABASE_APP_ROLE (ADR 0115).
   */
  MIGRATION_DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.string().url().optional()),
  /** The role every server connection takes (SET ROLE): INSERT/SELECT only on the audit trail. '' = none. */
  DATABASE_APP_ROLE: z
    .string()
    .regex(/^([a-z_][a-z0-9_]{0,62})?$/)
    .default('khru_app'),
  DATA_DIR: z.string().default('./data'),
  /**
   * Signed checkpoints of the audit chain's head (ADR 0115): made at start and then every this
   * many minutes when the chain has grown (0: only on demand). The key lives in
   * AUDIT_CHECKPOINT_KEY_DIR (default DATA_DIR/keys/audit-checkpoint), never in the database.
   */
  AUDIT_CHECKPOINT_MINUTES: z.coerce.number().min(0).default(60),
  AUDIT_CHECKPOINT_KEY_DIR: z.string().optional(),
  /** Load the demo data set (and demo accounts) on first start. */
  DEMO_DATA: z.enum(['auto', 'on', 'off']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Session limits (NIST SP 800-63B AAL2, security-goals §2): idle 30 min, absolute 12 h. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  /**
   * How long a process may keep a resolved session between database notifications of a change
   * to it (ADR 0109); 0 reads every request's session from the database.
   */
  SESSION_CACHE_SECONDS: z.coerce.number().min(0).max(300).default(30),
  /** Cookies are Secure by default (browsers accept Secure cookies on http://localhost). */
  COOKIE_SECURE: z.enum(['true', 'false']).default('true'),
  /** Trust X-Forwarded-For only behind a known reverse proxy. */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  LOGIN_MAX_PER_CLIENT_PER_15MIN: z.coerce.number().int().positive().default(50),
  /** Office seal: a PKCS#12 file (and its password); unset → the development CA under DATA_DIR/keys. */
  SIGNING_P12: z.string().optional(),
  SIGNING_P12_PASSWORD: z.string().optional(),
  /** RFC 3161 timestamp authority (PAdES B-T); unset → B-B. */
  TSA_URL: z.string().url().optional(),
  /** Base URL printed in QR codes (…/verify?t=); defaults to http://localhost:PORT. */
  PUBLIC_BASE_URL: z.string().url().optional(),
  /** Document store: local folder DATA_DIR/store, or an S3-compatible bucket. */
  STORAGE: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_PREFIX: z.string().default(''),
  UPLOAD_MAX_MB: z.coerce.number().positive().default(20),
  VERIFY_MAX_PER_MINUTE: z.coerce.number().int().positive().default(60),
  /** Personal signatures (WebAuthn, ADR 0107): relying-party id and accepted origins (comma-separated). */
  WEBAUTHN_RP_ID: z.string().default('localhost'),
  WEBAUTHN_ORIGINS: z.string().optional(),
  /** Signing needs a login (or re-authentication) at most this many minutes old. */
  SIGNING_MAX_AUTH_AGE_MINUTES: z.coerce.number().positive().default(5),
  /**
   * Digital ID (ThaiD) over OpenID Connect (ข้อ 3.2). OIDC_DEV_PROVIDER=1 mounts a local provider at
   * /dev-oidc with ThaiD-shaped claims and points the client at it unless OIDC_ISSUER is set.
   */
  OIDC_DEV_PROVIDER: z.enum(['0', '1']).default('0'),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_REDIRECT_URI: z.string().url().optional(),
  /**
   * Digital ID counts as a staff member's second factor (ADR 0113) only when its ID token's
   * assurance level (ThaiD `ial` claim, e.g. 2.3) is at least this; below it, the session still
   * asks for the TOTP code (or enrolment) like a password sign-in.
   */
  OIDC_MIN_IAL_FOR_STAFF: z.coerce.number().min(0).max(3).default(2.3),
});

export type Config = Readonly<{
  port: number;
  host: string;
  databaseUrl: string | undefined;
  migrationDatabaseUrl: string | undefined;
  /** null: connections keep the login role. */
  databaseAppRole: string | null;
  dataDir: string;
  auditCheckpointMs: number;
  auditCheckpointKeyDir: string;
  demoData: 'auto' | 'on' | 'off';
  logLevel: string;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  sessionCacheMs: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  loginMaxPerClient: number;
  signingP12: string | undefined;
  signingP12Password: string | undefined;
  tsaUrl: string | undefined;
  publicBaseUrl: string;
  storage: 'local' | 's3';
  s3: {
    endpoint?: string;
    region: string;
    bucket?: string;
    accessKeyId?: string;
    secretAccessKey?: string;
    prefix: string;
  };
  uploadMaxBytes: number;
  verifyMaxPerMinute: number;
  webauthnRpId: string;
  webauthnOrigins: string[];
  signingMaxAuthAgeMs: number;
  oidc: {
    devProvider: boolean;
    issuer: string | undefined;
    clientId: string | undefined;
    clientSecret: string | undefined;
    redirectUri: string;
    /** The Digital ID assurance level that counts as a second factor (ADR 0113). */
    minIalForStaff: number;
  };
}>;

/** The only reader of process.env: validated, frozen. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const e = schema.parse(env);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    migrationDatabaseUrl: e.MIGRATION_DATABASE_URL,
    databaseAppRole: e.DATABASE_APP_ROLE || null,
    dataDir: path.resolve(e.DATA_DIR),
    auditCheckpointMs: Math.round(e.AUDIT_CHECKPOINT_MINUTES * 60_000),
    auditCheckpointKeyDir: path.resolve(
      e.AUDIT_CHECKPOINT_KEY_DIR ?? path.join(e.DATA_DIR, 'keys', 'audit-checkpoint'),
    ),
    demoData: e.DEMO_DATA,
    logLevel: e.LOG_LEVEL,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    sessionCacheMs: Math.round(e.SESSION_CACHE_SECONDS * 1000),
    cookieSecure: e.COOKIE_SECURE === 'true',
    trustProxy: e.TRUST_PROXY === 'true',
    loginMaxPerClient: e.LOGIN_MAX_PER_CLIENT_PER_15MIN,
    signingP12: e.SIGNING_P12,
    signingP12Password: e.SIGNING_P12_PASSWORD,
    tsaUrl: e.TSA_URL,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    storage: e.STORAGE,
    s3: {
      endpoint: e.S3_ENDPOINT,
      region: e.S3_REGION,
      bucket: e.S3_BUCKET,
      accessKeyId: e.S3_ACCESS_KEY_ID,
      secretAccessKey: e.S3_SECRET_ACCESS_KEY,
      prefix: e.S3_PREFIX,
    },
    uploadMaxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
    verifyMaxPerMinute: e.VERIFY_MAX_PER_MINUTE,
    webauthnRpId: e.WEBAUTHN_RP_ID,
    webauthnOrigins: (e.WEBAUTHN_ORIGINS ?? e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`)
      .split(',')
      .map((o) => o.trim().replace(/\/$/, ''))
      .filter(Boolean),
    signingMaxAuthAgeMs: e.SIGNING_MAX_AUTH_AGE_MINUTES * 60_000,
    oidc: oidcConfig(e),
    ...overrides,
  });
}

function oidcConfig(e: z.output<typeof schema>): Config['oidc'] {
  const base = (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const dev = e.OIDC_DEV_PROVIDER === '1';
  return {
    devProvider: dev,
    issuer: e.OIDC_ISSUER ?? (dev ? `${base}/dev-oidc` : undefined),
    clientId: e.OIDC_CLIENT_ID ?? (dev ? 'khru-dev' : undefined),
    clientSecret: e.OIDC_CLIENT_SECRET ?? (dev ? 'khru-dev-secret-not-for-production' : undefined),
    redirectUri: e.OIDC_REDIRECT_URI ?? `${base}/api/auth/oidc/callback`,
    minIalForStaff: e.OIDC_MIN_IAL_FOR_STAFF,
  };
}
