/**
 * Amazon's usage-plan model: `burst` tokens at most, refilled continuously at `ratePerSecond`;
 * each request takes one token or is throttled.
 */
export class TokenBucket {
  private tokens: number;
  private lastRefillMs: number;

  /**
   * @param ratePerSecond refill rate in tokens per (simulated) second
   * @param burst capacity in tokens; the bucket starts full
   * @param nowMs current (simulated) time in epoch ms
   */
  constructor(
    readonly ratePerSecond: number,
    readonly burst: number,
    nowMs: number,
  ) {
    this.tokens = burst;
    this.lastRefillMs = nowMs;
  }

  /** Takes one token if there is one; `nowMs` may go backwards when the clock is set back. */
  tryTake(nowMs: number): boolean {
    const elapsedMs = Math.max(0, nowMs - this.lastRefillMs);
    this.tokens = Math.min(this.burst, this.tokens + (elapsedMs / 1000) * this.ratePerSecond);
    this.lastRefillMs = nowMs;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Tokens currently available (fractional), as of the last take. */
  get available(): number {
    return this.tokens;
  }
}
