import { type Executor, schema } from '../../../platform/db/index.ts';

const { oidcLogins } = schema;

/** Stores a Digital ID login in progress (state, nonce, PKCE verifier) under its cookie id. */
export async function startOidcLogin(
  ex: Executor,
  login: { id: string; state: string; nonce: string; codeVerifier: string },
): Promise<void> {
  const { id, state, nonce, codeVerifier } = login;
  await ex.insert(oidcLogins).values({ id, state, nonce, codeVerifier });
}
