import { useCallback, useEffect, useState } from 'react';
import { api } from './api';
import { useCountLoading } from './hooks/useLoading';

/** GETs a path and keeps the answer; `reload` after a change, `error` for the page to show. */
export function useApi<T>(path: string | null) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [version, setVersion] = useState(0);
  // a failure belongs to its request: asking again (another path, a reload) clears it
  const [failure, setFailure] = useState<{ request: string; error: unknown } | null>(null);
  // the request last answered, either way: until it is this one, the page is still loading
  const [answered, setAnswered] = useState<string | null>(null);
  const request = `${version} ${path}`;
  useEffect(() => {
    if (!path) return;
    let live = true;
    api<T>(path).then(
      (d) => {
        if (!live) return;
        setData(d);
        setAnswered(request);
      },
      (e: unknown) => {
        if (!live) return;
        setFailure({ request, error: e });
        setAnswered(request);
      },
    );
    return () => {
      live = false;
    };
  }, [path, request]);
  useCountLoading(path !== null && answered !== request);
  const error = failure?.request === request ? failure.error : null;
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading: data === undefined && !error, reload, setData };
}
