import type { Package } from '../core/package.js';
import { choosePath, type QueuedPackage } from '../core/transmission/choose-path.js';
import type { AppDeps } from './deps.js';
import {
  type TransmitByFeedOptions,
  type TransmitByFeedSummary,
  transmitByFeed,
} from './transmit-by-feed.js';
import { type TransmitOptions, type TransmitSummary, transmitPending } from './transmit-pending.js';

export interface TransmitQueueOptions extends TransmitOptions {
  readonly feed?: TransmitByFeedOptions & {
    /** Expected time from createFeed to results. Default 5 minutes. */
    readonly expectedTurnaroundMs?: number;
    /** Smallest feed worth making when no deadline needs it. Default 50. */
    readonly minFeedSize?: number;
  };
  /** Feeds already running (the service's count), which delay a new one. */
  readonly feedsInFlight?: number;
  /** How many queued packages to plan over at most. Default 20,000. */
  readonly planLimit?: number;
}

export interface TransmitQueueResult {
  readonly perCall: TransmitSummary;
  /** The feed started for part of the queue, still running; null when none was needed. */
  readonly feed: Promise<TransmitByFeedSummary> | null;
  readonly planned: { readonly perCall: number; readonly feed: number };
}

/**
 * Sends the queue by the fastest path that meets the deadlines: `choosePath` splits it between
 * per-package calls (seconds, 2 per second) and one bulk feed (minutes, thousands at once), from
 * the deadlines and the client's token buckets. The feed is started first (it takes its
 * packages out of the queue at once) and runs on; the per-call part is sent meanwhile.
 */
export async function transmitQueue(
  deps: AppDeps,
  options: TransmitQueueOptions,
): Promise<TransmitQueueResult> {
  if (!deps.feeds || !deps.quota) {
    const perCall = await transmitPending(deps, options);
    return { perCall, feed: null, planned: { perCall: perCall.outcomes.length, feed: 0 } };
  }
  const now = deps.clock.now();
  const due = await deps.store.listDueForTransmission(now.toISOString(), options.planLimit ?? 20_000);
  const shipBy = new Map<string, number | null>();
  for (const orderId of new Set(due.map((p) => p.orderId))) {
    const order = await deps.store.getOrder(orderId);
    shipBy.set(orderId, order?.shipByLatest ? Date.parse(order.shipByLatest) : null);
  }
  const queue: QueuedPackage[] = due.map((p) => ({
    packageId: p.packageId,
    shipByMs: shipBy.get(p.orderId) ?? null,
    recordedAtMs: Date.parse(p.createdAt),
    hasTracking: p.trackingId !== null,
  }));
  const plan = choosePath({
    nowMs: now.getTime(),
    queue,
    confirmShipment: deps.quota.bucket('confirmShipment'),
    createFeed: deps.quota.bucket('createFeed'),
    expectedFeedTurnaroundMs: options.feed?.expectedTurnaroundMs ?? 5 * 60_000,
    feedsInFlight: options.feedsInFlight ?? 0,
    ...(options.feed?.minFeedSize !== undefined ? { minFeedSize: options.feed.minFeedSize } : {}),
  });

  let feed: Promise<TransmitByFeedSummary> | null = null;
  const inFeed = new Set(plan.feed);
  if (inFeed.size > 0) {
    const bySeller = new Map<string, Package[]>();
    for (const p of due.filter((x) => inFeed.has(x.packageId))) {
      bySeller.set(p.sellerId, [...(bySeller.get(p.sellerId) ?? []), p]);
    }
    const feeds = deps.feeds;
    feed = Promise.all(
      [...bySeller.values()].map((packages) =>
        transmitByFeed({ ...deps, feeds }, packages, {
          maxAttempts: options.maxAttempts,
          retryBaseDelayMs: options.retryBaseDelayMs,
          retryMaxDelayMs: options.retryMaxDelayMs,
          ...options.feed,
        }),
      ),
    ).then((all) => ({
      confirmed: all.reduce((n, s) => n + s.confirmed, 0),
      needsFix: all.reduce((n, s) => n + s.needsFix, 0),
      retrying: all.reduce((n, s) => n + s.retrying, 0),
      feedIds: all.flatMap((s) => s.feedIds),
    }));
    deps.logger.info(
      { feed: inFeed.size, perCall: plan.perCall.length },
      'sending part of the queue by feed',
    );
  }
  const perCall = await transmitPending(deps, { ...options, exclude: inFeed });
  return { perCall, feed, planned: { perCall: plan.perCall.length, feed: inFeed.size } };
}
