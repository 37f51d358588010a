/**
 * Simulated time. Everything in the simulator that has a notion of "now" (token expiry, order
 * creation, ship dates, rate-limit refill) reads it from here, so tests can freeze, set and advance it.
 */
export interface SimClock {
  /** The simulated now. */
  now(): Date;
  /** The simulated now in epoch milliseconds. */
  nowMs(): number;
  /** Jump to `at`; a running clock keeps running from there. */
  set(at: Date): void;
  /** Move forward (or back, when negative) by `ms` milliseconds. */
  advance(ms: number): void;
}

/** How the simulated clock relates to real time. */
export interface SimClockOptions {
  /** Simulated time at start; default the real now. */
  startTime?: Date;
  /** When true, time moves only through set/advance. Default false. */
  frozen?: boolean;
  /** Simulated milliseconds per real millisecond while running. Default 1. */
  speedFactor?: number;
  /** Real time source in epoch ms; injectable for tests. */
  realNowMs?: () => number;
}

export function createSimClock(options: SimClockOptions = {}): SimClock {
  const realNowMs = options.realNowMs ?? (() => Date.now());
  const frozen = options.frozen ?? false;
  const speed = options.speedFactor ?? 1;
  // The clock is an anchor pair: simulated time at a real instant, extrapolated at `speed`.
  let anchorSimMs = options.startTime?.getTime() ?? realNowMs();
  let anchorRealMs = realNowMs();

  const nowMs = (): number => (frozen ? anchorSimMs : anchorSimMs + (realNowMs() - anchorRealMs) * speed);

  return {
    nowMs,
    now: () => new Date(nowMs()),
    set(at: Date): void {
      anchorSimMs = at.getTime();
      anchorRealMs = realNowMs();
    },
    advance(ms: number): void {
      anchorSimMs = nowMs() + ms;
      anchorRealMs = realNowMs();
    },
  };
}
