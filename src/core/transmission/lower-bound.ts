import type { PathInputs } from './choose-path.js';
import { feedLandsAtMs } from './feed-arrival.js';
import { nthTokenAtMs } from './token-times.js';

/** What no plan can beat with these buckets and at most one feed created now. */
export interface PathLowerBound {
  /** The fewest packages any plan acknowledges after their ship-by. */
  minMisses: number;
  /** The earliest time by which every package can be acknowledged (`nowMs` for an empty queue). */
  allAcknowledgedMs: number;
  /** `nthAckMs[j]`: in any plan, the (j+1)-th acknowledgement comes no earlier than this. */
  nthAckMs: number[];
}

/**
 * A bound computed from counting alone, independently of how {@link choosePath} builds its plan,
 * so that tests and the bench can measure a plan against what Amazon's quotas allow. It ignores
 * `minFeedSize` and the tracking rules (both only restrict a plan) and assumes calls take no time.
 *
 * - Acknowledgements: by a time t before the feed lands, only per-call tokens can have been used,
 *   so the j-th acknowledgement is no earlier than min(j-th token, feed landing).
 * - Misses: a package whose ship-by is at or after the feed landing can always be on time (feed;
 *   or unknown ship-by). The others compete for per-call tokens, and a token serves a package
 *   only if it comes by that ship-by. Their sets of usable tokens are nested (prefixes), so the
 *   most that can be on time is their number minus the worst shortfall over deadlines x:
 *   (packages due by x) - (tokens by x) (Hall's condition, exact for nested sets).
 */
export function pathLowerBound(inputs: PathInputs): PathLowerBound {
  const { nowMs, queue, confirmShipment } = inputs;
  const feedAtMs =
    feedLandsAtMs(inputs.createFeed, nowMs, inputs.expectedFeedTurnaroundMs, inputs.feedsInFlight ?? 0) ??
    Number.POSITIVE_INFINITY;

  const nthAckMs = queue.map((_, j) => Math.min(nthTokenAtMs(confirmShipment, nowMs, j + 1), feedAtMs));
  // Tokens come in order, so the last bound is the latest.
  const allAcknowledgedMs = nthAckMs[nthAckMs.length - 1] ?? nowMs;

  const contested = queue
    .map((p) => p.shipByMs)
    .filter((d): d is number => d !== null && d < feedAtMs)
    .sort((a, b) => a - b);
  let tokensByDeadline = 0;
  let worstShortfall = 0;
  contested.forEach((deadline, i) => {
    while (
      tokensByDeadline < contested.length &&
      nthTokenAtMs(confirmShipment, nowMs, tokensByDeadline + 1) <= deadline
    ) {
      tokensByDeadline++;
    }
    worstShortfall = Math.max(worstShortfall, i + 1 - tokensByDeadline);
  });
  return { minMisses: worstShortfall, allAcknowledgedMs, nthAckMs };
}
