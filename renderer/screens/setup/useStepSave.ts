import { useState } from 'react';
import type { Bilingual } from '../../../preload/contract';
import { toFailure } from '../../transport';

/** A step's save: busy while it runs, main's bilingual refusal and the fields it named. */
export function useStepSave() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Bilingual | null>(null);
  const [bad, setBad] = useState<string[]>([]);
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    setBad([]);
    try {
      await work();
    } catch (e) {
      const f = toFailure(e).error;
      setError(f.message);
      setBad(f.code === 'BAD_INPUT' ? (f.issues ?? []) : []);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, bad, run, setError };
}
