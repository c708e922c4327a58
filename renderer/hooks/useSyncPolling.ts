import { useEffect } from 'react';
import { refreshSync } from '../actions/sync';

const POLL_MS = 3000;

/** sync.status now and every 3 s while signed in (sales trigger an extra refresh themselves). */
export function useSyncPolling(): void {
  useEffect(() => {
    void refreshSync();
    const h = window.setInterval(() => void refreshSync(), POLL_MS);
    return () => window.clearInterval(h);
  }, []);
}
