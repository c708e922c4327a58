// The leases this counter holds on meters' local STS vending (issue 17). On an enrolled counter, a
// meter is vended locally only under a live lease, with the decoder key the lease brought; the
// supply group's vending key never comes here. "Enrolled" is one notion for the whole counter: its
// master data belongs to the head office (enrolled with a code, or SHAHN_MASTER_DATA=head-office),
// or its head office has answered the lease routes. So a counter enrolled by code never mints a
// token from a supply group's key, not even before its head office first answers about leases. Which meters it leases, as a utility would expect:
// - after every online sale of an STS meter, that meter's lease is asked for (or renewed) in the
//   background, never delaying the cashier: the meters a counter sells are the ones its customers
//   come back to when the network is down;
// - on every sync with the head office (and on a timer while online) every lease held is renewed
//   once it was last confirmed more than `renewEveryMs` ago;
// - a lease is given back when the meter has not been sold here for `idleDays` days and none of its
//   sales here still waits to reach the head office (or is of unknown outcome);
// - a supervisor can ask for a meter's lease from the meter screen ("Hold for offline sales").
import type { Db } from '../../db/open';
import {
  clockFloor, ensureLeaseAuthority, forgetLease, forgetReleased, idleLeases, leaseAuthority, leaseOf, leasesHeardBefore, leasesIn, markReleasing, newestLeaseVendingKey, noteLeaseVendingKey,
  putHeldLease, putLeaseElsewhere, raiseClockFloor, setLeaseAuthority, type ClockFloorSource, type LeaseRow,
} from '../../db/repos/leases';
import type { StsKeyData } from '../../db/repos/meters';
import { seal, unseal } from '../keys/seal';
import type { VendorEndpointConfig } from '../vendors/config';
import type { HeadOfficeClient } from '../vendors/head-office/client';
import { openDecoderKey } from '../vendors/head-office/lease-crypto';
import { LEASE_SKEW_MARGIN_MS, type LeaseRefusal } from '../vendors/head-office/lease-wire';

export interface LeaseServiceDeps {
  db: Db;
  masterKey: Buffer;
  now: () => Date;
  /** The head office in force (Settings > Vendors or the environment), or null: a standalone counter. */
  headOffice: () => { cfg: VendorEndpointConfig; client: HeadOfficeClient } | null;
  log: { info(o: object, msg: string): void; warn(o: object, msg: string): void };
  renewEveryMs?: number;
  idleDays?: number;
}

export type AskOutcome =
  | { kind: 'answered'; granted: string[]; refused: LeaseRefusal[] }
  /** No head office, or it does not know leases: the counter vends with its own keys. */
  | { kind: 'not-leasing' }
  | { kind: 'unreachable'; reason: string };

export interface LeaseService {
  /**
   * True when local vending must go through leases: master data says enrolled, or a head office
   * ever answered the lease routes here (whatever the head office's address or key is now).
   */
  enrolled(): boolean;
  /** Records that this counter is enrolled with a head office: from now on, leases only, for good. */
  markEnrolled(endpoint: string): void;
  /**
   * When this counter's clock is behind the latest time it knows has passed by more than
   * CLOCK_TOLERANCE_MS: that time and where it was learnt. Null: the clock is plausible.
   */
  clockBehind(at: Date): { floor: string; source: ClockFloorSource } | null;
  /** Records the counter's clock as a time that has passed (the floor only ever rises). */
  observeClock(): void;
  /** False when a newer head-office vending key than this lease's was heard of for its SGC and KRN. */
  keyIsCurrent(l: LeaseRow): boolean;
  lease(meterNumber: string): LeaseRow | undefined;
  /** When the lease may last be used by this counter's clock (its expiry minus the skew margin); null: not held. */
  usableUntil(l: LeaseRow | undefined): Date | null;
  /** Runs fn with the lease's decoder key; the key must not escape fn. */
  withDecoderKey<T>(l: LeaseRow, fn: (decoderKeyHex: string) => T): T;
  ask(meters: string[]): Promise<AskOutcome>;
  release(meters: string[]): Promise<AskOutcome>;
  /** After an online STS sale: ask for or renew this meter's lease in the background. */
  afterOnlineSale(meterNumber: string): void;
  /** Renews what is due, gives back idle leases, finishes releases; one run at a time. */
  maintain(): Promise<void>;
}

const DEFAULT_RENEW_EVERY_MS = 60 * 60_000;
/**
 * How far the clock may be behind the floor before leased vending stops: the signed-request
 * window (5 minutes), since the head office accepts a counter whose clock is that far behind its
 * own and its answers' times raise the floor.
 */
export const CLOCK_TOLERANCE_MS = 5 * 60_000;
const DEFAULT_IDLE_DAYS = 14;

const keyAad = (meter: string, k: StsKeyData) => `meter lease ${meter} ${k.sgc}:${k.ti}:${k.krn}:${k.keyType}:${k.baseDate}:${k.ea}:${k.dkga}`;

/**
 * One queue per meter: a lease request and a release of the same meter never overlap, so a
 * release's answer can never land on top of a renewal's (or the reverse). A call waits for every
 * earlier call naming any of its meters; queues are claimed synchronously, so there is no cycle.
 */
function meterQueues() {
  const tails = new Map<string, Promise<void>>();
  return async function serial<T>(meters: readonly string[], fn: () => Promise<T>): Promise<T> {
    const before = meters.map((m) => tails.get(m)).filter((p): p is Promise<void> => p !== undefined);
    let done!: () => void;
    const mine = new Promise<void>((resolve) => { done = resolve; });
    for (const m of meters) tails.set(m, mine);
    try {
      await Promise.all(before);
      return await fn();
    } finally {
      done();
      for (const m of meters) if (tails.get(m) === mine) tails.delete(m);
    }
  };
}
const identity = (cfg: VendorEndpointConfig) => `${cfg.baseUrl.replace(/\/+$/, '')}|${cfg.apiKey}`;

export function createLeaseService(deps: LeaseServiceDeps): LeaseService {
  const renewEveryMs = deps.renewEveryMs ?? DEFAULT_RENEW_EVERY_MS;
  const idleDays = deps.idleDays ?? DEFAULT_IDLE_DAYS;
  const w = deps.db.write;
  let running: Promise<void> | null = null;
  /** The head office (identity) that answered "no such endpoint": not asked again in the background. */
  let notLeasing: string | null = null;
  const serial = meterQueues();

  // Not tied to the head office's address or key: once leases governed this counter, editing the
  // address, enrolling again with a new key or clearing it must not bring back supply-group keys.
  // The authority row is never deleted, and every way in (a lease answer, an enrolment, the
  // environment at start) records it through this service: read once, then kept here, so a quote
  // or a local vend asks nothing more of the database for it.
  let governed = leaseAuthority(deps.db.read) !== null;
  const enrolled = () => governed;

  const ask = (meters: string[]) => serial([...new Set(meters)], () => askNow([...new Set(meters)]));

  async function askNow(meters: string[]): Promise<AskOutcome> {
    const ho = deps.headOffice();
    if (!ho || meters.length === 0) return { kind: 'not-leasing' };
    const o = await ho.client.acquireLeases(meters);
    if (o.kind === 'unknown') return { kind: 'unreachable', reason: o.reason };
    if (o.kind === 'refused') {
      if (o.code === 'NO_SUCH_ENDPOINT') {
        notLeasing = identity(ho.cfg);
        return { kind: 'not-leasing' };
      }
      deps.log.warn({ code: o.code }, 'head office refused lease request');
      return { kind: 'unreachable', reason: `${o.code}: ${o.message.en}` };
    }
    const at = deps.now().toISOString();
    const r = o.value;
    const opened = r.granted.map((g) => ({ g, key: openDecoderKey(ho.cfg, g.meter, g.expiresAt, g.decoderKeySealed) }));
    w.transaction(() => {
      setLeaseAuthority(w, identity(ho.cfg), at);
      governed = true;
      // The head office's time has passed, whatever this counter's clock says later.
      raiseClockFloor(w, r.serverTime, 'head-office');
      for (const { g, key } of opened) {
        raiseClockFloor(w, g.grantedAt, 'lease');
        noteLeaseVendingKey(w, { sgc: g.keyData.sgc, krn: g.keyData.krn, id: g.vendingKey.id, kcv: g.vendingKey.kcv, heardAt: at });
        putHeldLease(w, {
          meterNumber: g.meter, expiresAt: g.expiresAt, grantedAt: g.grantedAt, keyData: g.keyData, decoderKeySealed: seal(deps.masterKey, key, keyAad(g.meter, g.keyData)), heardAt: at,
          generation: g.generation, vendingKey: g.vendingKey,
        });
      }
      for (const x of r.refused) {
        if (x.code === 'HELD_ELSEWHERE' && x.heldBy) putLeaseElsewhere(w, { meterNumber: x.meter, holder: x.heldBy.counterName, expiresAt: x.heldBy.expiresAt, heardAt: at });
        // Unknown, deactivated, not STS, no key at the head office: nothing here may vend it.
        else forgetLease(w, x.meter);
      }
    })();
    deps.log.info({ granted: r.granted.map((g) => g.meter), refused: r.refused.map((x) => `${x.meter}:${x.code}`) }, 'meter leases answered');
    return { kind: 'answered', granted: r.granted.map((g) => g.meter), refused: r.refused };
  }

  const release = (meters: string[]) => serial([...new Set(meters)], () => releaseNow([...new Set(meters)]));

  async function releaseNow(meters: string[]): Promise<AskOutcome> {
    const ho = deps.headOffice();
    if (!ho || meters.length === 0) return { kind: 'not-leasing' };
    // Stop using them BEFORE the head office hears of it: from its answer on, another counter may sell.
    const giving = w.transaction(() => {
      meters.forEach((m) => markReleasing(w, m));
      const rows = meters.map((m) => leaseOf(w, m)).filter((l): l is LeaseRow => l?.state === 'releasing');
      // Stored before generations: no release can name it. It is no longer used here, and the head
      // office's record runs out at its expiry.
      for (const l of rows) if (l.generation === null) forgetReleased(w, l.meterNumber, null);
      return rows.filter((l) => l.generation !== null).map((l) => ({ meter: l.meterNumber, generation: l.generation! }));
    }).immediate();
    if (giving.length === 0) return { kind: 'answered', granted: [], refused: [] };
    const o = await ho.client.releaseLeases(giving);
    if (o.kind !== 'ok') return { kind: 'unreachable', reason: o.kind === 'unknown' ? o.reason : `${o.code}: ${o.message.en}` };
    // Released, or stale (the head office no longer has it as ours at that generation): either way
    // this generation is over. Forgotten only if it is still the one being given back.
    w.transaction(() => giving.forEach((l) => forgetReleased(w, l.meter, l.generation)))();
    deps.log.info({ released: o.value.released, stale: o.value.stale }, 'meter leases given back');
    return { kind: 'answered', granted: [], refused: [] };
  }

  const background = () => {
    const ho = deps.headOffice();
    return ho !== null && identity(ho.cfg) !== notLeasing;
  };

  const observeClock = () => raiseClockFloor(w, deps.now().toISOString(), 'clock');

  async function maintainOnce(): Promise<void> {
    observeClock();
    if (!background()) return;
    const now = deps.now();
    const due = leasesHeardBefore(deps.db.read, new Date(now.getTime() - renewEveryMs).toISOString());
    if (due.length > 0) await ask(due);
    const idle = idleLeases(deps.db.read, new Date(now.getTime() - idleDays * 86_400_000).toISOString());
    const unfinished = leasesIn(deps.db.read, 'releasing').map((l) => l.meterNumber);
    if (idle.length + unfinished.length > 0) await release([...idle, ...unfinished]);
  }

  return {
    enrolled,
    markEnrolled: (endpoint) => {
      ensureLeaseAuthority(w, endpoint, deps.now().toISOString());
      governed = true;
    },
    clockBehind(at) {
      const f = clockFloor(deps.db.read);
      return f && at.getTime() < Date.parse(f.at) - CLOCK_TOLERANCE_MS ? { floor: f.at, source: f.source } : null;
    },
    observeClock,
    keyIsCurrent(l) {
      if (!l.keyData) return false;
      const newest = newestLeaseVendingKey(deps.db.read, l.keyData.sgc, l.keyData.krn);
      return newest === undefined || (l.vendingKey !== null && l.vendingKey.id === newest.id);
    },
    lease: (m) => leaseOf(deps.db.read, m),
    usableUntil: (l) => (l && l.state === 'held' ? new Date(Date.parse(l.expiresAt) - LEASE_SKEW_MARGIN_MS) : null),
    withDecoderKey(l, fn) {
      if (l.state !== 'held' || !l.decoderKeySealed || !l.keyData) throw new Error(`no lease held on meter ${l.meterNumber}`);
      return fn(unseal(deps.masterKey, l.decoderKeySealed, keyAad(l.meterNumber, l.keyData)));
    },
    ask,
    release,
    afterOnlineSale(meterNumber) {
      if (!background()) return;
      const l = leaseOf(deps.db.read, meterNumber);
      const recent = l !== undefined && deps.now().getTime() - Date.parse(l.heardAt) < renewEveryMs;
      // Held and recently confirmed, or known to be another counter's lately: nothing to ask.
      if (recent && l.state !== 'releasing') return;
      void ask([meterNumber]).catch((e: unknown) => deps.log.warn({ meter: meterNumber, err: (e as Error).message }, 'lease request failed'));
    },
    maintain() {
      running ??= maintainOnce().catch((e: unknown) => deps.log.warn({ err: (e as Error).message }, 'lease upkeep failed')).finally(() => { running = null; });
      return running;
    },
  };
}
