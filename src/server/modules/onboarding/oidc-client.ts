import * as client from 'openid-client';
import type { Config } from '../../config.ts';
import { AppError } from '../../platform/http/errors.ts';

let cached: { key: string; config: Promise<client.Configuration> } | null = null;

/**
 * The OpenID Connect client for Digital ID (ThaiD), configured only from config.ts
 * (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI): the same code talks to
 * the real provider and to the development one.
 */
export function oidcConfiguration(cfg: Config): Promise<client.Configuration> {
  const { issuer, clientId, clientSecret } = cfg.oidc;
  if (!issuer || !clientId) throw new AppError('notFound');
  const key = `${issuer}|${clientId}`;
  if (cached?.key === key) return cached.config;
  const config = client
    .discovery(new URL(issuer), clientId, clientSecret, undefined, {
      // Plain http is only ever the local development provider on localhost.
      execute: issuer.startsWith('http://') ? [client.allowInsecureRequests] : [],
    })
    .catch((e) => {
      cached = null;
      throw e;
    });
  cached = { key, config };
  return config;
}

export { client };
