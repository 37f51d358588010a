import { refill, type TokenBucket } from '../rate-limit/token-bucket.js';

/**
 * When the bucket yields its `k`-th token (1-based) counting from `nowMs`, in epoch milliseconds.
 *
 * Tokens already in the bucket go at once; after that one arrives every `1 / ratePerSecond`
 * seconds. A negative balance (reservations queued ahead of us) pushes every slot later. Rounded
 * up to the millisecond, as `reserve` rounds its wait, so an estimate is never earlier than the
 * call can really go. A bucket with no usable rate never yields beyond its balance (Infinity).
 */
export function nthTokenAtMs(bucket: TokenBucket, nowMs: number, k: number): number {
  const tokens = refill(bucket, nowMs).tokens;
  if (k <= tokens) return nowMs;
  const rate = bucket.ratePerSecond;
  if (!(rate > 0) || !Number.isFinite(rate)) return Number.POSITIVE_INFINITY;
  return nowMs + Math.ceil(((k - tokens) / rate) * 1000);
}

/** Whether a call could go right now: a whole token is in the bucket at `nowMs`. */
export function hasTokenNow(bucket: TokenBucket, nowMs: number): boolean {
  return refill(bucket, nowMs).tokens >= 1;
}
