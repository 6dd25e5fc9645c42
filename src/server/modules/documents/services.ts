/**
 * The documents module's long-lived services, built once per configuration: the office seal
 * (PKCS#12 from SIGNING_P12, or the development CA created under DATA_DIR/keys on first use),
 * the Ed25519 key that signs QR tokens (DATA_DIR/keys/doc-token/, every past public key kept so
 * old printouts still verify), the optional RFC 3161 TSA, and the blob store.
 */
import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, importJWK, type JWK } from 'jose';
import type { Config } from '../../config.ts';
import {
  createPemSigner,
  ensureDevCa,
  generateTokenKey,
  httpTimestampAuthority,
  loadPkcs12Signer,
  type Signer,
} from '../../platform/signing/index.ts';
import { type BlobStore, localBlobStore, s3BlobStore } from '../../platform/storage/index.ts';

export interface TokenKeys {
  /** The key new tokens are signed with. */
  current: { kid: string; privateKey: CryptoKey };
  /** Public keys by kid: the current one and every earlier one (rotation keeps old printouts valid). */
  publicKeys: Map<string, JWK>;
}

export interface DocumentServices {
  signer: Signer;
  /** Shown in the seal's /Name and on /verify. */
  sealName: string;
  /** Dev CA root (PEM) when the development CA is in use: import it to trust the seal locally. */
  devCaPem: string | null;
  tokens: TokenKeys;
  store: BlobStore;
}

const cache = new Map<string, Promise<DocumentServices>>();

/** The services for `cfg` (created on first call, then shared). */
export function documentServices(cfg: Config): Promise<DocumentServices> {
  const key = JSON.stringify([cfg.dataDir, cfg.signingP12, cfg.tsaUrl, cfg.storage, cfg.s3]);
  let p = cache.get(key);
  if (!p) {
    p = build(cfg);
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

/** The blob store configured by STORAGE (local folder DATA_DIR/store, or S3). */
export function blobStoreFor(cfg: Config): BlobStore {
  if (cfg.storage === 's3') {
    const { endpoint, bucket, accessKeyId, secretAccessKey, region, prefix } = cfg.s3;
    if (!endpoint || !bucket || !accessKeyId || !secretAccessKey)
      throw new Error('STORAGE=s3 needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY');
    return s3BlobStore({ endpoint, bucket, accessKeyId, secretAccessKey, region, prefix });
  }
  return localBlobStore(join(cfg.dataDir, 'store'));
}

async function build(cfg: Config): Promise<DocumentServices> {
  const keysDir = join(cfg.dataDir, 'keys');
  const tsa = cfg.tsaUrl ? httpTimestampAuthority(cfg.tsaUrl) : undefined;
  let signer: Signer;
  let devCaPem: string | null = null;
  if (cfg.signingP12) {
    signer = await loadPkcs12Signer(readFileSync(cfg.signingP12), cfg.signingP12Password ?? '', tsa);
  } else {
    const ca = await ensureDevCa(join(keysDir, 'dev-ca'));
    devCaPem = ca.caCertPem;
    // ensureDevCa's signer has no TSA option: rebuild it from the same files with one.
    signer = createPemSigner({ keyPem: ca.officeKeyPem, certificatesPem: ca.chainPem, tsa });
  }
  const leaf = (await signer.certificateChain())[0]!;
  const cn = /CN=([^\n]+)/.exec(new X509Certificate(leaf).subject)?.[1] ?? 'Khru';
  return {
    signer,
    sealName: cn,
    devCaPem,
    tokens: await ensureTokenKeys(join(keysDir, 'doc-token')),
    store: blobStoreFor(cfg),
  };
}

type StoredTokenKey = { kid: string; createdAt: string; privateJwk: JWK; publicJwk: JWK };

/** Loads the QR-token keys, creating the first one (files 0600, directory 0700) if there is none. */
export async function ensureTokenKeys(dir: string): Promise<TokenKeys> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const read = () =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as StoredTokenKey)
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  let stored = read();
  if (stored.length === 0) {
    const k = await generateTokenKey();
    const file = join(dir, `${k.kid}.json`);
    if (!existsSync(file)) {
      const entry: StoredTokenKey = {
        kid: k.kid,
        createdAt: new Date().toISOString(),
        privateJwk: { ...(await exportJWK(k.privateKey)), kid: k.kid },
        publicJwk: k.publicJwk,
      };
      writeFileSync(file, JSON.stringify(entry, null, 2), { mode: 0o600 });
    }
    stored = read();
  }
  const newest = stored[0]!;
  return {
    current: { kid: newest.kid, privateKey: (await importJWK(newest.privateJwk, 'EdDSA')) as CryptoKey },
    publicKeys: new Map(stored.map((s) => [s.kid, s.publicJwk])),
  };
}
