// Helpers for the meter commands Shahn records (meter_commands): their kinds and statuses in the
// order they were queued, and waiting until one is done at the simulated meter (the sim's clock
// is advanced once the cloud has accepted it: a meter carries a command out 3 s later).
import { pollNow } from '../../../db/repos/meter-commands';
import type { Harness } from '../../helpers/harness';

interface Row { id: string; kind: string; status: string }
const rows = (h: Harness, meterNumber: string) =>
  h.app.db.read.prepare('SELECT id, kind, status FROM meter_commands WHERE meter_number = ? ORDER BY created_at, rowid').all(meterNumber) as Row[];

export const commandKinds = (h: Harness, meterNumber: string) => rows(h, meterNumber).map((r) => r.kind);
export const commandStatus = (h: Harness, meterNumber: string) => rows(h, meterNumber).map((r) => r.status);

/** Waits until the newest command of this kind for the meter is done; fails if it failed. */
export async function waitDone(h: Harness, meterNumber: string, kind: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  let advancedAt = 0;
  for (;;) {
    const c = rows(h, meterNumber).filter((r) => r.kind === kind).at(-1);
    if (c?.status === 'done') return;
    if (c?.status === 'failed') throw new Error(`command ${kind} for ${meterNumber} failed`);
    if (Date.now() > end) throw new Error(`timed out waiting for ${kind} on ${meterNumber} (${c?.status ?? 'not queued'})`);
    if (c?.status === 'sent' && Date.now() - advancedAt > 2_000) {
      h.sims.clock.advance(4_000);
      advancedAt = Date.now();
      pollNow(h.app.db.write, c.id, new Date().toISOString());
    }
    h.app.worker.kick();
    await new Promise((r) => setTimeout(r, 25));
  }
}
