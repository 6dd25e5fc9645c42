import { randomBytes, randomUUID } from 'node:crypto';
import canonicalize from 'canonicalize';
import { and, eq, sql } from 'drizzle-orm';
import { ISSUED_KIND_LABELS, type IssuedKind } from '../../../../domain/record/documents.ts';
import { appendAudit } from '../../../platform/audit/index.ts';
import { schema } from '../../../platform/db/index.ts';
import { type AuthedCtx, auditActor } from '../../../platform/http/context.ts';
import { issueDocumentToken, signPdf } from '../../../platform/signing/index.ts';
import { sha256Hex } from '../../../platform/storage/index.ts';
import { documentServices } from '../services.ts';

const { issuedDocuments, documentRequests } = schema;

const PREFIX: Record<IssuedKind, string> = {
  ks16: 'KS16',
  ks16_certified: 'KS16C',
  cert_employment: 'CE',
  cert_salary: 'CS',
  cert_service: 'CP',
};

export interface RenderArgs {
  docId: string;
  reference: string;
  qrPayload: string;
  asOf: Date;
}

export interface IssueInput {
  personId: string;
  kind: IssuedKind;
  /** What the printout states; its canonical SHA-256 is what the QR token vouches for. */
  content: unknown;
  recordVersion: number | null;
  render(a: RenderArgs): Promise<Buffer>;
  /** The request this fulfils (certified copy, certificate). */
  requestId?: string;
  /** /Location of the seal (the issuing office). */
  location: string;
}

export interface Issued {
  id: string;
  reference: string;
  sha256: string;
  pdf: Buffer;
}

/** `KS16-2569-3FA9C1D2`: kind, Buddhist year, 8 random hex digits (unique index on the column). */
export function newReference(kind: IssuedKind, at: Date): string {
  const yearBE = new Date(at.getTime() + 7 * 3600e3).getUTCFullYear() + 543;
  return `${PREFIX[kind]}-${yearBE}-${randomBytes(4).toString('hex').toUpperCase()}`;
}

/**
 * Renders, seals (PAdES, + RFC 3161 when a TSA is configured) and registers a printout: the QR
 * carries `<PUBLIC_BASE_URL>/verify?t=<token>`; the sealed PDF is kept in the store; earlier
 * valid printouts of the same person and kind become superseded; one transaction with its audit.
 */
export async function issueDocument(ctx: AuthedCtx, input: IssueInput): Promise<Issued> {
  const svc = await documentServices(ctx.cfg);
  const id = randomUUID();
  const asOf = new Date();
  const reference = newReference(input.kind, asOf);
  const contentSha256 = sha256Hex(canonicalize(input.content) ?? '');
  const token = await issueDocumentToken(
    { docId: id, sha256: contentSha256, issuedAt: asOf, kid: svc.tokens.current.kid },
    svc.tokens.current.privateKey,
  );
  const qrPayload = `${ctx.cfg.publicBaseUrl}/verify?t=${token}`;
  const unsigned = await input.render({ docId: id, reference, qrPayload, asOf });
  const pdf = await signPdf(unsigned, svc.signer, {
    reason: `${ISSUED_KIND_LABELS[input.kind].th} เลขอ้างอิง ${reference}`,
    location: input.location,
    name: svc.sealName,
    contactInfo: ctx.cfg.publicBaseUrl,
    signingTime: asOf,
  });
  const { sha256 } = await svc.store.put(pdf);
  await ctx.h.db.transaction(async (tx) => {
    const superseded = await tx
      .update(issuedDocuments)
      .set({ status: 'superseded', statusChangedAt: asOf.toISOString(), statusReason: `แทนด้วย ${reference}` })
      .where(
        and(
          eq(issuedDocuments.personId, input.personId),
          eq(issuedDocuments.kind, input.kind),
          eq(issuedDocuments.status, 'valid'),
        ),
      )
      .returning({ id: issuedDocuments.id });
    await tx.insert(issuedDocuments).values({
      id,
      personId: input.personId,
      kind: input.kind,
      sha256,
      contentSha256,
      status: 'valid',
      issuerKeyId: svc.tokens.current.kid,
      sealKeyId: svc.signer.keyId,
      issuerName: svc.sealName,
      reference,
      recordVersion: input.recordVersion,
      issuedAt: asOf.toISOString(),
      issuedBy: ctx.actor.userId,
    });
    if (input.requestId)
      await tx
        .update(documentRequests)
        .set({
          status: 'issued',
          decidedBy: ctx.actor.userId,
          decidedAt: sql`now()`,
          issuedDocumentId: id,
        })
        .where(eq(documentRequests.id, input.requestId));
    await appendAudit(tx, auditActor(ctx), ctx.meta, [
      {
        eventType: 'document.issued',
        entityType: 'issued_document',
        entityId: id,
        personId: input.personId,
        data: {
          kind: input.kind,
          reference,
          sha256,
          contentSha256,
          requestId: input.requestId ?? null,
          superseded: superseded.map((s) => s.id),
        },
      },
    ]);
  });
  return { id, reference, sha256, pdf };
}
