import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config.ts';

/** Masks anything that looks like a national ID, so none reaches a log line (ASVS 14.2.1, 16.2.5). */
export function maskIds(s: string): string {
  return s.replace(/\d{13}/g, (m) => `xxxxxxxxx${m.slice(9)}`);
}

export function logOptions(cfg: Config): FastifyServerOptions['logger'] {
  return {
    level: cfg.logLevel,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
      remove: true,
    },
    serializers: {
      req: (req: { method: string; url: string; id: string; ip?: string }) => ({
        id: req.id,
        method: req.method,
        url: maskIds(req.url),
      }),
    },
  };
}
