import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiClient } from '../../api/client';

interface AdminValue {
  /** The admin user name while signed in as admin, else null. */
  admin: string | null;
  /** Calls with no credentials: everything the read-only pages show. */
  api: ApiClient;
  /** Calls with the admin's HTTP Basic credentials; a 401 forgets them. */
  adminApi: ApiClient;
  signIn: (user: string, password: string) => void;
  signOut: () => void;
}

const AdminContext = createContext<AdminValue | null>(null);

/**
 * The console's two API clients and the admin credentials. The credentials live only in this component's memory:
 * never in localStorage, sessionStorage or a cookie, so closing or reloading the tab forgets them.
 */
export function AdminProvider({ children, fetchImpl }: { children: ReactNode; fetchImpl?: typeof fetch }) {
  const [admin, setAdmin] = useState<string | null>(null);
  const basic = useRef<string | null>(null);

  const signOut = useCallback(() => {
    basic.current = null;
    setAdmin(null);
  }, []);

  const signIn = useCallback((user: string, password: string) => {
    basic.current = btoa(unescape(encodeURIComponent(`${user}:${password}`)));
    setAdmin(user);
  }, []);

  const api = useMemo(() => new ApiClient({ token: () => null, onUnauthorized: () => {}, fetchImpl }), [fetchImpl]);
  const adminApi = useMemo(
    () => new ApiClient({ token: () => basic.current, scheme: 'Basic', onUnauthorized: signOut, fetchImpl }),
    [fetchImpl, signOut],
  );

  const value = useMemo(() => ({ admin, api, adminApi, signIn, signOut }), [admin, api, adminApi, signIn, signOut]);
  return <AdminContext.Provider value={value}>{children}</AdminContext.Provider>;
}

export function useConsole(): AdminValue {
  const value = useContext(AdminContext);
  if (!value) throw new Error('useConsole outside AdminProvider');
  return value;
}
