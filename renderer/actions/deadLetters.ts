// Behind the Dead letters screen: the list, and the two supervisor actions (each confirmed first).
import type { DeadLetter } from '../../preload/contract';
import { invoke, toFailure } from '../transport';
import { useDeadLetters } from '../stores/deadLetters';
import { useSync } from '../stores/sync';
import { refreshSync } from './sync';
import { latestWins } from '../lib/latest';

/** Topics whose refusal is also written on the sale, in both languages. */
const REASON_ON_SALE = new Set(['acrel.recharge']);

const latest = latestWins();

export async function refreshDeadLetters(): Promise<void> {
  const isLatest = latest.begin();
  try {
    const letters = await invoke('outbox.deadLetters', { includeResolved: false, limit: 100 });
    if (!isLatest()) return;
    useDeadLetters.getState().patch({ letters, loaded: true, error: null });
    await loadReasons(letters);
  } catch (e) {
    if (isLatest()) useDeadLetters.getState().patch({ error: toFailure(e).error.message });
  }
}

/** The outbox keeps the refusal in English only; a refused credit also failed its sale, which
 *  holds the vendor's words in both languages. */
async function loadReasons(letters: DeadLetter[]): Promise<void> {
  const known = useDeadLetters.getState().reasons;
  const ids = [...new Set(letters.filter((l) => l.saleId && REASON_ON_SALE.has(l.topic) && !known[l.saleId]).map((l) => l.saleId!))];
  if (ids.length === 0) return;
  const found = await Promise.all(ids.map((id) => invoke('sales.get', { id }).catch(() => null)));
  const reasons = { ...useDeadLetters.getState().reasons };
  for (const sale of found) if (sale?.errorMessage) reasons[sale.id] = sale.errorMessage;
  useDeadLetters.getState().patch({ reasons });
}

export function ask(kind: 'retry' | 'resolve', letter: DeadLetter): void {
  useDeadLetters.getState().patch({ confirm: { kind, letter }, note: '', actionError: null });
}

export function cancelConfirm(): void {
  if (useDeadLetters.getState().busy) return;
  useDeadLetters.getState().patch({ confirm: null, note: '', actionError: null });
}

export const NOTE_MIN = 3;
export const NOTE_MAX = 500;

/** Sends the confirmed action; the dialog stays open with the error when it fails. */
export async function confirmAction(): Promise<void> {
  const s = useDeadLetters.getState();
  const c = s.confirm;
  if (!c || s.busy) return;
  const note = s.note.trim();
  if (c.kind === 'resolve' && note.length < NOTE_MIN) return;
  s.patch({ busy: true, actionError: null });
  try {
    const status = c.kind === 'retry' ? await invoke('outbox.retry', { id: c.letter.id }) : await invoke('outbox.resolve', { id: c.letter.id, note });
    useSync.getState().set(status);
    useDeadLetters.getState().patch({ busy: false, confirm: null, note: '', done: { kind: c.kind, id: c.letter.id } });
  } catch (e) {
    useDeadLetters.getState().patch({ busy: false, actionError: toFailure(e).error.message });
  }
  await refreshDeadLetters();
  void refreshSync();
}
