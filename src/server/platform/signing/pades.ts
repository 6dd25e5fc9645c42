/**
 * PAdES signatures on PDFs: @signpdf/placeholder-plain adds the signature dictionary
 * (SubFilter ETSI.CAdES.detached), our Signer supplies the CMS. And our own verifier, so the
 * app can check a returned printout without poppler.
 */
import { createVerify, X509Certificate } from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer as SignPdfSigner, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import {
  certificateFingerprint,
  OID,
  sha256,
  signedAttributesDer,
  subjectCommonName,
  toAB,
  toBuf,
} from './cms.ts';
import type { Signer } from './signer.ts';

export interface SignPdfOptions {
  reason: string;
  location: string;
  /** The signer's name as shown by PDF readers (the office). */
  name: string;
  contactInfo: string;
  /** /M of the signature dictionary (the claimed signing time); defaults to now. */
  signingTime?: Date;
  /** Bytes reserved for the CMS; the default fits a 3-certificate RSA chain plus a timestamp. */
  signatureLength?: number;
}

class SignerAdapter extends SignPdfSigner {
  constructor(private readonly signer: Signer) {
    super();
  }
  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return this.signer.sign(pdfBuffer);
  }
}

/** Signs a PDF (from any producer with a classic xref table, e.g. pdfkit) as PAdES B-B/B-T. */
export async function signPdf(pdf: Buffer, signer: Signer, opts: SignPdfOptions): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: opts.reason,
    location: opts.location,
    name: opts.name,
    contactInfo: opts.contactInfo,
    signingTime: opts.signingTime,
    signatureLength: opts.signatureLength ?? 16_384,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'Khru',
  });
  return new SignPdf().sign(withPlaceholder, new SignerAdapter(signer));
}

export interface PdfSignatureCheck {
  /** The signature is intact and covers the document as signed (appended bytes are a problem). */
  valid: boolean;
  /** The ByteRange covers the whole file except the /Contents hex string. */
  totalDocumentSigned: boolean;
  signerName: string | null;
  /** SHA-256 of the signer's certificate, hex. */
  certificateFingerprint: string | null;
  /** The signer's certificate (DER), to check against a trust list. */
  certificate: Buffer | null;
  /** Whether an RFC 3161 signature-time-stamp is attached (and matches the signature). */
  timestamped: boolean;
  problems: string[];
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/**
 * Checks the last signature of a PDF: ByteRange shape, messageDigest over the covered bytes,
 * the CMS signature against the embedded signer certificate, signing-certificate-v2, and a
 * timestamp's message imprint. It does not decide trust: compare `certificateFingerprint` (or
 * the chain) with the offices' registered certificates.
 */
export function verifyPdfSignature(pdf: Buffer): PdfSignatureCheck {
  const result: PdfSignatureCheck = {
    valid: false,
    totalDocumentSigned: false,
    signerName: null,
    certificateFingerprint: null,
    certificate: null,
    timestamped: false,
    problems: [],
  };
  const problem = (p: string) => {
    result.problems.push(p);
    return result;
  };
  const text = pdf.toString('latin1');
  const ranges = [...text.matchAll(BYTE_RANGE)];
  const last = ranges.at(-1);
  if (!last) return problem('no signature (no /ByteRange)');
  const [a, b, c, d] = last.slice(1, 5).map(Number) as [number, number, number, number];
  if (a !== 0) return problem('ByteRange does not start at the beginning of the file');
  if (!(b < c && c + d <= pdf.length)) return problem('ByteRange is malformed');
  const gap = text.slice(b, c);
  if (!/^<[0-9A-Fa-f]*>$/.test(gap)) return problem('ByteRange gap is not exactly the /Contents hex string');
  const contentsHex = gap.slice(1, -1);
  result.totalDocumentSigned = c + d === pdf.length;
  if (!result.totalDocumentSigned) problem('bytes were appended after the signed revision');
  const signedBytes = Buffer.concat([pdf.subarray(a, b), pdf.subarray(c, c + d)]);

  let signedData: pkijs.SignedData;
  try {
    const cms = asn1js.fromBER(toAB(Buffer.from(contentsHex, 'hex')));
    const ci = new pkijs.ContentInfo({ schema: cms.result });
    if (ci.contentType !== OID.signedData) return problem('CMS is not SignedData');
    signedData = new pkijs.SignedData({ schema: ci.content });
  } catch {
    return problem('/Contents is not a CMS signature');
  }
  const si = signedData.signerInfos[0];
  if (!si) return problem('CMS has no signer');
  const sid = si.sid;
  const certs = (signedData.certificates ?? []).filter(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
  );
  const leaf =
    sid instanceof pkijs.IssuerAndSerialNumber
      ? certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber))
      : undefined;
  if (!leaf) return problem("the signer's certificate is not in the CMS");
  const leafDer = toBuf(leaf.toSchema().toBER(false));
  result.certificate = leafDer;
  result.certificateFingerprint = certificateFingerprint(leafDer);
  result.signerName = subjectCommonName(leaf);

  const attrs = si.signedAttrs;
  if (!attrs) return problem('no signed attributes');
  const attr = (oid: string) => attrs.attributes.find((x) => x.type === oid);
  const md = attr(OID.messageDigest)?.values[0];
  if (!(md instanceof asn1js.OctetString)) return problem('no messageDigest attribute');
  if (!sha256(signedBytes).equals(Buffer.from(md.valueBlock.valueHexView)))
    problem('message digest mismatch');
  const scv2 = attr(OID.signingCertificateV2)?.values[0];
  if (!scv2) problem('no signing-certificate-v2 attribute (not PAdES)');
  else if (!essCertHash(scv2)?.equals(sha256(leafDer)))
    problem('signing-certificate-v2 does not match the certificate');
  if (attr(OID.signingTime)) problem('signingTime attribute present (PAdES uses /M)');

  const signature = Buffer.from(si.signature.valueBlock.valueHexView);
  const verifier = createVerify('sha256');
  verifier.update(signedAttributesDer(attrs));
  const publicKey = new X509Certificate(leafDer).publicKey;
  if (!verifier.verify(publicKey, signature))
    problem('CMS signature does not verify with the signer certificate');

  const tst = si.unsignedAttrs?.attributes.find((x) => x.type === OID.timeStampToken)?.values[0];
  if (tst) {
    const imprint = timestampImprint(tst);
    if (imprint?.equals(sha256(signature))) result.timestamped = true;
    else problem('timestamp does not cover this signature');
  }

  result.valid = result.problems.length === 0;
  return result;
}

function essCertHash(value: unknown): Buffer | null {
  try {
    const seq = value as asn1js.Sequence;
    const certsSeq = seq.valueBlock.value[0] as asn1js.Sequence;
    const first = certsSeq.valueBlock.value[0] as asn1js.Sequence;
    const parts = first.valueBlock.value;
    const hash = parts.find((p) => p instanceof asn1js.OctetString) as asn1js.OctetString | undefined;
    return hash ? Buffer.from(hash.valueBlock.valueHexView) : null;
  } catch {
    return null;
  }
}

/** messageImprint.hashedMessage of an RFC 3161 TimeStampToken (SHA-256 assumed). */
function timestampImprint(token: unknown): Buffer | null {
  try {
    const ci = new pkijs.ContentInfo({ schema: token as asn1js.Sequence });
    const sd = new pkijs.SignedData({ schema: ci.content });
    const eContent = sd.encapContentInfo.eContent;
    if (!eContent) return null;
    const tstInfo = pkijs.TSTInfo.fromBER(toAB(Buffer.from(eContent.valueBlock.valueHexView)));
    return Buffer.from(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView);
  } catch {
    return null;
  }
}
