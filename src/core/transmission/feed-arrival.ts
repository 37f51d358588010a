import type { TokenBucket } from '../rate-limit/token-bucket.js';
import { hasTokenNow } from './token-times.js';

/** Used when no recent feed tells us better: Amazon usually processes a fulfilment feed in minutes. */
export const DEFAULT_FEED_TURNAROUND_MS = 5 * 60_000;

/** Below this many packages a feed is not worth its createFeed token and its minutes of latency. */
export const DEFAULT_MIN_FEED_SIZE = 50;

/**
 * When the results of a feed created now are expected, or null when no feed can be created now
 * (no whole createFeed token: at 0.0083/s a missing token is two minutes away, and the plan is
 * for now; the caller asks again later).
 *
 * Feeds already in flight are assumed to be processed before ours, one after another, so each
 * adds a turnaround. That is the cautious reading (Amazon does not document whether feeds of one
 * type run in parallel): an optimistic one would put packages in a feed that lands too late.
 */
export function feedLandsAtMs(
  createFeed: TokenBucket,
  nowMs: number,
  expectedFeedTurnaroundMs: number,
  feedsInFlight = 0,
): number | null {
  if (!hasTokenNow(createFeed, nowMs)) return null;
  const turnaround = Math.max(0, expectedFeedTurnaroundMs);
  return nowMs + turnaround * (1 + Math.max(0, Math.floor(feedsInFlight)));
}
