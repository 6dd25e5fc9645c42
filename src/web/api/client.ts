/**
 * The one HTTP client of the web app. The CSRF token lives in this module's memory only (never in
 * localStorage/sessionStorage); the session itself is an HttpOnly cookie set by the server.
 */

export type ApiFieldError = { field: string; messageKey: string; message: string };

/** An error response of the API: `{error:{code,message,fields}}` with a Thai (or English) message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: ApiFieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;
const SIGN_IN_STEPS = new Set([
  '/api/auth/login',
  '/api/auth/session',
  '/api/auth/second-factor',
  '/api/auth/totp/confirm',
]);

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request returns 401 (session expired): the app goes back to the login page. */
export function setUnauthenticatedHandler(fn: (() => void) | null): void {
  onUnauthenticated = fn;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'x-khru-source': 'web', accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'network', networkMessage());
  }
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => null)) as {
    error?: { code: string; message: string; fields?: ApiFieldError[] };
  } | null;
  if (!res.ok) {
    const e = json?.error;
    // A wrong code at the second step is a 401 too, but the session still stands (ADR 0113).
    if (res.status === 401 && !SIGN_IN_STEPS.has(path)) onUnauthenticated?.();
    throw new ApiError(
      res.status,
      e?.code ?? 'internal',
      e?.message ?? `HTTP ${res.status}`,
      e?.fields ?? [],
    );
  }
  return json as T;
}

function networkMessage(): string {
  return document.documentElement.lang === 'en'
    ? 'Cannot reach the server; check your connection'
    : 'ติดต่อเซิร์ฟเวอร์ไม่ได้ กรุณาตรวจสอบการเชื่อมต่อ';
}
