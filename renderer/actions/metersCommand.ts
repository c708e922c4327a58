// Disconnect / reconnect / on / off / amperage: confirm, then send with a client-made id. The id
// is kept until an answer arrives, so "send again" after a lost answer queues the same command.
import { RpcFailure, invoke, toFailure } from '../transport';
import { useMeters } from '../stores/meters';
import { useMeterCommand, type CommandInput, type CommandKind, type PendingCommand } from '../stores/metersCommand';
import { newSaleId } from '../lib/uuid';
import { normalizeDigits } from '../lib/money';
import { both } from '../i18n';
import { refreshCommands } from './metersRefresh';

const AMP_STEP = 5;

/** A command button: opens the confirmation (amperage commands start from the limit now ± 5 A). */
export function openCommand(kind: CommandKind): void {
  const s = useMeterCommand.getState();
  if (s.sending || s.pending) return;
  const limit = useMeters.getState().status.value?.amperageLimitA;
  const limitText =
    limit === undefined ? '' : kind === 'reduce_amperage' ? String(Math.max(1, limit - AMP_STEP)) : kind === 'increase_amperage' ? String(limit + AMP_STEP) : '';
  s.patch({ draft: { kind, reason: '', limitText }, error: null });
}

export function cancelCommand(): void {
  if (useMeterCommand.getState().sending) return;
  useMeterCommand.getState().patch({ draft: null, pending: null, error: null });
}

function build(): CommandInput | null {
  const { draft } = useMeterCommand.getState();
  if (!draft) return null;
  const fail = (key: string, opts?: Record<string, unknown>) => {
    useMeterCommand.getState().patch({ error: { message: both(key, opts), retry: false } });
    return null;
  };
  if (draft.kind === 'disconnect') {
    const reason = draft.reason.trim();
    if (reason.length < 3 || reason.length > 200) return fail('meters.confirm.reasonNeeded');
    return { kind: 'disconnect', reason };
  }
  if (draft.kind === 'reduce_amperage' || draft.kind === 'increase_amperage') {
    const text = normalizeDigits(draft.limitText).trim();
    const limitA = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
    if (!(limitA >= 1 && limitA <= 1000)) return fail('meters.confirm.limitInvalid');
    const now = useMeters.getState().status.value?.amperageLimitA;
    if (now !== undefined && draft.kind === 'reduce_amperage' && limitA >= now) return fail('meters.confirm.limitNotLower', { now });
    if (now !== undefined && draft.kind === 'increase_amperage' && limitA <= now) return fail('meters.confirm.limitNotHigher', { now });
    return { kind: draft.kind, limitA };
  }
  return { kind: draft.kind };
}

/** The confirmation's "Send" button (and "Send again" after a lost answer). */
export async function submitCommand(): Promise<void> {
  const s = useMeterCommand.getState();
  const meterNumber = useMeters.getState().meter?.number;
  if (s.sending || !meterNumber) return;
  if (s.pending) return send(s.pending);
  const command = build();
  if (!command) return;
  return send({ commandId: newSaleId(), meterNumber, command });
}

async function send(p: PendingCommand): Promise<void> {
  useMeterCommand.getState().patch({ sending: true, pending: p, error: null });
  try {
    const current = await invoke('meters.command', { meterNumber: p.meterNumber, commandId: p.commandId, command: p.command });
    useMeterCommand.getState().patch({ sending: false, pending: null, draft: null, current });
  } catch (e) {
    const f = toFailure(e);
    // No answer (connection lost, crash in main): the command may be queued. Keep its id for the retry.
    const unknown = (f instanceof RpcFailure && f.transport) || f.code === 'INTERNAL';
    useMeterCommand.getState().patch({ sending: false, pending: unknown ? p : null, error: { message: f.error.message, retry: unknown } });
  } finally {
    void refreshCommands(true);
  }
}
