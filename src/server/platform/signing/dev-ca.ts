/**
 * A development certificate authority with Thai names, so that the whole signing path (Thai
 * issuer DN included, which node-forge breaks) is exercised locally. Never for production: the
 * office seal there comes from an HSM/KMS or the national CA (docs/adr/0101-office-seal-pades.md).
 */
import { createHash, webcrypto } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toAB, toBuf } from './cms.ts';
import { createPemSigner, type Signer } from './signer.ts';

export type DevKeyAlgorithm = 'RSA' | 'ECDSA';

export interface DevCa {
  dir: string;
  /** Root CA certificate (PEM): import it as trusted to validate the seal (e.g. certutil for pdfsig). */
  caCertPem: string;
  /** The office's signing certificate (PEM). */
  officeCertPem: string;
  /** The office's private key (PKCS#8 PEM, file mode 0600). */
  officeKeyPem: string;
  /** office.pem followed by ca.pem. */
  chainPem: string;
  signer(): Signer;
}

export interface DevCaOptions {
  /** Defaults to RSA 2048 (the widest validator support). */
  algorithm?: DevKeyAlgorithm;
  organization?: string;
  officeName?: string;
}

const FILES = {
  caKey: 'ca.key.pem',
  caCert: 'ca.cert.pem',
  officeKey: 'office.key.pem',
  officeCert: 'office.cert.pem',
  chain: 'office.chain.pem',
} as const;

/** OID of id-kp-documentSigning (RFC 9336); Adobe also accepts it for document signatures. */
const KP_DOCUMENT_SIGNING = '1.3.6.1.5.5.7.3.36';
const KP_EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4';
const NAME_OIDS = { C: '2.5.4.6', O: '2.5.4.10', OU: '2.5.4.11', CN: '2.5.4.3' } as const;
type NamePart = [keyof typeof NAME_OIDS, string];

function pem(label: string, der: ArrayBuffer | Buffer): string {
  const b64 = Buffer.from(der as ArrayBuffer).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.replace(/.{64}/g, '$&\n').replace(/\n$/, '')}\n-----END ${label}-----\n`;
}

function writeSecret(path: string, text: string): void {
  writeFileSync(path, text, { mode: 0o600 });
  chmodSync(path, 0o600);
}

/** A Name with Thai values as UTF8String (country as PrintableString, as RFC 5280 requires). */
function setName(target: pkijs.RelativeDistinguishedNames, parts: NamePart[]): void {
  target.typesAndValues = parts.map(
    ([k, v]) =>
      new pkijs.AttributeTypeAndValue({
        type: NAME_OIDS[k],
        value: k === 'C' ? new asn1js.PrintableString({ value: v }) : new asn1js.Utf8String({ value: v }),
      }),
  );
}

function extension(
  extnID: string,
  critical: boolean,
  value: { toSchema(): asn1js.AsnType } | asn1js.AsnType,
) {
  const schema =
    'toSchema' in value && typeof value.toSchema === 'function'
      ? value.toSchema()
      : (value as asn1js.AsnType);
  return new pkijs.Extension({ extnID, critical, extnValue: schema.toBER(false) });
}

/** KeyUsage as a DER BIT STRING from the first byte of flags (bit 0 = digitalSignature = 0x80). */
function keyUsage(byte: number): asn1js.BitString {
  let unused = 0;
  while (unused < 7 && !(byte & (1 << unused))) unused++;
  return new asn1js.BitString({ valueHex: new Uint8Array([byte]).buffer, unusedBits: unused });
}

async function keyIdentifier(publicKey: CryptoKey): Promise<Buffer> {
  const spki = pkijs.PublicKeyInfo.fromBER(await webcrypto.subtle.exportKey('spki', publicKey));
  return createHash('sha1').update(Buffer.from(spki.subjectPublicKey.valueBlock.valueHexView)).digest();
}

async function makeCertificate(opts: {
  subject: NamePart[];
  issuer: NamePart[];
  publicKey: CryptoKey;
  signingKey: CryptoKey;
  issuerPublicKey: CryptoKey;
  ca: boolean;
  years: number;
}): Promise<Buffer> {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  const serial = webcrypto.getRandomValues(new Uint8Array(12));
  serial[0] = (serial[0]! & 0x7f) | 0x10;
  cert.serialNumber = new asn1js.Integer({ valueHex: serial.buffer });
  setName(cert.subject, opts.subject);
  setName(cert.issuer, opts.issuer);
  const now = Date.now();
  cert.notBefore.value = new Date(now - 24 * 3600e3);
  cert.notAfter.value = new Date(now + opts.years * 365 * 24 * 3600e3);
  await cert.subjectPublicKeyInfo.importKey(opts.publicKey);
  const ski = await keyIdentifier(opts.publicKey);
  const aki = await keyIdentifier(opts.issuerPublicKey);
  cert.extensions = [
    extension(
      '2.5.29.19',
      true,
      new pkijs.BasicConstraints(opts.ca ? { cA: true, pathLenConstraint: 0 } : {}),
    ),
    // CA: keyCertSign | cRLSign; seal: digitalSignature | nonRepudiation.
    extension('2.5.29.15', true, keyUsage(opts.ca ? 0x06 : 0xc0)),
    extension('2.5.29.14', false, new asn1js.OctetString({ valueHex: toAB(ski) })),
    extension(
      '2.5.29.35',
      false,
      new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: toAB(aki) }) }),
    ),
    ...(opts.ca
      ? []
      : [
          extension(
            '2.5.29.37',
            false,
            new pkijs.ExtKeyUsage({ keyPurposes: [KP_DOCUMENT_SIGNING, KP_EMAIL_PROTECTION] }),
          ),
        ]),
  ];
  await cert.sign(opts.signingKey, 'SHA-256');
  return toBuf(cert.toSchema(true).toBER(false));
}

/**
 * Creates, once, a root CA and an office signing certificate under `dir` (mode 0700, files 0600),
 * and returns them; later calls load what is there. Subjects and issuers are Thai UTF8Strings.
 * Built with pkijs + WebCrypto (@peculiar/x509 needs a `reflect-metadata` polyfill that Khru
 * does not install).
 */
export async function ensureDevCa(dir: string, opts: DevCaOptions = {}): Promise<DevCa> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const path = (f: keyof typeof FILES) => join(dir, FILES[f]);
  if (!(Object.keys(FILES) as (keyof typeof FILES)[]).every((f) => existsSync(path(f)))) {
    await createDevCa(dir, opts);
  }
  const read = (f: keyof typeof FILES) => readFileSync(path(f), 'utf8');
  const ca: DevCa = {
    dir,
    caCertPem: read('caCert'),
    officeCertPem: read('officeCert'),
    officeKeyPem: read('officeKey'),
    chainPem: read('chain'),
    signer: () => createPemSigner({ keyPem: ca.officeKeyPem, certificatesPem: ca.chainPem }),
  };
  return ca;
}

async function createDevCa(dir: string, opts: DevCaOptions): Promise<void> {
  const alg =
    opts.algorithm === 'ECDSA'
      ? { name: 'ECDSA', namedCurve: 'P-256' }
      : {
          name: 'RSASSA-PKCS1-v1_5',
          hash: 'SHA-256',
          publicExponent: new Uint8Array([1, 0, 1]),
          modulusLength: 2048,
        };
  const org = opts.organization ?? 'สำนักงาน ก.ค.ศ. (ทดสอบ)';
  const caName: NamePart[] = [
    ['C', 'TH'],
    ['O', org],
    ['OU', 'ระบบทะเบียนประวัติอิเล็กทรอนิกส์ Khru'],
    ['CN', 'ผู้ออกใบรับรองทดสอบ Khru (ห้ามใช้จริง)'],
  ];
  const officeName: NamePart[] = [
    ['C', 'TH'],
    ['O', org],
    ['CN', opts.officeName ?? 'ตราประทับอิเล็กทรอนิกส์ สำนักงานเขตพื้นที่การศึกษาทดสอบ'],
  ];
  const caKeys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const officeKeys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const caCert = await makeCertificate({
    subject: caName,
    issuer: caName,
    publicKey: caKeys.publicKey,
    signingKey: caKeys.privateKey,
    issuerPublicKey: caKeys.publicKey,
    ca: true,
    years: 10,
  });
  const officeCert = await makeCertificate({
    subject: officeName,
    issuer: caName,
    publicKey: officeKeys.publicKey,
    signingKey: caKeys.privateKey,
    issuerPublicKey: caKeys.publicKey,
    ca: false,
    years: 3,
  });
  const p = (f: keyof typeof FILES) => join(dir, FILES[f]);
  writeSecret(p('caKey'), pem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', caKeys.privateKey)));
  writeSecret(
    p('officeKey'),
    pem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', officeKeys.privateKey)),
  );
  writeSecret(p('caCert'), pem('CERTIFICATE', caCert));
  writeSecret(p('officeCert'), pem('CERTIFICATE', officeCert));
  writeSecret(p('chain'), pem('CERTIFICATE', officeCert) + pem('CERTIFICATE', caCert));
}
