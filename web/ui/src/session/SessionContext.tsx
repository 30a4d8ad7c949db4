import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiClient } from '../api/client';
import { feedApi, type FeedApi } from '../api/feedApi';
import type { Session } from '../api/types';
import { clearSession, loadSession, saveSession } from './storage';

interface SessionValue {
  session: Session | null;
  api: FeedApi;
  signIn: (session: Session) => void;
  /** Signs out; `expired` tells the log-in page to say why. */
  signOut: (expired?: boolean) => void;
  expired: boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Holds who is signed in and the API client that sends their token; a 401 on a signed call signs out. */
export function SessionProvider({ children, fetchImpl }: { children: ReactNode; fetchImpl?: typeof fetch }) {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [expired, setExpired] = useState(false);
  const tokenRef = useRef<string | null>(session?.token ?? null);

  const signOut = useCallback((wasExpired = false) => {
    clearSession();
    tokenRef.current = null;
    setSession(null);
    setExpired(wasExpired);
    window.location.hash = '#/login';
  }, []);

  const signIn = useCallback((next: Session) => {
    saveSession(next);
    tokenRef.current = next.token;
    setSession(next);
    setExpired(false);
  }, []);

  const api = useMemo(
    () => feedApi(new ApiClient({ token: () => tokenRef.current, onUnauthorized: () => signOut(true), fetchImpl })),
    [fetchImpl, signOut],
  );

  const value = useMemo(() => ({ session, api, signIn, signOut, expired }), [session, api, signIn, signOut, expired]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
