// Reads of the open meter's account (meters.creditInfo: the counter's record beside its cloud's),
// and following the commands a change queued until the meter has carried them out.
import { invoke, toFailure } from '../transport';
import { useMeters } from '../stores/meters';
import { useMeterCommand } from '../stores/metersCommand';
import { useMeterCredit } from '../stores/metersCredit';
import { refreshCommands } from './metersRefresh';

// A meter opened, changed or closed (also at sign-out): nothing of the previous account stays.
useMeters.subscribe((s, prev) => {
  const now = s.meter?.number ?? null;
  if (now === (prev.meter?.number ?? null)) return;
  useMeterCredit.getState().reset(now);
  if (now) void refreshCredit();
});

let inflight: Promise<void> | null = null;
/** Asked for while a read was running: read once more after it (its answer may predate a change). */
let again = false;

/** quiet: a background re-read (following commands) that does not show "reading…". */
export function refreshCredit(quiet = false): Promise<void> {
  if (inflight) {
    again = true;
    return inflight;
  }
  const meterNumber = useMeterCredit.getState().meterNumber;
  if (!meterNumber) return Promise.resolve();
  const mine = () => useMeterCredit.getState().meterNumber === meterNumber;
  if (!quiet) useMeterCredit.getState().patch({ loading: true });
  inflight = invoke('meters.creditInfo', { meterNumber })
    .then((info) => {
      if (mine()) useMeterCredit.getState().patch({ info, loading: false, error: null });
    })
    .catch((e: unknown) => {
      if (mine()) useMeterCredit.getState().patch({ loading: false, error: toFailure(e).error.message });
    })
    .finally(() => {
      inflight = null;
      if (again) {
        again = false;
        void refreshCredit(true);
      }
    });
  return inflight;
}

/**
 * After a change: the commands it queued (not on the list before) are followed on the
 * card; the first is also handed to the Commands card's live view, which polls it every 2 s.
 */
export async function followNewCommands(knownBefore: Set<string>): Promise<void> {
  await refreshCommands(true);
  const list = useMeters.getState().commands.value ?? [];
  // Not on the list before the change: queued by it (the outbox may already have carried it out).
  const fresh = list.filter((c) => !knownBefore.has(c.id)).reverse(); // oldest first
  useMeterCredit.getState().patch({ followIds: fresh.map((c) => c.id) });
  const cmd = useMeterCommand.getState();
  const first = fresh[0];
  if (first && !cmd.sending && !cmd.pending && !cmd.draft) cmd.patch({ current: first, error: null });
}

export const knownCommandIds = () => new Set((useMeters.getState().commands.value ?? []).map((c) => c.id));
