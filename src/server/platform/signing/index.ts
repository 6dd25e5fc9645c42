/**
 * Signing (public surface of platform/signing): the office seal on PDFs (PAdES via a pluggable
 * Signer), the development CA, RFC 3161 timestamps, and the signed token in printout QR codes.
 */
export {
  buildDetachedCms,
  certificateFingerprint,
  type KeyAlgorithm,
  keyObjectSigningKey,
  type SigningKey,
  type TimestampAuthority,
} from './cms.ts';
export { type DevCa, type DevCaOptions, type DevKeyAlgorithm, ensureDevCa } from './dev-ca.ts';
export {
  DOC_TOKEN_TYPE,
  type DocumentClaims,
  type DocumentKeyResolver,
  generateTokenKey,
  issueDocumentToken,
  type TokenKeyPair,
  type VerifiedDocumentToken,
  verifyDocumentToken,
} from './doc-token.ts';
export { type PdfSignatureCheck, type SignPdfOptions, signPdf, verifyPdfSignature } from './pades.ts';
export { createPemSigner, createSigner, loadPkcs12Signer, pemCertificates, type Signer } from './signer.ts';
export { httpTimestampAuthority, timestampRequest, timestampTokenFromResponse } from './timestamp.ts';
