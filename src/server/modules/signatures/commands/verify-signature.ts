import { desc, eq } from 'drizzle-orm';
import { canonicalJson } from '../../../platform/audit/index.ts';
import { personAccess } from '../../../platform/authz/index.ts';
import { schema } from '../../../platform/db/index.ts';
import type { AuthedCtx } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { findPersonInScope } from '../../records/index.ts';
import { SIGN_DECISIONS, type SignDecision } from '../decisions.ts';
import { changedItems, recordSnapshot, sha256Hex } from '../snapshot.ts';
import { verifyAssertion } from '../verify-assertion.ts';

const { signatures, signingCredentials, users } = schema;

export const CHANGED_AFTER_SIGNING = 'ข้อมูลถูกแก้ไขหลังลงนาม';

/**
 * Re-verifies a stored signature for anyone who may read the record: the payload is canonical
 * and hashes to the challenge the authenticator signed, the signature verifies under the
 * signer's registered public key, and the payload names this record. Then compares the signed
 * snapshot with the record now, item by item.
 */
export async function verifySignature(ctx: AuthedCtx, signatureId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(signatureId)) throw new AppError('notFound');
  const [row] = await ctx.h.db
    .select({ s: signatures, c: signingCredentials, signerName: users.displayName })
    .from(signatures)
    .innerJoin(signingCredentials, eq(signingCredentials.credentialId, signatures.credentialId))
    .innerJoin(users, eq(users.id, signatures.userId))
    .where(eq(signatures.id, signatureId));
  if (!row) throw new AppError('notFound');
  const person = await findPersonInScope(ctx.h.db, ctx.actor, row.s.personId);
  if (!person) throw new AppError('notFound');
  const access = await personAccess(ctx.h.db, ctx.actor, person);
  if (access.read.length === 0) throw new AppError('notFound');
  const s = row.s;
  const payload = JSON.parse(s.payload) as {
    personId: string;
    recordVersion: number;
    contentHash: string;
    decision: string;
    signerUserId: string;
  };
  const crypto = await verifyAssertion(
    ctx.cfg,
    s.payload,
    {
      id: s.credentialId,
      rawId: s.credentialId,
      type: 'public-key',
      clientExtensionResults: {},
      response: {
        authenticatorData: s.authenticatorData,
        clientDataJSON: s.clientDataJson,
        signature: s.signature,
      },
    },
    row.c,
    false,
  );
  const bound =
    canonicalJson(payload) === s.payload &&
    sha256Hex(s.payload) === s.payloadHash &&
    payload.personId === s.personId &&
    payload.signerUserId === s.userId &&
    row.c.userId === s.userId &&
    payload.contentHash === s.contentHash &&
    sha256Hex(canonicalJson(s.snapshot)) === s.contentHash;
  const now = await recordSnapshot(ctx.h, s.personId);
  const changed = now ? changedItems(s.snapshot, now.snapshot) : [];
  const valid = crypto.ok && bound;
  return {
    id: s.id,
    valid,
    unchanged: valid && changed.length === 0,
    statusTh: !valid
      ? 'ลายมือชื่ออิเล็กทรอนิกส์ไม่ถูกต้อง'
      : changed.length
        ? CHANGED_AFTER_SIGNING
        : 'ลายมือชื่ออิเล็กทรอนิกส์ถูกต้อง ข้อมูลไม่มีการเปลี่ยนแปลงหลังลงนาม',
    // Which items changed, only among those the reader may read (ADR 0110): a clerk learns
    // that the record changed, not that its discipline entries did.
    changedItems: changed.filter((c) => access.read.includes(c.item)),
    decision: s.decision,
    decisionTh: SIGN_DECISIONS[s.decision as SignDecision]?.th ?? s.decision,
    signerName: row.signerName,
    signedAt: new Date(s.signedAt).toISOString(),
    recordVersion: s.recordVersion,
    currentRecordVersion: now?.recordVersion ?? null,
    evidence: {
      payload: s.payload,
      payloadHash: s.payloadHash,
      credentialId: s.credentialId,
      publicKeyCose: row.c.publicKey,
      authenticatorData: s.authenticatorData,
      clientDataJson: s.clientDataJson,
      signature: s.signature,
      userVerified: s.userVerified,
      rpId: ctx.cfg.webauthnRpId,
    },
  };
}

/** Signatures on one record, newest first (for the record page and printouts). */
export async function listSignatures(ctx: AuthedCtx, personId: string) {
  const person = await findPersonInScope(ctx.h.db, ctx.actor, personId);
  if (!person) throw new AppError('notFound');
  const access = await personAccess(ctx.h.db, ctx.actor, person);
  if (access.read.length === 0) throw new AppError('notFound');
  const rows = await ctx.h.db
    .select({
      id: signatures.id,
      decision: signatures.decision,
      recordVersion: signatures.recordVersion,
      signedAt: signatures.signedAt,
      signerName: users.displayName,
    })
    .from(signatures)
    .innerJoin(users, eq(users.id, signatures.userId))
    .where(eq(signatures.personId, personId))
    .orderBy(desc(signatures.signedAt));
  return rows.map((r) => ({
    ...r,
    decisionTh: SIGN_DECISIONS[r.decision as SignDecision]?.th ?? r.decision,
    signedAt: new Date(r.signedAt).toISOString(),
  }));
}
