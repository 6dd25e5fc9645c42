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

const { issuedDocuments, persons } = schema;

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
  /**
   * The register's record of the person has changed since this document was printed (its
   * record_version then against now): the copy still proves what the record said on its date, but
   * no longer what it says today. null for documents that do not print a record version.
   */
  recordChangedSinceIssue: boolean | null;
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

/** Why a check failed, as a code the page words in Thai or English. */
export type VerifyFailure = 'malformed' | 'bad_signature' | 'not_found' | 'pdf_not_found' | 'no_file';

/** Each failure in Thai (the JSON's `reason`) and English (the page in English). */
export const VERIFY_FAILURES: Record<VerifyFailure, { th: string; en: string }> = {
  malformed: { th: 'รหัสตรวจสอบไม่อยู่ในรูปแบบที่ถูกต้อง', en: 'The verification code is not in the right form.' },
  bad_signature: {
    th: 'ลายมือชื่อดิจิทัลของรหัสตรวจสอบไม่ถูกต้อง หรือไม่ได้ออกโดยระบบนี้ — เอกสารนี้ไม่อาจเชื่อถือได้',
    en: "The code's digital signature is invalid or was not made by this system — the document cannot be trusted.",
  },
  not_found: {
    th: 'ไม่พบเอกสารนี้ในทะเบียนเอกสารที่ออกโดยระบบ',
    en: "This document is not in the system's register of issued documents.",
  },
  pdf_not_found: {
    th: 'ไม่พบไฟล์นี้ในทะเบียนเอกสารที่ออกโดยระบบ (ไฟล์อาจถูกแก้ไข หรือไม่ได้ออกโดยระบบนี้)',
    en: "This file is not in the system's register of issued documents (it may have been altered, or was not issued here).",
  },
  no_file: { th: 'ไม่พบไฟล์ PDF หรือไฟล์ใหญ่เกิน ๓๐ MB', en: 'No PDF file was sent, or it is larger than 30 MB.' },
};

export type VerifyOutcome =
  | { ok: true; via: 'token' | 'pdf'; document: VerifiedDocument; seal?: SealCheck; sha256?: string }
  | {
      ok: false;
      via: 'token' | 'pdf';
      code: VerifyFailure;
      reason: string;
      seal?: SealCheck;
      sha256?: string;
    };

export function failure(
  via: 'token' | 'pdf',
  code: VerifyFailure,
  extra: { seal?: SealCheck; sha256?: string } = {},
): VerifyOutcome {
  return { ok: false, via, code, reason: VERIFY_FAILURES[code].th, ...extra };
}

/** The issued document with its person's current record version, by id or by the PDF's hash. */
async function findIssued(h: DbHandle, by: { id: string } | { sha256: string }) {
  const [row] = await h.db
    .select({ doc: issuedDocuments, currentVersion: persons.recordVersion })
    .from(issuedDocuments)
    .leftJoin(persons, eq(persons.id, issuedDocuments.personId))
    .where('id' in by ? eq(issuedDocuments.id, by.id) : eq(issuedDocuments.sha256, by.sha256))
    .limit(1);
  return row;
}

function present(r: typeof issuedDocuments.$inferSelect, currentVersion: number | null): VerifiedDocument {
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
    recordChangedSinceIssue:
      r.recordVersion === null || currentVersion === null ? null : currentVersion > r.recordVersion,
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
    return failure('token', 'malformed');
  const svc = await documentServices(cfg);
  let claims: Awaited<ReturnType<typeof verifyDocumentToken>>;
  try {
    claims = await verifyDocumentToken(token, (kid) => svc.tokens.publicKeys.get(kid));
  } catch {
    return failure('token', 'bad_signature');
  }
  if (!/^[0-9a-f-]{36}$/i.test(claims.docId)) return failure('token', 'not_found');
  const found = await findIssued(h, { id: claims.docId });
  const row = found?.doc;
  if (!row || row.contentSha256 !== claims.sha256 || row.issuerKeyId !== claims.kid)
    return failure('token', 'not_found');
  return { ok: true, via: 'token', document: present(row, found.currentVersion) };
}

/** Looks a PDF up by its SHA-256 and checks its PAdES seal. */
export async function verifyPdfUpload(h: DbHandle, cfg: Config, pdf: Buffer): Promise<VerifyOutcome> {
  const svc = await documentServices(cfg);
  const sha256 = sha256Hex(pdf);
  const check = verifyPdfSignature(pdf);
  const found = await findIssued(h, { sha256 });
  const row = found?.doc;
  const fp = check.certificateFingerprint?.toLowerCase() ?? null;
  const seal: SealCheck = {
    valid: check.valid,
    totalDocumentSigned: check.totalDocumentSigned,
    trusted: !!fp && (fp === svc.signer.keyId || fp === row?.sealKeyId),
    signerName: check.signerName,
    timestamped: check.timestamped,
    problems: check.problems,
  };
  if (!row) return failure('pdf', 'pdf_not_found', { sha256, seal });
  return { ok: true, via: 'pdf', sha256, seal, document: present(row, found.currentVersion) };
}
