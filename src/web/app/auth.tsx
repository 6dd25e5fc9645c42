import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, setCsrfToken, setUnauthenticatedHandler } from '../api/client.ts';
import type { SessionInfo, SessionUser } from '../api/types.ts';
import { clearRecent } from './recent.ts';

type AuthState = { status: 'loading' } | { status: 'anonymous' } | { status: 'signedIn'; user: SessionUser };

type AuthCtx = {
  state: AuthState;
  login: (nationalId: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
};

const Ctx = createContext<AuthCtx | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  const signedOut = useCallback(() => {
    setCsrfToken(null);
    qc.clear();
    setState({ status: 'anonymous' });
  }, [qc]);

  useEffect(() => {
    setUnauthenticatedHandler(signedOut);
    let cancelled = false;
    api<SessionInfo>('GET', '/api/auth/session')
      .then((s) => {
        if (cancelled) return;
        setCsrfToken(s.csrfToken);
        setState({ status: 'signedIn', user: s.user });
      })
      .catch(() => {
        if (!cancelled) setState({ status: 'anonymous' });
      });
    return () => {
      cancelled = true;
      setUnauthenticatedHandler(null);
    };
  }, [signedOut]);

  const login = useCallback(
    async (nationalId: string, password: string) => {
      const s = await api<SessionInfo>('POST', '/api/auth/login', { nationalId, password });
      qc.clear();
      clearRecent();
      setCsrfToken(s.csrfToken);
      setState({ status: 'signedIn', user: s.user });
    },
    [qc],
  );

  const logout = useCallback(async () => {
    try {
      await api('POST', '/api/auth/logout');
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
    clearRecent();
    signedOut();
  }, [signedOut]);

  const value = useMemo(() => ({ state, login, logout }), [state, login, logout]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useAuth(): AuthCtx {
  const v = useContext(Ctx);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** The signed-in user (only inside the signed-in part of the app). */
export function useUser(): SessionUser {
  const { state } = useAuth();
  if (state.status !== 'signedIn') throw new Error('not signed in');
  return state.user;
}

/** Whether the user works on other people's records (officer, clerk, director, controller…). */
export function canSearch(user: SessionUser): boolean {
  return user.assignments.length > 0 && user.permissions.includes('record.read');
}
