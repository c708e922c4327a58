// The Acrel (ADL200) cloud: meters hold a money balance in minor units; a recharge adds to it once
// per Idempotency-Key. Wire format: main/vendors/PROTOCOL.md, "Acrel API".
import { RechargeRequestSchema, type RechargeResult } from '../../main/vendors/acrel/wire';
import type { Credentials } from '../../main/vendors/signing';
import { DEMO_ACREL_METERS, type DemoAcrelMeter } from './demo-data';
import { startHttpSim, type HttpSim, type Route } from './kit/http-sim';
import { fail, okReply, parseBody, type SimReply } from './kit/replies';

/** The cloud's own ceiling for one recharge (minor units); above it the request is refused. */
export const ACREL_MAX_RECHARGE_MINOR = 10_000_000;

export interface AcrelRechargeRecord extends RechargeResult {
  idempotencyKey: string;
  at: string;
}

interface SimAcrelMeter {
  number: string;
  paymentMode: DemoAcrelMeter['paymentMode'];
  balanceMinor: number;
}

export interface AcrelSim extends HttpSim {
  readonly meters: {
    numbers(): string[];
    balanceMinor(meterNumber: string): number;
    paymentMode(meterNumber: string): DemoAcrelMeter['paymentMode'];
  };
  readonly rechargesByKey: ReadonlyMap<string, AcrelRechargeRecord>;
}

export async function startAcrelSim(opts: {
  port?: number;
  credentials: Credentials;
  meters?: readonly DemoAcrelMeter[];
  now?: () => Date;
}): Promise<AcrelSim> {
  const now = opts.now ?? (() => new Date());
  const meters = new Map<string, SimAcrelMeter>(
    (opts.meters ?? DEMO_ACREL_METERS).map((m) => [m.number, { number: m.number, paymentMode: m.paymentMode, balanceMinor: m.startingBalanceMinor }]),
  );
  const recharges = new Map<string, AcrelRechargeRecord>();
  let refSeq = 0;

  function findMeter(n: string): { ok: true; meter: SimAcrelMeter } | { ok: false; reply: SimReply } {
    if (!/^\d{12}$/.test(n)) {
      return { ok: false, reply: fail(422, 'BAD_METER_NUMBER', `Meter number ${n} must have 12 digits`, `رقم العداد ${n} يجب أن يتكون من 12 رقمًا`) };
    }
    const meter = meters.get(n);
    if (!meter) return { ok: false, reply: fail(404, 'METER_NOT_FOUND', `Meter ${n} is not registered in the cloud`, `العداد ${n} غير مسجل في المنصة`) };
    return { ok: true, meter };
  }

  function recharge(key: string, meterNumber: string, body: unknown): SimReply {
    const p = parseBody(RechargeRequestSchema, body);
    if (!p.ok) return p.reply;
    const m = findMeter(meterNumber);
    if (!m.ok) return m.reply;
    if (m.meter.paymentMode !== 'prepaid') {
      return fail(409, 'WRONG_PAYMENT_MODE', `Meter ${meterNumber} is postpaid; it cannot be recharged`, `العداد ${meterNumber} بنظام الدفع الآجل ولا يمكن شحنه`);
    }
    if (p.value.amountMinor > ACREL_MAX_RECHARGE_MINOR) {
      return fail(422, 'AMOUNT_TOO_LARGE', 'The amount is above the largest single recharge', 'المبلغ أكبر من الحد الأعلى للشحنة الواحدة');
    }
    m.meter.balanceMinor += p.value.amountMinor;
    const result: RechargeResult = {
      meterNumber,
      amountMinor: p.value.amountMinor,
      balanceMinor: m.meter.balanceMinor,
      vendorRef: `ACR-${String(++refSeq).padStart(8, '0')}`,
    };
    recharges.set(key, { ...result, idempotencyKey: key, at: now().toISOString() });
    return okReply(result);
  }

  const routes: Route[] = [
    { method: 'GET', pattern: /^\/api\/v1\/health$/, handle: () => okReply({ status: 'ok', serverTime: now().toISOString() }) },
    {
      method: 'POST',
      pattern: /^\/api\/v1\/meters\/(?<meter>[^/]+)\/prepaid\/recharge$/,
      keyed: true,
      handle: (r) => recharge(r.idempotencyKey!, r.params.meter ?? '', r.body),
    },
    {
      method: 'GET',
      pattern: /^\/api\/v1\/meters\/(?<meter>[^/]+)\/prepaid\/balance$/,
      handle: (r) => {
        const m = findMeter(r.params.meter ?? '');
        return m.ok ? okReply({ meterNumber: m.meter.number, balanceMinor: m.meter.balanceMinor }) : m.reply;
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/v1\/recharges\/(?<key>[^/]+)$/,
      handle: (r) => {
        const c = recharges.get(r.params.key ?? '');
        if (!c) return okReply({ found: false });
        return okReply({ found: true, meterNumber: c.meterNumber, amountMinor: c.amountMinor, balanceMinor: c.balanceMinor, vendorRef: c.vendorRef });
      },
    },
  ];

  const server = await startHttpSim({ port: opts.port, credentials: [opts.credentials], routes });
  const meter = (n: string) => {
    const m = meters.get(n);
    if (!m) throw new Error(`No simulated Acrel meter ${n}`);
    return m;
  };
  return Object.assign(server, {
    meters: {
      numbers: () => [...meters.keys()],
      balanceMinor: (n: string) => meter(n).balanceMinor,
      paymentMode: (n: string) => meter(n).paymentMode,
    },
    rechargesByKey: recharges as ReadonlyMap<string, AcrelRechargeRecord>,
  });
}
