import { ApiError } from '../../api/client.ts';

/**
 * Runs one user action (an API call or a WebAuthn ceremony) with a busy flag, turning any failure
 * — including the browser's WebAuthn errors — into the ApiError the page shows.
 */
export function busyRunner(setBusy: (b: boolean) => void, setError: (e: ApiError | null) => void) {
  return async (f: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'webauthn', String((e as Error).message ?? e)));
    } finally {
      setBusy(false);
    }
  };
}
