/**
 * "Recent work": the records a user opened in this browser session. Only person UUIDs go to
 * sessionStorage (no names or IDs: no personal data in browser storage); names are kept in memory.
 */
const KEY = 'khru.recent';
const MAX = 8;
const names = new Map<string, string>();

export function recentIds(): string[] {
  try {
    const v = JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(v)
      ? v.filter((x): x is string => typeof x === 'string' && /^[0-9a-f-]{36}$/.test(x))
      : [];
  } catch {
    return [];
  }
}

export function rememberOpened(personId: string, displayName: string): void {
  names.set(personId, displayName);
  const ids = [personId, ...recentIds().filter((x) => x !== personId)].slice(0, MAX);
  try {
    sessionStorage.setItem(KEY, JSON.stringify(ids));
  } catch {
    // storage full or disabled: recent work stays in memory only
  }
}

export function recentName(personId: string): string | undefined {
  return names.get(personId);
}

export function clearRecent(): void {
  names.clear();
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // ignore
  }
}
