/**
 * Local-folder blob store (the default): DATA_DIR/store/<first two hex>/<sha256>. Writes go to a
 * temporary file inside the store and are renamed into place, so a reader never sees half a file,
 * and nothing is ever written outside the store's root.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { assertBlobKey, assertObjectName, type BlobStore, sha256Hex } from './blob-store.ts';

/** A BlobStore in a local folder (created with mode 0700 on first write). */
export function localBlobStore(root: string): BlobStore {
  const base = resolve(root);
  const pathOf = (sha: string) => {
    assertBlobKey(sha);
    const p = join(base, sha.slice(0, 2), sha);
    // Defence in depth: the key is hex, but never let a computed path leave the root.
    if (!p.startsWith(base + sep)) throw new Error('blob path escapes the store');
    return p;
  };
  const exists = async (p: string) =>
    stat(p).then(
      () => true,
      () => false,
    );
  const namedPath = (name: string) => {
    const p = join(base, 'named', assertObjectName(name));
    if (!p.startsWith(base + sep)) throw new Error('object path escapes the store');
    return p;
  };
  /** Writes a temporary file in `dir`, synced, and renames it onto `target`. */
  const writeAtomic = async (dir: string, target: string, bytes: Buffer) => {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const tmp = join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
    const fh = await open(tmp, 'wx', 0o600);
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    try {
      await rename(tmp, target);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
  };
  const readOrNull = async (p: string) => {
    try {
      return await readFile(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  };
  return {
    kind: 'local',
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      const target = pathOf(sha256);
      if (await exists(target)) return { sha256, created: false };
      await writeAtomic(join(base, sha256.slice(0, 2)), target, bytes);
      return { sha256, created: true };
    },
    async putNamed(name, bytes) {
      const target = namedPath(name);
      await writeAtomic(dirname(target), target, bytes);
    },
    getNamed: (name) => readOrNull(namedPath(name)),
    get: (sha256) => readOrNull(pathOf(sha256)),
    has: async (sha256) => exists(pathOf(sha256)),
  };
}
