export { CHANGED_AFTER_SIGNING } from './commands/verify-signature.ts';
export { SIGN_DECISIONS, type SignDecision } from './decisions.ts';
export { type RecordSignature, recordSignatures } from './marks.ts';
export { signaturesRoutes } from './signatures.routes.ts';
export { requireRecentAuth } from './signing-guard.ts';
