/**
 * The office seal's signer: what PDF signing needs from a key, whatever holds it.
 * Implementations here: a key + certificate files (PEM) and a PKCS#12 file. Production plugs an
 * HSM/KMS/national-CA `SigningKey` into `createSigner` (docs/adr/0101-office-seal-pades.md).
 */
import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import {
  buildDetachedCms,
  keyMatchesCertificate,
  keyObjectSigningKey,
  type SigningKey,
  type TimestampAuthority,
  toAB,
  toBuf,
} from './cms.ts';

export interface Signer {
  /** A stable identifier of the key (e.g. the certificate's SHA-256 fingerprint or an HSM label). */
  readonly keyId: string;
  /** DER certificates, the signer's own first, then its issuers. */
  certificateChain(): Promise<Buffer[]>;
  /** A detached CMS (PAdES B-B, or B-T with a TSA) over `data`: the bytes the PDF ByteRange covers. */
  sign(data: Buffer): Promise<Buffer>;
}

/** A Signer from any SigningKey (software, HSM, KMS) and its certificate chain. */
export function createSigner(opts: {
  key: SigningKey;
  chain: Buffer[];
  keyId?: string;
  tsa?: TimestampAuthority;
}): Signer {
  const chain = [...opts.chain];
  if (!chain[0]) throw new Error('certificate chain is empty');
  const keyId = opts.keyId ?? new X509Certificate(chain[0]).fingerprint256.replace(/:/g, '').toLowerCase();
  return {
    keyId,
    certificateChain: async () => chain,
    sign: (data) => buildDetachedCms(data, opts.key, chain, opts.tsa),
  };
}

/** Splits a PEM bundle into DER certificates (in file order). */
export function pemCertificates(pem: string): Buffer[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) =>
    Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'),
  );
}

/** A Signer from a PKCS#8 (or PKCS#1/SEC1) private key PEM and a PEM certificate chain. */
export function createPemSigner(opts: {
  keyPem: string;
  certificatesPem: string;
  passphrase?: string;
  tsa?: TimestampAuthority;
}): Signer {
  const key = createPrivateKey({ key: opts.keyPem, format: 'pem', passphrase: opts.passphrase });
  return signerFromKeyAndCerts(key, pemCertificates(opts.certificatesPem), opts.tsa);
}

function signerFromKeyAndCerts(key: KeyObject, certs: Buffer[], tsa?: TimestampAuthority): Signer {
  const leaf = certs.find((c) => keyMatchesCertificate(key, c));
  if (!leaf) throw new Error('no certificate matches the private key');
  const chain = orderChain(leaf, certs);
  return createSigner({ key: keyObjectSigningKey(key), chain, tsa });
}

/** leaf, its issuer, that one's issuer … (by subject/issuer DER), ignoring unrelated certificates. */
function orderChain(leaf: Buffer, certs: Buffer[]): Buffer[] {
  const parsed = certs.map((der) => ({ der, x: new X509Certificate(der) }));
  const out = [leaf];
  let cur = new X509Certificate(leaf);
  while (cur.issuer !== cur.subject) {
    const next = parsed.find(
      (p) => p.x.subject === cur.issuer && cur.checkIssued(p.x) && !out.includes(p.der),
    );
    if (!next) break;
    out.push(next.der);
    cur = next.x;
  }
  return out;
}

const BAG = {
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
} as const;

/**
 * A Signer from a PKCS#12 (.p12/.pfx) file, parsed with pkijs (no OpenSSL, no node-forge):
 * PBES2 (AES-CBC + PBKDF2, the OpenSSL 3 default) and an HMAC-SHA-256/SHA-1 integrity MAC.
 * The legacy RC2/3DES encryption of old exports is not supported: re-export with OpenSSL 3.
 */
export async function loadPkcs12Signer(
  p12: Buffer,
  password: string,
  tsa?: TimestampAuthority,
): Promise<Signer> {
  const pw = toAB(Buffer.from(password, 'utf8'));
  const asn = asn1js.fromBER(toAB(p12));
  if (asn.offset === -1) throw new Error('not a PKCS#12 file');
  const pfx = new pkijs.PFX({ schema: asn.result });
  await pfx.parseInternalValues({ password: pw, checkIntegrity: true });
  const safe = pfx.parsedValue?.authenticatedSafe;
  if (!safe) throw new Error('PKCS#12 has no authenticated safe');
  await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password: pw })) });

  const keys: KeyObject[] = [];
  const certs: Buffer[] = [];
  for (const contents of safe.parsedValue?.safeContents ?? []) {
    for (const bag of contents.value.safeBags) {
      if (bag.bagId === BAG.shroudedKeyBag) {
        const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
        // Public in pkijs' JavaScript and its PKCS#12 examples; declared protected in its typings.
        await (
          shrouded as unknown as { parseInternalValues(p: { password: ArrayBuffer }): Promise<void> }
        ).parseInternalValues({
          password: pw,
        });
        const info = shrouded.parsedValue;
        if (info) keys.push(pkcs8Key(toBuf(info.toSchema().toBER(false))));
      } else if (bag.bagId === BAG.keyBag) {
        keys.push(pkcs8Key(toBuf((bag.bagValue as pkijs.PrivateKeyInfo).toSchema().toBER(false))));
      } else if (bag.bagId === BAG.certBag) {
        const cert = (bag.bagValue as pkijs.CertBag).parsedValue;
        if (cert instanceof pkijs.Certificate) certs.push(toBuf(cert.toSchema().toBER(false)));
      }
    }
  }
  const key = keys[0];
  if (!key) throw new Error('PKCS#12 holds no private key');
  return signerFromKeyAndCerts(key, certs, tsa);
}

function pkcs8Key(der: Buffer): KeyObject {
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}
