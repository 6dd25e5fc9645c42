/**
 * Upload file names: they are only ever shown and offered back in Content-Disposition, never used
 * as paths (the store keys blobs by hash), but a name that tries to be a path is refused outright.
 */

/** Why a name is refused, or null if it is acceptable. */
export type FileNameProblem = 'empty' | 'path' | 'control' | 'tooLong';

/**
 * Cleans an uploaded file name: NFC, trimmed, inner whitespace collapsed. Returns the problem for
 * names with path parts (`/`, `\`, `..`, a drive letter), control characters, or over 200 characters.
 */
export function sanitizeFileName(raw: string): { name: string } | { problem: FileNameProblem } {
  const name = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!name || name === '.') return { problem: 'empty' };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(name))
    return { problem: 'control' };
  if (
    /[/\\]/.test(name) ||
    name.split('.').every((s) => s === '') ||
    /^[A-Za-z]:/.test(name) ||
    name.includes('..')
  )
    return { problem: 'path' };
  if ([...name].length > 200) return { problem: 'tooLong' };
  return { name };
}

/**
 * RFC 6266 Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 8187), e.g.
 * `attachment; filename="_____.pdf"; filename*=UTF-8''%E0%B8%81...pdf`.
 */
export function contentDisposition(fileName: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
