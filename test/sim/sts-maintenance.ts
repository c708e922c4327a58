// The STS cloud's engineering codes: a class 2 management token (clear tamper, clear credit, set
// the maximum power) made with the project's engine and the meter's own key, with a TID above
// every one issued before, so the meter accepts it exactly once. The expiry is the vendor's
// policy printed on the technician's slip: an STS meter itself cannot check a date.
import { randomInt } from 'node:crypto';
import { clearCreditToken, clearTamperToken, maxPowerLimitToken, nextTid, tidFromDate } from '../../main/sts';
import { MaintenanceRequestSchema, type MaintenanceCode } from '../../main/vendors/sts/wire-meter';
import type { Route } from './kit/http-sim';
import { okReply, parseBody } from './kit/replies';
import type { SimStsMeter } from './sts-meter';
import type { Found } from './world/finder';

export interface MaintenanceRecord extends MaintenanceCode {
  idempotencyKey: string;
}

export function maintenanceRoute(o: {
  find(n: string): Found;
  meter(n: string): SimStsMeter;
  now(): Date;
  issued: Map<string, MaintenanceRecord>;
}): Route {
  return {
    method: 'POST',
    pattern: /^\/api\/v1\/meters\/(?<meter>[^/]+)\/maintenance-codes$/,
    keyed: true,
    handle(r) {
      const p = parseBody(MaintenanceRequestSchema, r.body);
      if (!p.ok) return p.reply;
      const found = o.find(r.params.meter ?? '');
      if (!found.ok) return found.reply;
      const meter = o.meter(found.meter.number);
      const at = o.now();
      const tid = nextTid(meter.lastIssuedTid, tidFromDate(at, meter.baseDate));
      const base = { decoderKey: meter.decoderKey, tid, rnd: randomInt(16) };
      const code =
        p.value.action === 'clear_tamper'
          ? clearTamperToken(base)
          : p.value.action === 'clear_credit'
            ? clearCreditToken({ ...base, register: 0 })
            : maxPowerLimitToken({ ...base, watts: p.value.powerLimitW ?? 0 });
      meter.lastIssuedTid = tid;
      const result: MaintenanceCode = {
        meterNumber: meter.number,
        purpose: p.value.purpose,
        action: p.value.action,
        code,
        tid,
        expiresAt: new Date(at.getTime() + p.value.validMinutes * 60_000).toISOString(),
      };
      o.issued.set(r.idempotencyKey ?? '', { ...result, idempotencyKey: r.idempotencyKey ?? '' });
      return okReply(result);
    },
  };
}
