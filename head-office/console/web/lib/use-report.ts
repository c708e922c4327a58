import { useEffect, useState } from 'react';

/**
 * Asks again whenever `args` change (compared by value) or reload() is called; an answer to an
 * older question that arrives late is dropped, so the screen never shows one filter's figures
 * under another's. `args` null: nothing to ask (the filters are not valid yet).
 */
export function useReport<A, T>(args: A | null, load: (a: A) => Promise<T>): { data: T | undefined; error: unknown; loading: boolean; reload: () => void } {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [n, setN] = useState(0);
  const key = args === null ? null : JSON.stringify(args);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    setLoading(true);
    load(JSON.parse(key) as A).then(
      (v) => {
        if (!live) return;
        setData(v);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        // No figures at all rather than the previous question's under the new filters.
        setData(undefined);
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
    // `load` is a module-level action: only the question (key) and reload() ask again.
  }, [key, n]);
  return { data, error, loading, reload: () => setN((x) => x + 1) };
}
