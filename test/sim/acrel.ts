// The Acrel (ADL200) cloud: meters hold a money balance in minor units; a recharge adds to it once
// per Idempotency-Key. In simulated time each meter's load consumes that money at the price of its
// own time-of-use schedule and the relay trips at zero (prepaid) or at the credit limit (credit).
// Wire format: main/vendors/PROTOCOL.md, "Acrel API" and "Meter management".
import { RechargeRequestSchema, type RechargeResult } from '../../main/vendors/acrel/wire';
import type { Credentials } from '../../main/vendors/signing';
import { DEMO_ACREL_METERS, DEMO_ACREL_SCHEDULE, type DemoAcrelMeter } from './demo-data';
import { createSimClock, type SimClock } from './world/clock';
import { meterFinder } from './world/finder';
import { newMeterState, restoreIfPaid, type Mode, type SimMeterState } from './world/meter-state';
import { modeRoutes } from './world/routes-modes';
import { meterRoutes } from './world/routes-meter';
import { createMeterWorld, type MeterWorld } from './world/world';
import { startHttpSim, type HttpSim, type Route } from './kit/http-sim';
import { fail, okReply, parseBody, type SimReply } from './kit/replies';

/** The cloud's own ceiling for one recharge (minor units); above it the request is refused. */
export const ACREL_MAX_RECHARGE_MINOR = 10_000_000;

export interface AcrelRechargeRecord extends RechargeResult {
  idempotencyKey: string;
  at: string;
}

export interface AcrelSim extends HttpSim {
  readonly meters: {
    numbers(): string[];
    balanceMinor(meterNumber: string): number;
    paymentMode(meterNumber: string): Mode;
    /** The meter's physical state (relay, link, registers), settled to the sim clock's now. */
    state(meterNumber: string): SimMeterState;
  };
  readonly rechargesByKey: ReadonlyMap<string, AcrelRechargeRecord>;
  readonly world: MeterWorld;
}

export async function startAcrelSim(opts: {
  port?: number;
  credentials: Credentials;
  meters?: readonly DemoAcrelMeter[];
  now?: () => Date;
  clock?: SimClock;
}): Promise<AcrelSim> {
  const clock = opts.clock ?? createSimClock(opts.now);
  const now = () => clock.now();
  const world = createMeterWorld(
    clock,
    (opts.meters ?? DEMO_ACREL_METERS).map((m) =>
      newMeterState({
        number: m.number,
        unit: 'money',
        connection: m.connection ?? 'rf',
        dcuId: m.dcuId,
        loadW: m.loadW,
        mode: m.paymentMode,
        balance: m.startingBalanceMinor,
        schedule: DEMO_ACREL_SCHEDULE,
      }),
    ),
  );
  const meters = world.meters;
  const recharges = new Map<string, AcrelRechargeRecord>();
  let refSeq = 0;

  const finder = meterFinder(meters, (n) =>
    /^\d{12}$/.test(n) ? null : fail(422, 'BAD_METER_NUMBER', `Meter number ${n} must have 12 digits`, `رقم العداد ${n} يجب أن يتكون من 12 رقمًا`),
  );
  function findMeter(n: string) {
    world.settle();
    return finder.find(n);
  }

  function recharge(key: string, meterNumber: string, body: unknown): SimReply {
    const p = parseBody(RechargeRequestSchema, body);
    if (!p.ok) return p.reply;
    const m = findMeter(meterNumber);
    if (!m.ok) return m.reply;
    if (m.meter.mode === 'postpaid') {
      return fail(409, 'WRONG_PAYMENT_MODE', `Meter ${meterNumber} is postpaid; it cannot be recharged`, `العداد ${meterNumber} بنظام الدفع الآجل ولا يمكن شحنه`);
    }
    if (p.value.amountMinor > ACREL_MAX_RECHARGE_MINOR) {
      return fail(422, 'AMOUNT_TOO_LARGE', 'The amount is above the largest single recharge', 'المبلغ أكبر من الحد الأعلى للشحنة الواحدة');
    }
    m.meter.balance += p.value.amountMinor;
    // Paid again: a meter that tripped for lack of credit closes its relay.
    restoreIfPaid(m.meter);
    const result: RechargeResult = {
      meterNumber,
      amountMinor: p.value.amountMinor,
      balanceMinor: m.meter.balance,
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
        return m.ok ? okReply({ meterNumber: m.meter.number, balanceMinor: m.meter.balance }) : m.reply;
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
    ...meterRoutes({ world, finder, amperage: null }),
    ...modeRoutes(world, finder, 'Minor'),
  ];

  const server = await startHttpSim({ port: opts.port, credentials: [opts.credentials], routes });
  const meter = (n: string) => {
    const m = meters.get(n);
    if (!m) throw new Error(`No simulated Acrel meter ${n}`);
    world.settle();
    return m;
  };
  return Object.assign(server, {
    meters: {
      numbers: () => [...meters.keys()],
      balanceMinor: (n: string) => meter(n).balance,
      paymentMode: (n: string) => meter(n).mode,
      state: (n: string) => meter(n),
    },
    rechargesByKey: recharges as ReadonlyMap<string, AcrelRechargeRecord>,
    world,
  });
}
