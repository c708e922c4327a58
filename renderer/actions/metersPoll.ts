// Follows the command on screen: asks its status (every 2 s, from useCommandPolling) until the
// meter has carried it out or refused it; then the list and the meter's status are read again.
import { invoke } from '../transport';
import { useMeterCommand } from '../stores/metersCommand';
import { refreshBalance, refreshCommands, refreshStatus } from './metersRefresh';

export const FINAL = new Set(['done', 'failed']);

export async function pollCommand(): Promise<void> {
  const before = useMeterCommand.getState().current;
  if (!before || FINAL.has(before.status)) return;
  try {
    const now = await invoke('meters.commandStatus', { commandId: before.id });
    if (useMeterCommand.getState().current?.id !== now.id) return; // another command since
    if (now.status === before.status && now.sentAt === before.sentAt) return;
    useMeterCommand.getState().patch({ current: now });
    void refreshCommands(true);
    if (FINAL.has(now.status)) void Promise.all([refreshStatus(), refreshBalance()]);
  } catch {
    // Try again at the next tick; the command itself is safe in the outbox.
  }
}
