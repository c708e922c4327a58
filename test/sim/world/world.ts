// A cloud's fleet of simulated meters living in simulated time. Everything that reads or changes
// a meter first calls settle(), which plays the time since the last settle minute by minute:
// the load consumes credit (and trips the relay), RF links drift and drop, interval readings are
// taken every 15 minutes and pending commands are carried out or expire.
import { randomUUID } from 'node:crypto';
import type { CommandRequest } from '../../../main/vendors/meter-wire';
import type { SimClock } from './clock';
import { DEFAULT_TIMING, runCommands, type CommandTiming, type SimCommand } from './commands';
import { MAX_READINGS, consume, type SimMeterState } from './meter-state';

const MINUTE = 60_000;
const READING_EVERY = 15 * MINUTE;

export interface MeterWorld {
  readonly clock: SimClock;
  readonly meters: Map<string, SimMeterState>;
  readonly commands: Map<string, SimCommand>;
  timing: CommandTiming;
  settle(): void;
  /** Reachable through its DCU right now (link up, DCU up, enough signal). */
  online(m: SimMeterState): boolean;
  addCommand(m: SimMeterState, request: CommandRequest): SimCommand;
  /** Pins a meter's link (stops its random drift): tests use it to take a meter off line. */
  setLink(meterNumber: string, link: { online?: boolean; signal?: number | null }): void;
  setDcuOnline(dcuId: string, online: boolean): void;
}

/** The RF link's drift for one minute: a random walk, with a rare drop-out or recovery. */
function driftLink(m: SimMeterState, t: number, dcuOnline: boolean): void {
  const l = m.link;
  if (m.connection === 'none') return;
  if (!l.pinned) {
    if (m.connection === 'rf' && l.signal !== null) {
      l.signal = Math.max(0, Math.min(100, l.signal + Math.round((l.rng() - 0.5) * 8)));
      if (l.signal < 20) l.signal += 10; // the DCU retunes; a link rarely stays that weak
    }
    const r = l.rng();
    if (l.online && r < 0.001) l.online = false;
    else if (!l.online && r < 0.2) l.online = true;
  }
  if (l.online && dcuOnline && (m.connection === 'wired' || (l.signal ?? 0) >= 10)) l.lastContactAt = t;
}

export function isReachable(m: SimMeterState, dcuOnline: (id: string | null) => boolean): boolean {
  if (m.connection === 'none') return false;
  return m.link.online && dcuOnline(m.dcuId) && (m.connection === 'wired' || (m.link.signal ?? 0) >= 10);
}

export function createMeterWorld(clock: SimClock, states: SimMeterState[]): MeterWorld {
  const meters = new Map(states.map((s) => [s.number, s]));
  const commands = new Map<string, SimCommand>();
  const dcuDown = new Set<string>();
  const dcuOnline = (id: string | null) => id !== null && !dcuDown.has(id);
  let last = clock.now().getTime();
  for (const m of meters.values()) if (isReachable(m, dcuOnline)) m.link.lastContactAt = last;

  function step(from: number, to: number): void {
    const end = new Date(to);
    for (const m of meters.values()) {
      // Steps never cross a minute boundary and periods start on whole minutes, so the step's
      // start names the tariff period all of its energy belongs to.
      consume(m, to - from, new Date(from));
      if (to % MINUTE === 0) driftLink(m, to, dcuOnline(m.dcuId));
      if (to % READING_EVERY === 0) {
        m.readings.push({ at: end.toISOString(), importTenths: m.importTenths });
        if (m.readings.length > MAX_READINGS) m.readings.shift();
      }
      const reachable = isReachable(m, dcuOnline);
      // runCommands asks link.online; fold in the DCU and the signal for it.
      const saved = m.link.online;
      m.link.online = reachable;
      runCommands(m, [...commands.values()].filter((c) => c.meterNumber === m.number), to, world.timing);
      m.link.online = saved;
    }
  }

  const world: MeterWorld = {
    clock,
    meters,
    commands,
    timing: { ...DEFAULT_TIMING },
    settle() {
      const now = clock.now().getTime();
      while (last < now) {
        const next = Math.min(now, (Math.floor(last / MINUTE) + 1) * MINUTE);
        step(last, next);
        last = next;
      }
    },
    online: (m) => isReachable(m, dcuOnline),
    addCommand(m, request) {
      const c: SimCommand = { commandId: `CMD-${randomUUID()}`, meterNumber: m.number, request, status: 'pending', createdAt: last, completedAt: null, error: null };
      commands.set(c.commandId, c);
      return c;
    },
    setLink(n, link) {
      const m = meters.get(n);
      if (!m) throw new Error(`No simulated meter ${n}`);
      world.settle();
      m.link.pinned = true;
      if (link.online !== undefined) m.link.online = link.online;
      if (link.signal !== undefined) m.link.signal = link.signal;
      if (isReachable(m, dcuOnline)) m.link.lastContactAt = last;
    },
    setDcuOnline(id, online) {
      world.settle();
      if (online) dcuDown.delete(id);
      else dcuDown.add(id);
    },
  };
  clock.onAdvance(() => world.settle());
  return world;
}
