import { invoke } from '../transport';
import { useRecent } from '../stores/recent';

export async function refreshRecent(): Promise<void> {
  try {
    useRecent.getState().set(await invoke('sales.recent', { limit: 8 }));
  } catch {
    // The list is a convenience; the sell screen works without it.
  }
}
