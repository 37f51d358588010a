/**
 * Amazon's usage plans are token buckets: `ratePerSecond` tokens refill continuously up to `burst`,
 * and each call takes one. This is the pure arithmetic; adapters hold the state and the clock.
 */
export interface TokenBucket {
  /** Tokens refilled per second (e.g. confirmShipment: 2). */
  readonly ratePerSecond: number;
  /** Most tokens the bucket holds (e.g. confirmShipment: 10). */
  readonly burst: number;
  /** Tokens available at `atMs`. */
  readonly tokens: number;
  /** Epoch milliseconds of the last update. */
  readonly atMs: number;
}

/** A full bucket at `nowMs`. */
export function fullBucket(ratePerSecond: number, burst: number, nowMs: number): TokenBucket {
  return { ratePerSecond, burst, tokens: burst, atMs: nowMs };
}

/** The bucket as it is at `nowMs` after refilling. */
export function refill(bucket: TokenBucket, nowMs: number): TokenBucket {
  const elapsed = Math.max(0, nowMs - bucket.atMs) / 1000;
  const tokens = Math.min(bucket.burst, bucket.tokens + elapsed * bucket.ratePerSecond);
  return { ...bucket, tokens, atMs: Math.max(nowMs, bucket.atMs) };
}

/**
 * Reserves one token. Returns the bucket after the reservation and how long to wait before the
 * call may go (0 when a token is there now). Reservations queue: the balance may go negative.
 */
export function reserve(bucket: TokenBucket, nowMs: number): { bucket: TokenBucket; waitMs: number } {
  const b = refill(bucket, nowMs);
  const tokens = b.tokens - 1;
  const waitMs = tokens >= 0 ? 0 : Math.ceil((-tokens / b.ratePerSecond) * 1000);
  return { bucket: { ...b, tokens }, waitMs };
}

/**
 * Adopts a rate Amazon announced in `x-amzn-RateLimit-Limit` (it may differ per seller), keeping
 * the current balance within the burst.
 */
export function withRate(bucket: TokenBucket, ratePerSecond: number): TokenBucket {
  if (!(ratePerSecond > 0) || !Number.isFinite(ratePerSecond)) return bucket;
  return { ...bucket, ratePerSecond };
}

/** Empties the bucket after a 429: Amazon says we have no tokens, whatever we counted. */
export function drained(bucket: TokenBucket, nowMs: number): TokenBucket {
  return { ...refill(bucket, nowMs), tokens: Math.min(0, bucket.tokens), atMs: nowMs };
}
