// The outbox topics of meter commands. "metercmd.<kind>" sends the command with its id as the
// Idempotency-Key (a retry after a lost answer gets the same vendor command back); once the cloud
// accepted it, "metercmd.poll" asks checkCommandStatus until the meter has done it or refused it.
// Each settlement updates meter_commands and appends an audit row in the worker's transaction.
import type { WriteDb } from '../../db/open';
import { delayOutboxRow, markFinal, markSent } from '../../db/repos/meter-commands';
import { enqueue, type OutboxRow } from '../../db/repos/outbox';
import { appendAudit } from '../audit/append';
import type { Delivery, TopicHandler } from '../outbox/worker';
import type { CommandInfo } from '../vendors/meter-wire';
import { METER_COMMAND_KINDS, SYSTEM_COMMAND_KINDS } from '../../preload/contract';
import { COMMAND_TOPIC_PREFIX, POLL_TOPIC, type CommandPayload } from './commands';
import { isSystemRequest, sendSystemCommand } from './system-commands';
import { refusalText, type MeterVendors } from './vendors';

interface PollPayload {
  commandId: string;
  meterNumber: string;
  meterKind: 'sts' | 'acrel';
  vendorCommandId: string;
  n: number;
}

/** Waits between status polls: quick at first (the screen is watching), then every 15 s. */
export const POLL_DELAYS_MS = [500, 1_000, 2_000, 3_000, 5_000, 10_000, 15_000];
/** After this many polls (about a day) the command stays "sent": the cloud never confirmed it. */
const MAX_POLLS = 6_000;

function settleFromVendor(w: WriteDb, p: { commandId: string; meterNumber: string; meterKind: 'sts' | 'acrel' }, info: CommandInfo, at: string, n: number): void {
  if (info.status === 'pending') {
    if (n >= MAX_POLLS) return;
    const id = enqueue(w, { topic: POLL_TOPIC, key: `${p.commandId}:${n}`, payload: { ...p, vendorCommandId: info.commandId, n } satisfies PollPayload, at });
    delayOutboxRow(w, id, new Date(Date.parse(at) + POLL_DELAYS_MS[Math.min(n, POLL_DELAYS_MS.length - 1)]!).toISOString());
    return;
  }
  const final = info.status === 'done' ? { status: 'done' as const } : { status: 'failed' as const, code: info.error?.code ?? 'FAILED', message: info.error?.message ?? { en: 'The meter did not carry out the command.', ar: 'لم ينفذ العداد الأمر.' } };
  if (markFinal(w, p.commandId, final, at)) {
    appendAudit(w, { at, userId: null, action: `meter.command.${info.status}`, entity: 'meter', entityId: p.meterNumber, details: { commandId: p.commandId, vendorCommandId: info.commandId, error: info.error?.code ?? null } });
  }
}

function failForGood(w: WriteDb, row: OutboxRow, r: Extract<Delivery, { kind: 'refused' }>, at: string): void {
  const p = JSON.parse(row.payload_json) as { commandId: string; meterNumber: string };
  if (markFinal(w, p.commandId, { status: 'failed', code: r.code, message: refusalText(r.code, r.message) }, at)) {
    appendAudit(w, { at, userId: null, action: 'meter.command.failed', entity: 'meter', entityId: p.meterNumber, details: { commandId: p.commandId, refused: r.code } });
  }
}

function clientOf(v: MeterVendors, kind: 'sts' | 'acrel') {
  return v[kind];
}

const NOT_CONFIGURED: Delivery = { kind: 'refused', code: 'NOT_CONFIGURED', message: { en: 'The meter cloud is not configured at this counter.', ar: 'منصة العدادات غير مهيأة في هذا المركز.' } };

const NO_AMPERAGE: Delivery = { kind: 'refused', code: 'NOT_SUPPORTED', message: { en: 'This meter has no remote amperage limit.', ar: 'هذا العداد لا يدعم تغيير حد التيار عن بعد.' } };

function sendHandler(db: WriteDb, vendors: MeterVendors): TopicHandler {
  return {
    batch: 1,
    async deliver(rows) {
      const out = new Map<number, Delivery>();
      for (const row of rows) {
        const p = JSON.parse(row.payload_json) as CommandPayload;
        const c = clientOf(vendors, p.meterKind);
        if (!c) {
          out.set(row.id, NOT_CONFIGURED);
          continue;
        }
        const k = { meterNumber: p.meterNumber, idempotencyKey: p.commandId };
        const r = p.request;
        let o: Delivery;
        if (isSystemRequest(r)) o = await sendSystemCommand(vendors, p.meterKind, k, r);
        else if (r.command === 'disconnect') o = await c.disconnectMeter({ ...k, reason: r.reason });
        else if (r.command === 'reconnect') o = await c.reconnectMeter(k);
        else if (r.command === 'turn_on') o = await c.turnOnMeter(k);
        else if (r.command === 'turn_off') o = await c.turnOffMeter(k);
        else if (!('reduceAmperage' in c) || !('limitA' in r)) o = NO_AMPERAGE;
        else if (r.command === 'reduce_amperage') o = await c.reduceAmperage({ ...k, limitA: r.limitA });
        else o = await c.increaseAmperage({ ...k, limitA: r.limitA });
        out.set(row.id, o);
      }
      return out;
    },
    onDone(row, value, at) {
      const p = JSON.parse(row.payload_json) as CommandPayload;
      if (isSystemRequest(p.request)) {
        // Applied by the cloud when it accepted it: nothing to poll.
        if (markFinal(db, p.commandId, { status: 'done' }, at)) {
          appendAudit(db, { at, userId: null, action: 'meter.command.done', entity: 'meter', entityId: p.meterNumber, details: { commandId: p.commandId, kind: p.request.command } });
        }
        return;
      }
      const info = value as CommandInfo;
      markSent(db, p.commandId, info.commandId, at);
      appendAudit(db, { at, userId: null, action: 'meter.command.sent', entity: 'meter', entityId: p.meterNumber, details: { commandId: p.commandId, vendorCommandId: info.commandId } });
      settleFromVendor(db, p, info, at, 0);
    },
    onDead: (row, refusal, at) => failForGood(db, row, refusal, at),
  };
}

function pollHandler(db: WriteDb, vendors: MeterVendors): TopicHandler {
  return {
    batch: 1,
    async deliver(rows) {
      const out = new Map<number, Delivery>();
      for (const row of rows) {
        const p = JSON.parse(row.payload_json) as PollPayload;
        const c = clientOf(vendors, p.meterKind);
        out.set(row.id, c ? await c.checkCommandStatus({ commandId: p.vendorCommandId }) : NOT_CONFIGURED);
      }
      return out;
    },
    onDone(row, value, at) {
      const p = JSON.parse(row.payload_json) as PollPayload;
      settleFromVendor(db, p, value as CommandInfo, at, p.n + 1);
    },
    onDead: (row, refusal, at) => failForGood(db, row, refusal, at),
  };
}

/** Every outbox topic of meter commands, to register with the worker. */
export function meterCommandTopics(db: WriteDb, vendors: MeterVendors): Record<string, TopicHandler> {
  const send = sendHandler(db, vendors);
  const kinds = [...METER_COMMAND_KINDS, ...SYSTEM_COMMAND_KINDS];
  return { ...Object.fromEntries(kinds.map((k) => [COMMAND_TOPIC_PREFIX + k, send])), [POLL_TOPIC]: pollHandler(db, vendors) };
}
