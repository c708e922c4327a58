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
  forgetLease, idleLeases, leaseAuthority, leaseOf, leasesHeardBefore, leasesIn, markReleasing, putHeldLease, putLeaseElsewhere, setLeaseAuthority, type LeaseRow,
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
  /** True when master data says this counter is enrolled (main/master-data/owner.ts). */
  headOfficeOwned?: () => boolean;
  renewEveryMs?: number;
  idleDays?: number;
}

export type AskOutcome =
  | { kind: 'answered'; granted: string[]; refused: LeaseRefusal[] }
  /** No head office, or it does not know leases: the counter vends with its own keys. */
  | { kind: 'not-leasing' }
  | { kind: 'unreachable'; reason: string };

export interface LeaseService {
  /** True when local vending must go through leases: master data says enrolled, or this head office answered the lease routes. */
  enrolled(): boolean;
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
const DEFAULT_IDLE_DAYS = 14;

const keyAad = (meter: string, k: StsKeyData) => `meter lease ${meter} ${k.sgc}:${k.ti}:${k.krn}:${k.keyType}:${k.baseDate}:${k.ea}:${k.dkga}`;
const identity = (cfg: VendorEndpointConfig) => `${cfg.baseUrl.replace(/\/+$/, '')}|${cfg.apiKey}`;

export function createLeaseService(deps: LeaseServiceDeps): LeaseService {
  const renewEveryMs = deps.renewEveryMs ?? DEFAULT_RENEW_EVERY_MS;
  const idleDays = deps.idleDays ?? DEFAULT_IDLE_DAYS;
  const w = deps.db.write;
  let running: Promise<void> | null = null;
  /** The head office (identity) that answered "no such endpoint": not asked again in the background. */
  let notLeasing: string | null = null;

  const enrolled = () => {
    if (deps.headOfficeOwned?.()) return true;
    const ho = deps.headOffice();
    return ho !== null && leaseAuthority(deps.db.read) === identity(ho.cfg);
  };

  async function ask(meters: string[]): Promise<AskOutcome> {
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
      for (const { g, key } of opened) {
        putHeldLease(w, { meterNumber: g.meter, expiresAt: g.expiresAt, grantedAt: g.grantedAt, keyData: g.keyData, decoderKeySealed: seal(deps.masterKey, key, keyAad(g.meter, g.keyData)), heardAt: at });
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

  async function release(meters: string[]): Promise<AskOutcome> {
    const ho = deps.headOffice();
    if (!ho || meters.length === 0) return { kind: 'not-leasing' };
    // Stop using them BEFORE the head office hears of it: from its answer on, another counter may sell.
    w.transaction(() => meters.forEach((m) => markReleasing(w, m)))();
    const o = await ho.client.releaseLeases(meters);
    if (o.kind !== 'ok') return { kind: 'unreachable', reason: o.kind === 'unknown' ? o.reason : `${o.code}: ${o.message.en}` };
    w.transaction(() => meters.forEach((m) => forgetLease(w, m)))();
    deps.log.info({ released: o.value.released }, 'meter leases given back');
    return { kind: 'answered', granted: [], refused: [] };
  }

  const background = () => {
    const ho = deps.headOffice();
    return ho !== null && identity(ho.cfg) !== notLeasing;
  };

  async function maintainOnce(): Promise<void> {
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
