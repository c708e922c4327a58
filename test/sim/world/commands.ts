// Asynchronous meter commands as a head-end system runs them: accepted at once as "pending",
// carried out when the meter is reachable through its DCU and the command has had time to
// travel, or failed when the meter stays out of reach too long or refuses it.
import type { Bilingual } from '../../../preload/contract';
import type { CommandInfo, CommandKind, CommandRequest } from '../../../main/vendors/meter-wire';
import { hasCredit, restoreIfPaid, type SimMeterState } from './meter-state';

export interface SimCommand {
  commandId: string;
  meterNumber: string;
  request: CommandRequest;
  status: CommandInfo['status'];
  createdAt: number;
  completedAt: number | null;
  error: { code: string; message: Bilingual } | null;
}

export interface CommandTiming {
  /** Time a command needs to reach the meter and be confirmed once it is online. */
  executeAfterMs: number;
  /** A command still not carried out this long after it was accepted fails. */
  expireAfterMs: number;
}

export const DEFAULT_TIMING: CommandTiming = { executeAfterMs: 3_000, expireAfterMs: 15 * 60_000 };

const fault = (code: string, en: string, ar: string) => ({ code, message: { en, ar } });

/** Applies a command to the meter; returns the refusal the meter gives, or null when it was done. */
function execute(m: SimMeterState, r: CommandRequest): SimCommand['error'] {
  switch (r.command) {
    case 'disconnect':
      m.relay = 'disconnected';
      m.disconnectReason = r.reason;
      return null;
    case 'reconnect':
      if (m.relay === 'disconnected') m.relay = 'on';
      m.disconnectReason = null;
      restoreIfPaid(m);
      return null;
    case 'turn_off':
      if (m.relay !== 'disconnected') m.relay = 'off';
      return null;
    case 'turn_on':
      if (m.relay === 'disconnected') {
        return fault('METER_DISCONNECTED', `Meter ${m.number} is disconnected (${m.disconnectReason ?? ''}); reconnect it first`, `العداد ${m.number} مفصول (${m.disconnectReason ?? ''})؛ أعد توصيله أولًا`);
      }
      if (!hasCredit(m)) {
        m.relay = 'tripped';
        return fault('NO_CREDIT', `Meter ${m.number} has no credit left; it stays off until it is recharged`, `لا يوجد رصيد في العداد ${m.number}؛ يبقى مطفأً حتى يُشحن`);
      }
      m.relay = 'on';
      return null;
    case 'reduce_amperage':
    case 'increase_amperage':
      m.amperageLimitA = r.limitA;
      return null;
  }
}

export function commandWire(c: SimCommand): CommandInfo {
  return {
    commandId: c.commandId,
    meterNumber: c.meterNumber,
    command: c.request.command as CommandKind,
    status: c.status,
    createdAt: new Date(c.createdAt).toISOString(),
    completedAt: c.completedAt === null ? null : new Date(c.completedAt).toISOString(),
    error: c.error,
  };
}

/** Settles the meter's pending commands at instant t, in the order they were accepted. */
export function runCommands(m: SimMeterState, pending: SimCommand[], t: number, timing: CommandTiming): void {
  for (const c of pending) {
    if (c.status !== 'pending') continue;
    if (m.link.online && t >= c.createdAt + timing.executeAfterMs) {
      const error = execute(m, c.request);
      c.status = error ? 'failed' : 'done';
      c.error = error;
      c.completedAt = t;
    } else if (t >= c.createdAt + timing.expireAfterMs) {
      c.status = 'failed';
      c.completedAt = t;
      const mins = Math.round(timing.expireAfterMs / 60_000);
      c.error = fault('METER_UNREACHABLE', `Meter ${m.number} did not answer through its DCU within ${mins} minutes`, `لم يستجب العداد ${m.number} عبر وحدة التجميع خلال ${mins} دقيقة`);
    } else {
      // Later commands wait for earlier ones: a meter carries them out in order.
      return;
    }
  }
}
