import { useCallback, useState } from 'react';
import type { Bilingual } from '../../../preload/contract';
import { toFailure } from '../../transport';

/** Runs one async call at a time and keeps its bilingual error for display. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Bilingual | null>(null);
  const run = useCallback(async <T,>(call: () => Promise<T>): Promise<T | null> => {
    setBusy(true);
    setError(null);
    try {
      return await call();
    } catch (e) {
      setError(toFailure(e).error.message);
      return null;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, setError };
}
