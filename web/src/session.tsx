import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken } from './api';
import type { Answer } from './api/types';

export type Me = Answer<'/api/me'>;

interface SessionValue {
  me: Me | null;
  loading: boolean;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const accept = useCallback((m: Me | null) => {
    setCsrfToken(m?.csrfToken ?? null);
    setMe(m);
  }, []);

  useEffect(() => {
    api<Me>('/api/me')
      .then(accept)
      .catch((e: unknown) => {
        if (!(e instanceof ApiError && e.status === 401)) console.error(e);
        accept(null);
      })
      .finally(() => setLoading(false));
  }, [accept]);

  const value: SessionValue = {
    me,
    loading,
    signIn: async (email, password) =>
      accept(await api<Me>('/api/session', { method: 'POST', body: { email, password } })),
    signOut: async () => {
      // ends the session here, and tells where to also sign out of the identity provider
      const out = await api<Answer<'/api/sso/sign-out', 'post'>>('/api/sso/sign-out', { method: 'POST' }).catch(
        () => null,
      );
      if (out?.endSessionUrl) sessionStorage.setItem('selfserve.endSessionUrl', out.endSessionUrl);
      accept(null);
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

export const isAdminRole = (role: Me['person']['role']) => role !== 'member';
