/**
 * The small part of oidc-provider 9 (ships no types) that the development provider uses.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  type Grant = {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  };
  type GrantCtor = {
    new (init: { clientId: string; accountId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  };
  export type KoaContextWithOIDC = {
    oidc: {
      client?: { clientId: string };
      session?: { accountId?: string; grantIdFor(clientId: string): string | undefined };
      provider: { Grant: GrantCtor };
    };
  };
  type Account = { accountId: string; claims(): Promise<Record<string, unknown>> };

  export default class Provider {
    constructor(
      issuer: string,
      configuration: {
        clients: Record<string, unknown>[];
        pkce?: { required: () => boolean };
        scopes?: string[];
        claims?: Record<string, string[]>;
        conformIdTokenClaims?: boolean;
        cookies?: { keys: string[] };
        features?: Record<string, { enabled: boolean }>;
        findAccount(ctx: KoaContextWithOIDC, sub: string): Promise<Account | undefined>;
        loadExistingGrant?(ctx: KoaContextWithOIDC): Promise<Grant | undefined>;
      },
    );
    proxy: boolean;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}
