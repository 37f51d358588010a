import type { TokenBucket } from '../rate-limit/token-bucket.js';
import { DEFAULT_MIN_FEED_SIZE, feedLandsAtMs } from './feed-arrival.js';
import { missesShipBy, sortByUrgency } from './queue-order.js';
import { nthTokenAtMs } from './token-times.js';

/** A package waiting to be confirmed, as the path decision sees it. */
export interface QueuedPackage {
  packageId: string;
  /** Ship-by (`shipByWindow.latestDateTime`), epoch ms; null when the order did not say. */
  shipByMs: number | null;
  /** When the package was recorded, epoch ms. */
  recordedAtMs: number;
  /** False for untracked services: Orders v0 `confirmShipment` requires a tracking number. */
  hasTracking: boolean;
}

/** Everything the decision depends on; the caller reads the clock and the buckets. */
export interface PathInputs {
  nowMs: number;
  /** Package ids are assumed unique. */
  queue: readonly QueuedPackage[];
  /** Current confirmShipment bucket state (tokens, rate, burst). */
  confirmShipment: TokenBucket;
  /** Current createFeed bucket state: a feed is possible only with a whole token now. */
  createFeed: TokenBucket;
  /** Expected time from createFeed to results available, from recent feeds (default 5 min). */
  expectedFeedTurnaroundMs: number;
  /** Feeds of this type already in flight; each is assumed to finish before a new one (default 0). */
  feedsInFlight?: number;
  /** Smallest batch worth a feed (default 50). */
  minFeedSize?: number;
}

/** One package's expected outcome under a plan. */
export interface PathEstimate {
  packageId: string;
  path: 'per-call' | 'feed';
  /** Per call: when its token comes (the call and its 204 follow within a round trip). Feed: when results are expected. */
  etaMs: number;
  /** The ETA is after a known ship-by. */
  missesDeadline: boolean;
}

/** Which packages go per call (in send order) and which go in one feed created now. */
export interface PathPlan {
  /** Package ids, in send order. */
  perCall: string[];
  /** Package ids for one feed now (empty: no feed now). */
  feed: string[];
  /** Estimated completion time per package and deadlines expected to be missed, for logs/metrics; send order, then the feed. */
  estimates: PathEstimate[];
}

/**
 * Decides, for the queue as it is at `nowMs`, which packages go by `confirmShipment` and which go
 * in one `POST_ORDER_FULFILLMENT_DATA` feed created now. Pure: the same inputs give the same plan.
 *
 * Aims, in order: (1) the fewest packages acknowledged after their ship-by; (2) everything
 * acknowledged soonest; (3) no feed unless it is worth it. The rules (docs/decisions/0006):
 *
 * - The queue is ordered by ship-by, unknown last, then age, then id. Per call, the k-th package
 *   in send order is estimated at the bucket's k-th token ({@link nthTokenAtMs}); a feed created
 *   now lands at `now + turnaround x (1 + feedsInFlight)` for all its packages, and only if
 *   createFeed has a token now.
 * - A package whose ship-by falls before the feed lands can only make it per call, so it is
 *   never put in the feed while per call can still make it. Those go first, earliest ship-by
 *   first; any that cannot be on time whatever we do (ship-by passed, or too many ahead) step
 *   aside so that they do not make others late, then go by whichever path acknowledges them
 *   sooner.
 * - Every other package is safe in the feed, so it stays per call only while its token comes
 *   no later than the feed would land: the most urgent stay per call and arrive in seconds, the
 *   latest ship-bys go in the feed. When the per-call path gets through the whole queue before a
 *   feed would land, no feed is made.
 * - Untracked packages go in the feed when one is made (the feed's tracking number is optional;
 *   `confirmShipment` requires one). They go per call with the interim empty tracking number of
 *   decision 0004 only when no feed can be created now, or when only per call can meet their
 *   ship-by (a certain miss is worse than a possible refusal, which ends in needs-fix).
 * - A feed smaller than `minFeedSize` is dropped, and everything goes per call, unless it carries
 *   untracked packages or dropping it would miss more ship-bys.
 */
export function choosePath(inputs: PathInputs): PathPlan {
  const sorted = sortByUrgency(inputs.queue);
  const noFeed = perCallOnly(sorted, inputs);
  const feedAtMs = feedLandsAtMs(
    inputs.createFeed,
    inputs.nowMs,
    inputs.expectedFeedTurnaroundMs,
    inputs.feedsInFlight ?? 0,
  );
  if (feedAtMs === null) return noFeed;

  const withFeed = planWithFeed(sorted, inputs, feedAtMs);
  if (withFeed.feed.length === 0) return withFeed;
  const inFeed = new Set(withFeed.feed);
  const carriesUntracked = sorted.some((p) => !p.hasTracking && inFeed.has(p.packageId));
  const savesDeadlines = countMisses(withFeed) < countMisses(noFeed);
  const bigEnough = withFeed.feed.length >= (inputs.minFeedSize ?? DEFAULT_MIN_FEED_SIZE);
  return carriesUntracked || savesDeadlines || bigEnough ? withFeed : noFeed;
}

/** How many packages a plan expects to acknowledge after their ship-by. */
export function countMisses(plan: PathPlan): number {
  return plan.estimates.filter((e) => e.missesDeadline).length;
}

/** When the plan expects the last package acknowledged (-Infinity for an empty plan). */
export function planCompletesAtMs(plan: PathPlan): number {
  return plan.estimates.reduce((latest, e) => Math.max(latest, e.etaMs), Number.NEGATIVE_INFINITY);
}

/**
 * Everything per call. Earliest ship-by first, except that a package which would be late at its
 * turn is moved to the end: it misses either way, and sending it first would only push later
 * packages past their own ship-by (with equal-cost calls this keeps the most on time).
 */
function perCallOnly(sorted: readonly QueuedPackage[], inputs: PathInputs): PathPlan {
  const onTime: QueuedPackage[] = [];
  const late: QueuedPackage[] = [];
  for (const p of sorted) {
    const slotMs = nthTokenAtMs(inputs.confirmShipment, inputs.nowMs, onTime.length + 1);
    (missesShipBy(p.shipByMs, slotMs) ? late : onTime).push(p);
  }
  return assemble([...onTime, ...late], [], inputs, Number.POSITIVE_INFINITY);
}

/** The plan when a feed created now lands at `feedAtMs` (see {@link choosePath} for the rules). */
function planWithFeed(sorted: readonly QueuedPackage[], inputs: PathInputs, feedAtMs: number): PathPlan {
  const perCall: QueuedPackage[] = [];
  const feed: QueuedPackage[] = [];
  const nextSlotMs = () => nthTokenAtMs(inputs.confirmShipment, inputs.nowMs, perCall.length + 1);

  // Ship-by before the feed lands: per call or not at all on time.
  const onlyPerCall = sorted.filter((p) => p.shipByMs !== null && p.shipByMs < feedAtMs);
  const feedSafe = sorted.filter((p) => !(p.shipByMs !== null && p.shipByMs < feedAtMs));
  const doomed: QueuedPackage[] = [];
  for (const p of onlyPerCall) {
    (missesShipBy(p.shipByMs, nextSlotMs()) ? doomed : perCall).push(p);
  }
  // Late whatever we do: acknowledge them as soon as possible, before the feed-safe packages,
  // which the feed keeps on time if per call cannot. Untracked ones wait for the feed rather
  // than risk a refusal of the empty tracking number for no gain.
  for (const p of doomed) {
    (p.hasTracking && nextSlotMs() <= feedAtMs ? perCall : feed).push(p);
  }
  // Per call only while it beats the feed: seconds for the most urgent, the feed for the rest.
  for (const p of feedSafe) {
    (p.hasTracking && nextSlotMs() <= feedAtMs ? perCall : feed).push(p);
  }
  return assemble(perCall, feed, inputs, feedAtMs);
}

function assemble(
  perCall: readonly QueuedPackage[],
  feed: readonly QueuedPackage[],
  inputs: PathInputs,
  feedAtMs: number,
): PathPlan {
  const estimates: PathEstimate[] = [
    ...perCall.map((p, i) => {
      const etaMs = nthTokenAtMs(inputs.confirmShipment, inputs.nowMs, i + 1);
      return {
        packageId: p.packageId,
        path: 'per-call' as const,
        etaMs,
        missesDeadline: missesShipBy(p.shipByMs, etaMs),
      };
    }),
    ...feed.map((p) => ({
      packageId: p.packageId,
      path: 'feed' as const,
      etaMs: feedAtMs,
      missesDeadline: missesShipBy(p.shipByMs, feedAtMs),
    })),
  ];
  return { perCall: perCall.map((p) => p.packageId), feed: feed.map((p) => p.packageId), estimates };
}
