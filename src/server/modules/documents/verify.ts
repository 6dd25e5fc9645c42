/**
 * Checking a printout: by its QR token (signature by one of our token keys, then the registry's
 * status) or by the PDF itself (its SHA-256 in the registry, and its PAdES seal). Anything signed
 * by another key, or naming a document we did not issue, is refused (ADR 0104).
 */
import { eq } from 'drizzle-orm';
import { ISSUED_STATUS_LABELS } from '../../../domain/record/documents.ts';
import type { Config } from '../../config.ts';
import { type DbHandle, schema } from '../../platform/db/index.ts';
import { verifyDocumentToken, verifyPdfSignature } from '../../platform/signing/index.ts';
import { sha256Hex } from '../../platform/storage/index.ts';
import { kindLabel } from './commands/printouts.ts';
import { documentServices } from './services.ts';

const { issuedDocuments } = schema;

export interface VerifiedDocument {
  reference: string;
  kind: string;
  kindLabel: string;
  status: 'valid' | 'superseded' | 'revoked';
  statusLabel: string;
  sha256: string;
  contentSha256: string;
  issuedAt: string;
  issuerName: string;
  issuerKeyId: string;
  sealKeyId: string;
  statusChangedAt: string | null;
}

export interface SealCheck {
  valid: boolean;
  totalDocumentSigned: boolean;
  /** The seal's certificate is the one this system issues with (or one it issued with before). */
  trusted: boolean;
  signerName: string | null;
  timestamped: boolean;
  problems: string[];
}

export type VerifyOutcome =
  | { ok: true; via: 'token' | 'pdf'; document: VerifiedDocument; seal?: SealCheck; sha256?: string }
  | { ok: false; via: 'token' | 'pdf'; reason: string; seal?: SealCheck; sha256?: string };

function present(r: typeof issuedDocuments.$inferSelect): VerifiedDocument {
  const status = r.status as VerifiedDocument['status'];
  return {
    reference: r.reference,
    kind: r.kind,
    kindLabel: kindLabel(r.kind),
    status,
    statusLabel: ISSUED_STATUS_LABELS[status]?.th ?? status,
    sha256: r.sha256,
    contentSha256: r.contentSha256,
    issuedAt: new Date(r.issuedAt).toISOString(),
    issuerName: r.issuerName,
    issuerKeyId: r.issuerKeyId,
    sealKeyId: r.sealKeyId,
    statusChangedAt: r.statusChangedAt ? new Date(r.statusChangedAt).toISOString() : null,
  };
}

/** A token as pasted, scanned, or as the whole QR URL (…/verify?t=…). */
export function extractToken(input: string): string {
  const s = input.trim();
  const m = /[?&]t=([A-Za-z0-9_.-]+)/.exec(s);
  return m ? m[1]! : s;
}

/** Verifies a QR token and looks the document up. */
export async function verifyToken(h: DbHandle, cfg: Config, input: string): Promise<VerifyOutcome> {
  const token = extractToken(input);
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token) || token.length > 2000)
    return { ok: false, via: 'token', reason: 'รหัสตรวจสอบไม่อยู่ในรูปแบบที่ถูกต้อง' };
  const svc = await documentServices(cfg);
  let claims: Awaited<ReturnType<typeof verifyDocumentToken>>;
  try {
    claims = await verifyDocumentToken(token, (kid) => svc.tokens.publicKeys.get(kid));
  } catch {
    return {
      ok: false,
      via: 'token',
      reason: 'ลายมือชื่อดิจิทัลของรหัสตรวจสอบไม่ถูกต้อง หรือไม่ได้ออกโดยระบบนี้ — เอกสารนี้ไม่อาจเชื่อถือได้',
    };
  }
  if (!/^[0-9a-f-]{36}$/i.test(claims.docId))
    return { ok: false, via: 'token', reason: 'ไม่พบเอกสารนี้ในทะเบียนเอกสารที่ออกโดยระบบ' };
  const [row] = await h.db.select().from(issuedDocuments).where(eq(issuedDocuments.id, claims.docId));
  if (!row || row.contentSha256 !== claims.sha256 || row.issuerKeyId !== claims.kid)
    return { ok: false, via: 'token', reason: 'ไม่พบเอกสารนี้ในทะเบียนเอกสารที่ออกโดยระบบ' };
  return { ok: true, via: 'token', document: present(row) };
}

/** Looks a PDF up by its SHA-256 and checks its PAdES seal. */
export async function verifyPdfUpload(h: DbHandle, cfg: Config, pdf: Buffer): Promise<VerifyOutcome> {
  const svc = await documentServices(cfg);
  const sha256 = sha256Hex(pdf);
  const check = verifyPdfSignature(pdf);
  const [row] = await h.db.select().from(issuedDocuments).where(eq(issuedDocuments.sha256, sha256));
  const fp = check.certificateFingerprint?.toLowerCase() ?? null;
  const seal: SealCheck = {
    valid: check.valid,
    totalDocumentSigned: check.totalDocumentSigned,
    trusted: !!fp && (fp === svc.signer.keyId || fp === row?.sealKeyId),
    signerName: check.signerName,
    timestamped: check.timestamped,
    problems: check.problems,
  };
  if (!row)
    return {
      ok: false,
      via: 'pdf',
      sha256,
      seal,
      reason: 'ไม่พบไฟล์นี้ในทะเบียนเอกสารที่ออกโดยระบบ (ไฟล์อาจถูกแก้ไข หรือไม่ได้ออกโดยระบบนี้)',
    };
  return { ok: true, via: 'pdf', sha256, seal, document: present(row) };
}
