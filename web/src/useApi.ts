import { useCallback, useEffect, useState } from 'react';
import { api } from './api';

/** GETs a path and keeps the answer; `reload` after a change, `error` for the page to show. */
export function useApi<T>(path: string | null) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!path) return;
    let live = true;
    setError(null);
    api<T>(path).then((d) => live && setData(d), (e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [path, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading: data === undefined && !error, reload, setData };
}
