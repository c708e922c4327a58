// The simulators' clock. By default it follows the wall clock (so `npm run demo` meters consume
// while you watch); tests freeze it and move it with advance(ms), so consumption, link changes and
// command completion happen deterministically, with no sleeps. Every world listening is brought
// up to the new time inside advance(), before it returns.

export interface SimClock {
  now(): Date;
  /** Moves simulated time forward and settles every world to the new instant. */
  advance(ms: number): void;
  /** Stops following the wall clock; time now moves only by advance(). */
  freeze(at?: Date): void;
  readonly frozen: boolean;
  /** Called after every advance (the worlds settle themselves to now()). */
  onAdvance(fn: () => void): void;
}

export function createSimClock(base: () => Date = () => new Date(), opts: { frozen?: boolean } = {}): SimClock {
  let offset = 0;
  let frozenAt: number | null = opts.frozen ? base().getTime() : null;
  const listeners: (() => void)[] = [];
  const clock: SimClock = {
    now: () => new Date((frozenAt ?? base().getTime()) + offset),
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error(`advance(${ms}): time only moves forward`);
      offset += ms;
      for (const l of listeners) l();
    },
    freeze(at) {
      const t = at?.getTime() ?? clock.now().getTime();
      offset = 0;
      frozenAt = t;
    },
    get frozen() {
      return frozenAt !== null;
    },
    onAdvance: (fn) => void listeners.push(fn),
  };
  return clock;
}
