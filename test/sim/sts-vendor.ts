// The STS vendor cloud: holds the vending key and the meters' key data, vends REAL tokens with the
// project's STS engine, remembers every charge by its Idempotency-Key, and tops up the balance of
// meters it reaches over a DCU (prepaid mode). Wire format: main/vendors/PROTOCOL.md.
import { randomInt } from 'node:crypto';
import { creditToken, decodeToken, isValidMeterNumber, nextTid, tidFromDate } from '../../main/sts';
import { ChargeRequestSchema, RechargeRequestSchema, type ChargeResult, type RechargeResult } from '../../main/vendors/sts/wire';
import type { Credentials } from '../../main/vendors/signing';
import { DEMO_STS_METERS, type DemoStsMeter } from './demo-data';
import { startHttpSim, type HttpSim, type Route } from './kit/http-sim';
import { fail, okReply, parseBody, type SimReply } from './kit/replies';
import { SimStsMeter, type EnteredToken, type TokenEntry } from './sts-meter';
import { maintenanceRoute, type MaintenanceRecord } from './sts-maintenance';
import { createSimClock, type SimClock } from './world/clock';
import { meterFinder } from './world/finder';
import type { SimMeterState } from './world/meter-state';
import { modeRoutes } from './world/routes-modes';
import { meterRoutes } from './world/routes-meter';
import { createMeterWorld, type MeterWorld } from './world/world';

export interface StsChargeRecord extends ChargeResult {
  idempotencyKey: string;
  amountMinor: number;
  requestedTenths: number;
  rnd: number;
  at: string;
}
export interface StsRechargeRecord extends RechargeResult {
  idempotencyKey: string;
  amountMinor: number;
  at: string;
}

/** Read-only view of the simulated meters, plus the one thing a customer does to them. */
export interface StsMeterAccess {
  numbers(): string[];
  decoderKey(meterNumber: string): string;
  balanceTenths(meterNumber: string): number;
  lastIssuedTid(meterNumber: string): number | null;
  creditedTokens(meterNumber: string): readonly EnteredToken[];
  /** The customer types the token on the meter's keypad. */
  enterToken(meterNumber: string, token: string): TokenEntry;
  /** The meter's physical state (relay, link, registers), settled to the sim clock's now. */
  state(meterNumber: string): SimMeterState;
}

export interface StsVendorSim extends HttpSim {
  readonly meters: StsMeterAccess;
  readonly chargesByKey: ReadonlyMap<string, StsChargeRecord>;
  readonly rechargesByKey: ReadonlyMap<string, StsRechargeRecord>;
  readonly maintenanceByKey: ReadonlyMap<string, MaintenanceRecord>;
  /** Simulated time: meters consume, links drift and commands complete as it moves. */
  readonly world: MeterWorld;
}

export async function startStsVendorSim(opts: {
  port?: number;
  /** How far a request's signed timestamp may be from the simulator's clock (default: the protocol's 5 min). */
  timestampToleranceMs?: number;
  credentials: Credentials;
  meters?: readonly DemoStsMeter[];
  now?: () => Date;
  clock?: SimClock;
}): Promise<StsVendorSim> {
  const clock = opts.clock ?? createSimClock(opts.now);
  const now = () => clock.now();
  const meters = new Map((opts.meters ?? DEMO_STS_METERS).map((m) => [m.number, new SimStsMeter(m)]));
  const world = createMeterWorld(clock, [...meters.values()].map((m) => m.state));
  const maintenance = new Map<string, MaintenanceRecord>();
  const charges = new Map<string, StsChargeRecord>();
  const recharges = new Map<string, StsRechargeRecord>();
  let refSeq = 0;
  const nextRef = (prefix: string) => `${prefix}-${String(++refSeq).padStart(8, '0')}`;

  const finder = meterFinder(world.meters, (n) =>
    isValidMeterNumber(n) ? null : fail(422, 'BAD_METER_NUMBER', `Meter number ${n} is not valid (check digit)`, `رقم العداد ${n} غير صحيح (رقم التحقق)`),
  );

  function findMeter(n: string): { ok: true; meter: SimStsMeter } | { ok: false; reply: SimReply } {
    if (!isValidMeterNumber(n)) {
      return { ok: false, reply: fail(422, 'BAD_METER_NUMBER', `Meter number ${n} is not valid (check digit)`, `رقم العداد ${n} غير صحيح (رقم التحقق)`) };
    }
    const meter = meters.get(n);
    if (!meter) return { ok: false, reply: fail(404, 'METER_NOT_FOUND', `Meter ${n} is not registered with this vendor`, `العداد ${n} غير مسجل لدى المورد`) };
    return { ok: true, meter };
  }

  function remoteMeter(n: string): { ok: true; meter: SimStsMeter } | { ok: false; reply: SimReply } {
    const found = findMeter(n);
    if (found.ok && found.meter.connection === 'none') {
      return { ok: false, reply: fail(409, 'METER_NOT_CONNECTED', `Meter ${n} is not connected to a DCU; sell a token instead`, `العداد ${n} غير متصل بوحدة التجميع؛ بِع رمز شحن بدلًا من ذلك`) };
    }
    return found;
  }

  function charge(key: string, body: unknown): SimReply {
    const p = parseBody(ChargeRequestSchema, body);
    if (!p.ok) return p.reply;
    const m = findMeter(p.value.meterNumber);
    if (!m.ok) return m.reply;
    const meter = m.meter;
    const at = now();
    const tid = nextTid(meter.lastIssuedTid, tidFromDate(at, meter.baseDate));
    const rnd = randomInt(16);
    const token = creditToken({ decoderKey: meter.decoderKey, subclass: 0, tid, rnd, tenths: p.value.energyTenths });
    // Report what the token really carries: STS rounds amounts up to the next encodable value.
    const carried = decodeToken(meter.decoderKey, token).amountTenths ?? p.value.energyTenths;
    meter.lastIssuedTid = tid;
    const result: ChargeResult = { meterNumber: meter.number, token, tid, energyTenths: carried, amountMinor: p.value.amountMinor, vendorRef: nextRef('STS') };
    charges.set(key, { ...result, idempotencyKey: key, requestedTenths: p.value.energyTenths, rnd, at: at.toISOString() });
    return okReply(result);
  }

  function recharge(key: string, meterNumber: string, body: unknown): SimReply {
    const p = parseBody(RechargeRequestSchema, body);
    if (!p.ok) return p.reply;
    const m = remoteMeter(meterNumber);
    if (!m.ok) return m.reply;
    world.settle();
    m.meter.balanceTenths += p.value.energyTenths;
    const result: RechargeResult = { meterNumber, energyTenths: p.value.energyTenths, balanceTenths: m.meter.balanceTenths, vendorRef: nextRef('STSB') };
    recharges.set(key, { ...result, idempotencyKey: key, amountMinor: p.value.amountMinor, at: now().toISOString() });
    return okReply(result);
  }

  // Lookups answer exactly the wire fields of the original answer, nothing of the bookkeeping.
  const chargeWire = (c: StsChargeRecord): ChargeResult => ({
    meterNumber: c.meterNumber,
    token: c.token,
    tid: c.tid,
    energyTenths: c.energyTenths,
    amountMinor: c.amountMinor,
    vendorRef: c.vendorRef,
  });
  const rechargeWire = (c: StsRechargeRecord): RechargeResult => ({
    meterNumber: c.meterNumber,
    energyTenths: c.energyTenths,
    balanceTenths: c.balanceTenths,
    vendorRef: c.vendorRef,
  });

  const routes: Route[] = [
    { method: 'GET', pattern: /^\/api\/v1\/health$/, handle: () => okReply({ status: 'ok', serverTime: now().toISOString() }) },
    { method: 'POST', pattern: /^\/api\/v1\/meters\/charge$/, keyed: true, handle: (r) => charge(r.idempotencyKey!, r.body) },
    {
      method: 'GET',
      pattern: /^\/api\/v1\/charges\/(?<key>[^/]+)$/,
      handle: (r) => {
        const c = charges.get(r.params.key ?? '');
        return okReply(c ? { found: true, ...chargeWire(c) } : { found: false });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/v1\/meters\/(?<meter>[^/]+)\/prepaid\/recharge$/,
      keyed: true,
      handle: (r) => recharge(r.idempotencyKey!, r.params.meter ?? '', r.body),
    },
    {
      method: 'GET',
      pattern: /^\/api\/v1\/recharges\/(?<key>[^/]+)$/,
      handle: (r) => {
        const c = recharges.get(r.params.key ?? '');
        return okReply(c ? { found: true, ...rechargeWire(c) } : { found: false });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/v1\/meters\/(?<meter>[^/]+)\/prepaid\/balance$/,
      handle: (r) => {
        world.settle();
        const m = remoteMeter(r.params.meter ?? '');
        return m.ok ? okReply({ meterNumber: m.meter.number, balanceTenths: m.meter.balanceTenths }) : m.reply;
      },
    },
    ...meterRoutes({ world, finder, amperage: { max: 100 } }),
    ...modeRoutes(world, finder, 'Tenths'),
    maintenanceRoute({ find: finder.find, meter: (n) => meter(n), now, issued: maintenance }),
  ];

  function meter(n: string): SimStsMeter {
    const m = meters.get(n);
    if (!m) throw new Error(`No simulated STS meter ${n}`);
    world.settle();
    return m;
  }
  const server = await startHttpSim({ port: opts.port, credentials: [opts.credentials], routes, timestampToleranceMs: opts.timestampToleranceMs });
  return Object.assign(server, {
    meters: {
      numbers: () => [...meters.keys()],
      decoderKey: (n: string) => meter(n).decoderKey,
      balanceTenths: (n: string) => meter(n).balanceTenths,
      lastIssuedTid: (n: string) => meter(n).lastIssuedTid,
      creditedTokens: (n: string) => meter(n).creditedTokens(),
      enterToken: (n: string, token: string) => meter(n).enterToken(token, now()),
      state: (n: string) => meter(n).state,
    },
    maintenanceByKey: maintenance as ReadonlyMap<string, MaintenanceRecord>,
    world,
    chargesByKey: charges as ReadonlyMap<string, StsChargeRecord>,
    rechargesByKey: recharges as ReadonlyMap<string, StsRechargeRecord>,
  });
}
