/**
 * Documents (public surface): attachments and photos in the content-addressed store, sealed
 * printouts of ก.ค.ศ.๑๖, certified copies and certificates, and the public /verify page.
 */
export { documentsRoutes } from './documents.routes.ts';
export { type CertificationEvidence, type EvidenceSource, registerEvidenceSource } from './evidence.ts';
export { blobStoreFor, type DocumentServices, documentServices } from './services.ts';
export { verifyRoutes } from './verify.routes.ts';
