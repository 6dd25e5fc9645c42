/**
 * Evidence of the record's electronic certification, embedded in a certified copy (สำเนารับรอง).
 * The personal signatures (WebAuthn, built in another module) are recorded as audit events of the
 * person; every such event is hash-chained, so the copy carries the event, its position in the
 * chain and its hash — a verifier can match them against the office's audit log. Another module
 * can add richer evidence (e.g. the WebAuthn assertion itself) with `registerEvidenceSource`.
 */
import type { DbHandle } from '../../platform/db/index.ts';
import { recordSignatures } from '../signatures/index.ts';

export interface CertificationEvidence {
  source: string;
  kind: string;
  at: string;
  /** Whatever the source records: an audit payload, a WebAuthn assertion, … */
  payload: unknown;
  /** Hash that anchors the evidence (e.g. the audit chain hash). */
  hash?: string;
}

export type EvidenceSource = (h: DbHandle, personId: string) => Promise<CertificationEvidence[]>;

const sources: EvidenceSource[] = [auditSignatureEvents, webauthnSignatures];

/** Adds a source of certification evidence (the signatures module registers its own). */
export function registerEvidenceSource(source: EvidenceSource): void {
  if (!sources.includes(source)) sources.push(source);
}

/** All certification evidence for a person, oldest first. */
export async function certificationEvidence(h: DbHandle, personId: string): Promise<CertificationEvidence[]> {
  const all = (await Promise.all(sources.map((s) => s(h, personId)))).flat();
  return all.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** Audit events that record a signature or certification of the person's record. */
async function auditSignatureEvents(h: DbHandle, personId: string): Promise<CertificationEvidence[]> {
  const rows = await h.query<{
    seq: string | number;
    event_type: string;
    occurred_at: string;
    payload: string;
    hash: string;
  }>(
    `select seq, event_type, occurred_at, payload, hash from audit_events
      where person_id = $1 and (event_type like '%certif%' or event_type like 'signature.record.%' or event_type like '%.signed')
      order by seq`,
    [personId],
  );
  return rows.map((r) => ({
    source: 'audit',
    kind: r.event_type,
    at: new Date(r.occurred_at).toISOString(),
    payload: { seq: Number(r.seq), ...(JSON.parse(r.payload) as object) },
    hash: r.hash,
  }));
}

/** The personal WebAuthn signatures themselves: enough to re-verify each one offline (ADR 0107). */
async function webauthnSignatures(h: DbHandle, personId: string): Promise<CertificationEvidence[]> {
  return (await recordSignatures(h, personId)).map((s) => ({
    source: 'webauthn',
    kind: s.decision,
    at: s.signedAt,
    payload: {
      signatureId: s.id,
      signer: s.signerName,
      recordVersion: s.recordVersion,
      contentHash: s.contentHash,
      ...s.evidence,
    },
    hash: s.evidence.payloadHash,
  }));
}

/**
 * The three signature blocks of page 1 (เจ้าของประวัติ, ผู้จัดทำทะเบียนประวัติ, ผู้รับรองทะเบียนประวัติ)
 * from the latest personal signature of each kind on the record.
 */
export async function signatureBlocks(h: DbHandle, personId: string) {
  const latest = new Map<string, Awaited<ReturnType<typeof recordSignatures>>[number]>();
  for (const s of await recordSignatures(h, personId)) latest.set(s.decision, s);
  const mark = (d: string) => {
    const s = latest.get(d);
    return s
      ? { name: s.signerName, position: s.signerPosition ?? undefined, signedAt: s.signedAt }
      : undefined;
  };
  return { owner: mark('owner-attest'), officer: mark('officer-verify'), certifier: mark('certify') };
}
