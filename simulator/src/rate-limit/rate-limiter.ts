import type { SimClock } from '../clock.js';
import { TokenBucket } from './token-bucket.js';

/**
 * One token bucket per operation and caller (seller + application), refilled on the simulated clock,
 * so a clock running at `speedFactor` refills that much faster and a frozen clock refills only when
 * advanced.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly clock: SimClock,
    private readonly enabled: boolean,
  ) {}

  /** True when the call may proceed. */
  take(operationId: string, callerKey: string, plan: { ratePerSecond: number; burst: number }): boolean {
    if (!this.enabled) return true;
    const key = `${operationId}\u0000${callerKey}`;
    const nowMs = this.clock.nowMs();
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = new TokenBucket(plan.ratePerSecond, plan.burst, nowMs);
      this.buckets.set(key, bucket);
    }
    return bucket.tryTake(nowMs);
  }

  /** Forget all buckets (they start full again). */
  reset(): void {
    this.buckets.clear();
  }
}
