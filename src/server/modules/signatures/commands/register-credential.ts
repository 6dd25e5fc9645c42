import {
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/index.ts';
import { schema } from '../../../platform/db/index.ts';
import { type AuthedCtx, auditActor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { requireRecentAuth } from '../signing-guard.ts';

const { signingCredentials, webauthnChallenges } = schema;
const CHALLENGE_TTL_MS = 5 * 60_000;

/** Options for registering a signing passkey (a fresh, single-use challenge stored server-side). */
export async function registrationOptions(ctx: AuthedCtx) {
  requireRecentAuth(ctx);
  const existing = await ctx.h.db
    .select({ credentialId: signingCredentials.credentialId })
    .from(signingCredentials)
    .where(and(eq(signingCredentials.userId, ctx.actor.userId), isNull(signingCredentials.revokedAt)));
  const options = await generateRegistrationOptions({
    rpName: 'Khru — ทะเบียนประวัติ ก.ค.ศ.๑๖',
    rpID: ctx.cfg.webauthnRpId,
    userName: ctx.actor.displayName,
    userDisplayName: ctx.actor.displayName,
    userID: new TextEncoder().encode(ctx.actor.userId),
    attestationType: 'none',
    excludeCredentials: existing.map((c) => ({ id: c.credentialId })),
    // The key must be protected by the person's PIN/biometric: sole control (ETA s.26(2)).
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
    supportedAlgorithmIDs: [-7, -257, -8],
  });
  await ctx.h.db.insert(webauthnChallenges).values({
    userId: ctx.actor.userId,
    challenge: options.challenge,
    expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS).toISOString(),
  });
  return options;
}

/**
 * The authenticator's clientDataJSON (base64url JSON, WebAuthn §5.8.1): missing or unreadable is
 * the caller's mistake (400 naming the field), never a 500 (issue 17 §4, fuzz corpus).
 */
function parseClientData(raw: unknown): { challenge?: string } {
  const field = 'response.response.clientDataJSON';
  if (typeof raw !== 'string' || raw === '')
    throw new AppError('validation', [{ field, messageKey: 'err.required' }]);
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (v && typeof v === 'object') return v as { challenge?: string };
  } catch {
    // fall through: not JSON
  }
  throw new AppError('validation', [{ field, messageKey: 'err.invalid' }]);
}

/** Verifies the authenticator's registration response and stores the credential's public key. */
export async function registerCredential(
  ctx: AuthedCtx,
  response: RegistrationResponseJSON,
  label: string | null,
) {
  requireRecentAuth(ctx);
  const clientData = parseClientData(response.response?.clientDataJSON);
  return ctx.h.db.transaction(async (tx) => {
    const [ch] = await tx
      .update(webauthnChallenges)
      .set({ usedAt: new Date().toISOString() })
      .where(
        and(
          eq(webauthnChallenges.userId, ctx.actor.userId),
          eq(webauthnChallenges.challenge, clientData.challenge ?? ''),
          isNull(webauthnChallenges.usedAt),
          gt(webauthnChallenges.expiresAt, new Date().toISOString()),
        ),
      )
      .returning();
    if (!ch) throw new AppError('signatureInvalid');
    let v: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
    try {
      v = await verifyRegistrationResponse({
        response,
        expectedChallenge: ch.challenge,
        expectedOrigin: ctx.cfg.webauthnOrigins,
        expectedRPID: ctx.cfg.webauthnRpId,
        requireUserVerification: true,
      });
    } catch {
      throw new AppError('signatureInvalid');
    }
    if (!v.verified) throw new AppError('signatureInvalid');
    const cred = v.registrationInfo.credential;
    const [dup] = await tx
      .select({ id: signingCredentials.id })
      .from(signingCredentials)
      .where(eq(signingCredentials.credentialId, cred.id));
    if (dup) throw new AppError('duplicate');
    const [row] = await tx
      .insert(signingCredentials)
      .values({
        userId: ctx.actor.userId,
        credentialId: cred.id,
        publicKey: isoBase64URL.fromBuffer(cred.publicKey),
        counter: cred.counter,
        transports: cred.transports ?? null,
        label,
      })
      .returning();
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      {
        eventType: 'signature.credential.registered',
        entityType: 'signing_credential',
        entityId: row!.id,
        data: { credentialId: cred.id },
      },
    ]);
    return {
      id: row!.id,
      credentialId: cred.id,
      label: row!.label,
      createdAt: new Date(row!.createdAt).toISOString(),
    };
  });
}
