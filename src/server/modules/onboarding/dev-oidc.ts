import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { DEV_CITIZENS } from './dev-citizens.ts';

const SCOPE = 'openid pid profile';

/**
 * A local OpenID Provider standing in for ThaiD in development and tests, mounted at /dev-oidc
 * only when OIDC_DEV_PROVIDER=1. Same protocol as the real client expects: authorization code
 * with PKCE (required), state and nonce, confidential client, ThaiD-shaped claims (pid, title,
 * given_name, family_name, birthdate, ial) in the ID token. Its login form accepts a 13-digit ID
 * of DEV_CITIZENS without a password — never enable it in production.
 */
export async function mountDevOidcProvider(app: FastifyInstance): Promise<void> {
  const cfg = app.khruConfig.oidc;
  if (!cfg.devProvider || !cfg.issuer || !cfg.clientId || !cfg.clientSecret) return;
  // Loaded only when enabled: production never loads the development provider.
  const { default: Provider } = await import('oidc-provider');
  const provider = new Provider(cfg.issuer, {
    clients: [
      {
        client_id: cfg.clientId,
        client_secret: cfg.clientSecret,
        redirect_uris: [cfg.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    scopes: ['openid', 'pid', 'profile'],
    claims: {
      openid: ['sub'],
      pid: ['pid', 'ial'],
      profile: ['title', 'given_name', 'family_name', 'birthdate', 'name'],
    },
    conformIdTokenClaims: false,
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, sub) {
      const c = DEV_CITIZENS.find((x) => x.pid === sub);
      if (!c) return undefined;
      return {
        accountId: sub,
        claims: async () => ({ sub, ...c, name: `${c.title}${c.given_name} ${c.family_name}` }),
      };
    },
    // First-party client: no consent screen; the grant covers exactly our scope.
    async loadExistingGrant(ctx) {
      const oidc = ctx.oidc;
      const clientId = oidc.client!.clientId;
      const existing = oidc.session!.grantIdFor(clientId);
      if (existing) return oidc.provider.Grant.find(existing);
      const grant = new oidc.provider.Grant({ clientId, accountId: oidc.session!.accountId! });
      grant.addOIDCScope(SCOPE);
      await grant.save();
      return grant;
    },
  });
  const handler = provider.callback();
  await app.register(async (sub) => {
    // The provider reads its own request bodies (forms, token requests).
    sub.removeAllContentTypeParsers();
    sub.addContentTypeParser('*', (_req, _payload, done) => done(null));
    sub.all('/dev-oidc/*', { config: { auth: 'public' }, schema: { hide: true } }, (req, reply) => {
      reply.hijack();
      // Mounted under a path: the provider derives its URLs from originalUrl vs url (as under Express).
      (req.raw as { originalUrl?: string }).originalUrl = req.raw.url;
      req.raw.url = req.raw.url!.replace(/^\/dev-oidc/, '') || '/';
      handler(req.raw, reply.raw);
    });
  });
}
