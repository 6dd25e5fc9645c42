import { randomBytes } from 'node:crypto';
import { type AuthenticationResponseJSON, generateAuthenticationOptions } from '@simplewebauthn/server';
import { and, eq, isNull } from 'drizzle-orm';
import { formatThaiDate } from '../../../../domain/thai-date.ts';
import { appendAudit, canonicalJson } from '../../../platform/audit/index.ts';
import { schema } from '../../../platform/db/index.ts';
import { type AuthedCtx, auditActor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { SIGN_DECISIONS, type SignDecision } from '../decisions.ts';
import { authoriseSigning, requireRecentAuth } from '../signing-guard.ts';
import { recordSnapshot, sha256Hex } from '../snapshot.ts';
import { verifyAssertion } from '../verify-assertion.ts';

const { signingCredentials, signatures, persons } = schema;

/** How long a prepared payload may wait for the passkey ceremony. */
const PAYLOAD_TTL_MS = 5 * 60_000;

/** Exactly what is signed (canonicalised with RFC 8785 before hashing). */
export type SignedPayload = {
  v: 1;
  type: 'khru.record-signature';
  personId: string;
  recordVersion: number;
  contentHash: string;
  decision: SignDecision;
  signerUserId: string;
  time: string;
  nonce: string;
};

/**
 * Builds what the actor is about to sign — the record version, its content hash, the decision,
 * the time — with a Thai summary to show, and the WebAuthn request options whose challenge is
 * SHA-256(canonical JSON of the payload). Nothing is stored: the payload comes back with the
 * assertion and is checked against the record again.
 */
export async function prepareSigning(ctx: AuthedCtx, personId: string, decision: SignDecision) {
  const person = await authoriseSigning(ctx.h.db, ctx.actor, personId, decision);
  requireRecentAuth(ctx);
  const snap = await recordSnapshot(ctx.h, person.id);
  if (!snap) throw new AppError('notFound');
  const payload: SignedPayload = {
    v: 1,
    type: 'khru.record-signature',
    personId: person.id,
    recordVersion: snap.recordVersion,
    contentHash: snap.contentHash,
    decision,
    signerUserId: ctx.actor.userId,
    time: new Date().toISOString(),
    nonce: randomBytes(16).toString('base64url'),
  };
  const canonical = canonicalJson(payload);
  const hash = Buffer.from(sha256Hex(canonical), 'hex');
  const creds = await ctx.h.db
    .select({ credentialId: signingCredentials.credentialId, transports: signingCredentials.transports })
    .from(signingCredentials)
    .where(and(eq(signingCredentials.userId, ctx.actor.userId), isNull(signingCredentials.revokedAt)));
  const options = await generateAuthenticationOptions({
    rpID: ctx.cfg.webauthnRpId,
    challenge: new Uint8Array(hash),
    userVerification: 'required',
    allowCredentials: creds.map((c) => ({
      id: c.credentialId,
      transports: (c.transports ?? undefined) as never,
    })),
    timeout: 120_000,
  });
  const d = SIGN_DECISIONS[decision];
  const when = formatThaiDate(new Date(payload.time).toISOString().slice(0, 10), { style: 'long' });
  return {
    summaryTh: `${d.th} — ทะเบียนประวัติ (ก.ค.ศ.๑๖) ของ ${snap.displayName} ฉบับแก้ไขครั้งที่ ${snap.recordVersion} รหัสตรวจสอบเนื้อหา ${snap.contentHash.slice(0, 16)}… ลงนามโดย ${ctx.actor.displayName} วันที่ ${when} (${d.clause})`,
    payload,
    canonical,
    payloadHash: sha256Hex(canonical),
    hasCredential: creds.length > 0,
    options,
  };
}

/**
 * Stores a personal signature: the assertion must be by one of the actor's own registered
 * passkeys over SHA-256 of the canonical payload, given within a recent login, and the record
 * must still be exactly the version and content in the payload (otherwise 409: re-read and sign
 * what is there now). The evidence and the signed snapshot are kept for later verification.
 */
export async function signRecord(ctx: AuthedCtx, canonical: string, response: AuthenticationResponseJSON) {
  let payload: SignedPayload;
  try {
    payload = JSON.parse(canonical) as SignedPayload;
  } catch {
    throw new AppError('signatureInvalid');
  }
  if (canonicalJson(payload) !== canonical || payload.type !== 'khru.record-signature' || payload.v !== 1)
    throw new AppError('signatureInvalid');
  if (!(payload.decision in SIGN_DECISIONS)) throw new AppError('signatureInvalid');
  const person = await authoriseSigning(ctx.h.db, ctx.actor, payload.personId, payload.decision);
  requireRecentAuth(ctx);
  const age = Date.now() - new Date(payload.time).getTime();
  if (payload.signerUserId !== ctx.actor.userId || !(age >= -60_000 && age <= PAYLOAD_TTL_MS))
    throw new AppError('signatureInvalid');
  // Only the signer's own passkey counts: another user's credential is refused outright.
  const [cred] = await ctx.h.db
    .select()
    .from(signingCredentials)
    .where(and(eq(signingCredentials.credentialId, response.id), isNull(signingCredentials.revokedAt)));
  if (!cred || cred.userId !== ctx.actor.userId) throw new AppError('forbidden');
  const check = await verifyAssertion(ctx.cfg, canonical, response, cred, true);
  if (!check.ok) throw new AppError('signatureInvalid');
  const snap = await recordSnapshot(ctx.h, person.id);
  if (!snap || snap.recordVersion !== payload.recordVersion || snap.contentHash !== payload.contentHash)
    throw new AppError('conflict');
  return ctx.h.db.transaction(async (tx) => {
    // The record may not change between the check above and the insert.
    const [locked] = await tx
      .select({ recordVersion: persons.recordVersion })
      .from(persons)
      .where(eq(persons.id, person.id))
      .for('update');
    if (locked?.recordVersion !== payload.recordVersion) throw new AppError('conflict');
    const payloadHash = sha256Hex(canonical);
    const [dup] = await tx
      .select({ id: signatures.id })
      .from(signatures)
      .where(eq(signatures.payloadHash, payloadHash));
    if (dup) throw new AppError('duplicate');
    const [row] = await tx
      .insert(signatures)
      .values({
        userId: ctx.actor.userId,
        credentialId: cred.credentialId,
        personId: person.id,
        recordVersion: payload.recordVersion,
        contentHash: payload.contentHash,
        decision: payload.decision,
        payload: canonical,
        payloadHash,
        authenticatorData: response.response.authenticatorData,
        clientDataJson: response.response.clientDataJSON,
        signature: response.response.signature,
        userVerified: check.userVerified,
        snapshot: snap.snapshot as Record<string, unknown>,
      })
      .returning({ id: signatures.id, signedAt: signatures.signedAt });
    await tx
      .update(signingCredentials)
      .set({ counter: check.newCounter, lastUsedAt: new Date().toISOString() })
      .where(eq(signingCredentials.id, cred.id));
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      {
        eventType: 'signature.record.signed',
        entityType: 'signature',
        entityId: row!.id,
        personId: person.id,
        data: {
          decision: payload.decision,
          recordVersion: payload.recordVersion,
          contentHash: payload.contentHash,
          payloadHash,
        },
      },
    ]);
    return { id: row!.id, signedAt: new Date(row!.signedAt).toISOString(), payloadHash };
  });
}
