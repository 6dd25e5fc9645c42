import type { DbHandle } from '../../platform/db/index.ts';
import type { SignDecision } from './decisions.ts';

/** One personal signature on a record, as printed in a signature block and embedded as evidence. */
export type RecordSignature = {
  id: string;
  decision: SignDecision;
  signerName: string;
  /** The signer's current position title, for the certifier's "ตำแหน่ง" line. */
  signerPosition: string | null;
  signedAt: string;
  recordVersion: number;
  contentHash: string;
  /** Everything a third party needs to re-verify the WebAuthn assertion (ADR 0107). */
  evidence: {
    credentialId: string;
    publicKeyCose: string;
    payload: string;
    payloadHash: string;
    authenticatorData: string;
    clientDataJson: string;
    signature: string;
    userVerified: boolean;
  };
};

/**
 * The personal signatures given on a person's record, oldest first: the owner's attestation,
 * the officer's verification and the certifier's certification (ข้อ 3.2–3.4).
 */
export async function recordSignatures(h: DbHandle, personId: string): Promise<RecordSignature[]> {
  const rows = await h.query<{
    id: string;
    decision: SignDecision;
    signer_name: string;
    signer_position: string | null;
    signed_at: string | Date;
    record_version: number;
    content_hash: string;
    credential_id: string;
    public_key: string | null;
    payload: string;
    payload_hash: string;
    authenticator_data: string;
    client_data_json: string;
    signature: string;
    user_verified: boolean;
  }>(
    `select s.id, s.decision, u.display_name as signer_name, p.current_position_title as signer_position,
            s.signed_at, s.record_version, s.content_hash, s.credential_id, c.public_key, s.payload, s.payload_hash,
            s.authenticator_data, s.client_data_json, s.signature, s.user_verified
       from signatures s
       join users u on u.id = s.user_id
       left join persons p on p.id = u.person_id
       left join signing_credentials c on c.credential_id = s.credential_id and c.user_id = s.user_id
      where s.person_id = $1
      order by s.signed_at, s.id`,
    [personId],
  );
  return rows.map((r) => ({
    id: r.id,
    decision: r.decision,
    signerName: r.signer_name,
    signerPosition: r.signer_position,
    signedAt: new Date(r.signed_at).toISOString(),
    recordVersion: Number(r.record_version),
    contentHash: r.content_hash,
    evidence: {
      credentialId: r.credential_id,
      publicKeyCose: r.public_key ?? '',
      payload: r.payload,
      payloadHash: r.payload_hash,
      authenticatorData: r.authenticator_data,
      clientDataJson: r.client_data_json,
      signature: r.signature,
      userVerified: r.user_verified,
    },
  }));
}
