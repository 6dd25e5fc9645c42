import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config.ts';

/** Masks anything that looks like a national ID, so none reaches a log line (ASVS 14.2.1, 16.2.5). */
export function maskIds(s: string): string {
  return s.replace(/\d{13}/g, (m) => `xxxxxxxxx${m.slice(9)}`);
}

type ErrLike = Error & { code?: unknown; query?: unknown; cause?: unknown; statusCode?: unknown };

/**
 * What a log line may say about an error (issue 17 §4, ADR 0114): its type, codes and where it
 * was thrown — never its message, detail or parameters. A database error's message carries the
 * SQL parameters (Drizzle: "Failed query … params: …") and PostgreSQL's detail carries values
 * ("Key (national_id)=(…)"), i.e. record content; the parameterised SQL text (placeholders only)
 * and the SQLSTATE are kept because they are what an operator needs.
 */
export function serializeError(err: unknown): {
  type: string;
  message: string;
  stack: string;
  [k: string]: unknown;
} {
  if (!(err instanceof Error)) return { type: typeof err, message: 'withheld', stack: '' };
  const e = err as ErrLike;
  const cause = e.cause instanceof Error ? (e.cause as ErrLike) : undefined;
  const frames = (e.stack ?? '')
    .split('\n')
    .filter((l) => l.startsWith('    at '))
    .slice(0, 12)
    .join('\n');
  return {
    type: e.constructor?.name ?? e.name,
    message: 'withheld (may carry record content); see type, code and sql',
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
    ...(typeof e.statusCode === 'number' ? { statusCode: e.statusCode } : {}),
    ...(typeof e.query === 'string' ? { sql: e.query.slice(0, 2000) } : {}),
    ...(cause
      ? {
          cause: {
            type: cause.constructor?.name ?? cause.name,
            ...(typeof cause.code === 'string' ? { code: cause.code } : {}),
          },
        }
      : {}),
    stack: frames,
  };
}

export function logOptions(cfg: Config): FastifyServerOptions['logger'] {
  return {
    level: cfg.logLevel,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
      remove: true,
    },
    serializers: {
      err: serializeError,
      req: (req: { method: string; url: string; id: string; ip?: string }) => ({
        id: req.id,
        method: req.method,
        url: maskIds(req.url),
      }),
    },
  };
}
