/**
 * Detached CMS SignedData for PAdES baseline B-B (ETSI EN 319 142-1 / 319 122-1), built with
 * pkijs so that every certificate (and a Thai UTF8String issuer name) is kept byte for byte.
 *
 * Signed attributes: contentType, messageDigest, signing-certificate-v2 (ESS, RFC 5035).
 * No signingTime: PAdES takes the claimed time from the signature dictionary's /M.
 * Unsigned attribute (optional): signature-time-stamp (RFC 3161), which makes it B-T.
 */
import { createHash, createPublicKey, type KeyObject, sign as nodeSign, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
} as const;

/** The algorithm a key signs with; both validate in poppler/NSS, Adobe and EU DSS. */
export type KeyAlgorithm = 'RSA-SHA256' | 'ECDSA-P256-SHA256';

/**
 * The only operation a production key store (HSM over PKCS#11, a cloud KMS, the national CA's
 * remote signing service) must offer: sign these bytes with SHA-256. The private key never
 * has to leave it.
 */
export interface SigningKey {
  readonly algorithm: KeyAlgorithm;
  /** Signs `data` (the DER of the signed attributes) → PKCS#1 v1.5 or DER-encoded ECDSA signature. */
  sign(data: Buffer): Promise<Buffer>;
}

/** RFC 3161 time-stamping: returns the DER TimeStampToken (a CMS ContentInfo) for a SHA-256 digest. */
export interface TimestampAuthority {
  timestamp(sha256Digest: Buffer): Promise<Buffer>;
}

/** A software key held in process memory (development, tests, or a key file on the server). */
export function keyObjectSigningKey(key: KeyObject): SigningKey {
  const type = key.asymmetricKeyType;
  if (type === 'ec' && key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error(`unsupported EC curve ${key.asymmetricKeyDetails?.namedCurve}: use P-256`);
  }
  if (type !== 'rsa' && type !== 'ec')
    throw new Error(`unsupported key type ${type}: use RSA or ECDSA P-256`);
  return {
    algorithm: type === 'rsa' ? 'RSA-SHA256' : 'ECDSA-P256-SHA256',
    // node:crypto's ECDSA output is DER (r, s), which is what CMS wants.
    sign: async (data) => nodeSign('sha256', data, key),
  };
}

const sha256 = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest();
const toBuf = (ab: ArrayBuffer) => Buffer.from(new Uint8Array(ab));
const toAB = (b: Buffer): ArrayBuffer =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

export function parseCertificate(der: Buffer): pkijs.Certificate {
  return pkijs.Certificate.fromBER(toAB(der));
}

/** ESS signing-certificate-v2 value: binds the signer's certificate (hash + issuer/serial). */
function signingCertificateV2(leafDer: Buffer, leaf: pkijs.Certificate): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [
          new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [leaf.issuer.toSchema()] }),
        ],
      }),
      leaf.serialNumber,
    ],
  });
  // hashAlgorithm is omitted: its DEFAULT is id-sha256.
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: toAB(sha256(leafDer)) }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/** The DER that is actually signed: the signed attributes as a SET (tag 0x31), not [0]. */
export function signedAttributesDer(attrs: pkijs.SignedAndUnsignedAttributes): Buffer {
  const der = Buffer.from(new Uint8Array(attrs.toSchema().toBER(false)));
  der[0] = 0x31;
  return der;
}

/**
 * Builds a detached CMS SignedData over `content`.
 * `chain` is DER certificates, signer's certificate first.
 */
export async function buildDetachedCms(
  content: Buffer,
  key: SigningKey,
  chain: Buffer[],
  tsa?: TimestampAuthority,
): Promise<Buffer> {
  const [leafDer] = chain;
  if (!leafDer) throw new Error('empty certificate chain');
  const certs = chain.map(parseCertificate);
  const leaf = certs[0]!;

  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({
        type: OID.contentType,
        values: [new asn1js.ObjectIdentifier({ value: OID.data })],
      }),
      new pkijs.Attribute({
        type: OID.messageDigest,
        values: [new asn1js.OctetString({ valueHex: toAB(sha256(content)) })],
      }),
      new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(leafDer, leaf)] }),
    ],
  });
  const signature = await key.sign(signedAttributesDer(signedAttrs));

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: leaf.issuer, serialNumber: leaf.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs,
    signatureAlgorithm:
      key.algorithm === 'RSA-SHA256'
        ? new pkijs.AlgorithmIdentifier({
            algorithmId: OID.rsaEncryption,
            algorithmParams: new asn1js.Null(),
          })
        : new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 }),
    signature: new asn1js.OctetString({ valueHex: toAB(signature) }),
  });

  if (tsa) {
    // signature-time-stamp: a TSA token over the signature value (RFC 3161 appendix A).
    const token = await tsa.timestamp(sha256(signature));
    const parsed = asn1js.fromBER(toAB(token));
    if (parsed.offset === -1) throw new Error('TSA returned a token that is not DER');
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new pkijs.Attribute({ type: OID.timeStampToken, values: [parsed.result] })],
    });
  }

  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: certs,
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({
    contentType: OID.signedData,
    content: signedData.toSchema(true),
  });
  return toBuf(contentInfo.toSchema().toBER(false));
}

/** SHA-256 fingerprint (hex, lower case) of a DER certificate. */
export function certificateFingerprint(der: Buffer): string {
  return sha256(der).toString('hex');
}

/** The subject's CN (Thai or not), or the whole subject if it has none. */
export function subjectCommonName(cert: pkijs.Certificate): string {
  const cn = cert.subject.typesAndValues.find((t) => t.type === OID.commonName);
  return cn
    ? String(cn.value.valueBlock.value)
    : new X509Certificate(toBuf(cert.toSchema().toBER(false))).subject;
}

/** Whether a private key and a certificate belong together (same public key). */
export function keyMatchesCertificate(key: KeyObject, certDer: Buffer): boolean {
  const a = createPublicKey(key).export({ type: 'spki', format: 'der' });
  const b = new X509Certificate(certDer).publicKey.export({ type: 'spki', format: 'der' });
  return Buffer.compare(a, b) === 0;
}

export { sha256, toAB, toBuf };
