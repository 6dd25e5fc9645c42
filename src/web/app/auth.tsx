import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, setCsrfToken, setUnauthenticatedHandler } from '../api/client.ts';
import type { SessionInfo, SessionUser } from '../api/types.ts';
import { clearRecent } from './recent.ts';

type AuthState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  /** Password accepted; the session still owes its second factor (ADR 0113). */
  | { status: 'secondFactor'; pending: 'totp' | 'enrol' }
  | { status: 'signedIn'; user: SessionUser };

type AuthCtx = {
  state: AuthState;
  login: (nationalId: string, password: string) => Promise<void>;
  /** Takes the session a second-factor step answered with (a new session, ADR 0113). */
  finish: (s: SessionInfo) => void;
  logout: () => Promise<void>;
};

function stateOf(s: SessionInfo): AuthState {
  return s.secondFactor
    ? { status: 'secondFactor', pending: s.secondFactor }
    : { status: 'signedIn', user: s.user };
}

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
        setState(stateOf(s));
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
      setState(stateOf(s));
    },
    [qc],
  );

  const finish = useCallback(
    (s: SessionInfo) => {
      qc.clear();
      setCsrfToken(s.csrfToken);
      setState(stateOf(s));
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

  const value = useMemo(() => ({ state, login, finish, logout }), [state, login, finish, logout]);
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
