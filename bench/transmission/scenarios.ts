// The bench's scenarios: steady latency at speedFactor 1, and the wave + trickle at a higher
// speedFactor for either design.
import type { ShipmentInput } from '../../src/app/record-shipment.js';
import { AMAZON_RATES } from '../../src/core/rate-limit/amazon-rates.js';
import { fullBucket } from '../../src/core/rate-limit/token-bucket.js';
import type { QueuedPackage } from '../../src/core/transmission/choose-path.js';
import { pathLowerBound } from '../../src/core/transmission/lower-bound.js';
import { s10, seededRng } from '../../src/edges/demo/sample-tracking-numbers.js';
import {
  acknowledgedAt,
  Progress,
  type Recorded,
  record,
  startBatchSender,
  startProductLoop,
  waitUntil,
} from './designs.js';
import { FEED_PROCESSING_SECONDS, FEED_QUEUE_SECONDS, type Rig, startRig, UK } from './rig.js';
import { type Distribution, distribution } from './stats.js';

/** The service loop's interval in these runs (simulated ms); the setting's minimum is 50. */
export const TRANSMIT_INTERVAL_MS = 50;

/** Unique, well-formed Royal Mail tracking numbers. */
function trackingNumbers(seed: number): () => string {
  const rng = seededRng(seed);
  const seen = new Set<string>();
  return () => {
    for (;;) {
      const n = s10(rng, 'TT');
      if (!seen.has(n)) {
        seen.add(n);
        return n;
      }
    }
  };
}

/** One package's input: one order line, shipped a minute ago (never before creation: orders are >= 5 min old). */
function shipment(
  rig: Rig,
  orderId: string,
  tracking: string,
  item?: { orderItemId: string; quantity: number },
) {
  return {
    orderId,
    carrier: 'Royal Mail',
    service: 'Tracked 48',
    trackingId: tracking,
    shipDate: new Date(rig.nowMs() - 60_000).toISOString(),
    ...(item ? { items: [item] } : {}),
  } satisfies ShipmentInput;
}

// ---------------------------------------------------------------------------------------------
// 1. Latency at 1 package per second, speedFactor 1.

export interface LatencyResult {
  readonly packages: number;
  readonly latency: Distribution;
  readonly acknowledged: number;
  readonly perCall: number;
  readonly throttled: number;
  readonly realSeconds: number;
}

export async function latencyScenario(count: number): Promise<LatencyResult> {
  const rig = await startRig({ speedFactor: 1 });
  try {
    const seeded = rig.sim.world.seedOrders({
      sellerId: rig.sellerId,
      marketplaceId: UK,
      count: count + 40,
      spreadDays: 2,
      seed: 4101,
    });
    await rig.syncAll();
    const orders = seeded.orders.filter((o) => o.status === 'UNSHIPPED').slice(0, count);
    if (orders.length < count) throw new Error(`only ${orders.length} unshipped orders seeded`);
    const next = trackingNumbers(4102);
    const progress = new Progress();
    const loop = startProductLoop(rig, progress, TRANSMIT_INTERVAL_MS);
    const recorded: Recorded[] = [];
    const start = Date.now();
    for (const [i, o] of orders.entries()) {
      recorded.push(await record(rig, shipment(rig, o.orderId, next()), Date.parse(o.shipByLatest)));
      const wait = start + (i + 1) * 1000 - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    await waitUntil(() => progress.done >= count, 60_000);
    loop.stop();
    await loop.finished;
    const realSeconds = (Date.now() - start) / 1000;
    const acked = await acknowledgedAt(rig);
    const latencies = recorded.flatMap((r) => {
      const at = acked.get(r.packageId);
      return at === undefined ? [] : [at - r.recordedAtMs];
    });
    return {
      packages: count,
      latency: distribution(latencies),
      acknowledged: latencies.length,
      perCall: progress.perCall.size,
      throttled: rig.http.throttled,
      realSeconds,
    };
  } finally {
    await rig.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 2 and 3. The wave (then a trickle) for one design, at `speedFactor`.

export type Design = 'shipconfirm' | 'batch-15-min';

export interface WaveResult {
  readonly design: Design;
  readonly packages: number;
  readonly ordersSeeded: number;
  readonly ordersInWave: number;
  readonly syncRealSeconds: number;
  readonly recordRealSeconds: number;
  /** Simulated ms from the wave's release (all recorded) to the last acknowledgement. */
  readonly allAcknowledgedMs: number;
  readonly acknowledged: number;
  readonly perCall: number;
  readonly byFeed: number;
  readonly feeds: number;
  /** Simulated ms from release to the last per-call acknowledgement, and to the first by feed (NaN: none). */
  readonly perCallDoneMs: number;
  readonly feedSeenMs: number;
  readonly missedShipBy: number;
  /** Simulated ms from release to the earliest ship-by in the wave. */
  readonly earliestShipByMs: number;
  /** Release -> ack, simulated ms. */
  readonly latency: Distribution;
  readonly bound: { readonly actualTurnaround: Bound; readonly assumedTurnaround: Bound };
  readonly waveRealSeconds: number;
  readonly trickle: TrickleResult;
}

export interface Bound {
  readonly turnaroundMs: number;
  readonly allAcknowledgedMs: number;
  readonly minMisses: number;
}

export interface TrickleResult {
  readonly packages: number;
  /** Record -> ack, simulated ms. */
  readonly latency: Distribution;
  readonly acknowledged: number;
  readonly allAcknowledgedAfterLastRecordMs: number;
  readonly realSeconds: number;
}

export interface WaveOptions {
  readonly design: Design;
  readonly speedFactor: number;
  readonly packages: number;
  readonly ordersSeeded: number;
  readonly trickleSeconds: number;
  /** Product's expected feed turnaround (its default when absent). */
  readonly syncApps: number;
}

/** The product's default expected feed turnaround (transmit-queue / feed-arrival). */
export const ASSUMED_TURNAROUND_MS = 5 * 60_000;
export const ACTUAL_TURNAROUND_MS = (FEED_QUEUE_SECONDS + FEED_PROCESSING_SECONDS) * 1000;

/** Simulated start: yesterday (UTC) at 23:02, so orders created the day before are due at 23:59:59. */
export function waveStartTime(): Date {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - 1, 23, 2, 0));
}

function extreme(pick: (...xs: number[]) => number, acks: readonly { at: number }[]): number {
  return acks.length ? pick(...acks.map((a) => a.at)) : Number.NaN;
}

export async function waveScenario(options: WaveOptions): Promise<WaveResult> {
  const rig = await startRig({
    speedFactor: options.speedFactor,
    startTime: waveStartTime(),
    syncApps: options.syncApps,
  });
  try {
    const seeded = rig.sim.world.seedOrders({
      sellerId: rig.sellerId,
      marketplaceId: UK,
      count: options.ordersSeeded,
      spreadDays: 1.95,
      seed: 20261125,
    });
    const syncStart = Date.now();
    await rig.syncAll();
    const syncRealSeconds = (Date.now() - syncStart) / 1000;

    // The wave: lines of unshipped orders due within the hour, one package per line.
    const now = rig.nowMs();
    const unshipped = seeded.orders.filter((o) => o.status === 'UNSHIPPED');
    const dueSoon = unshipped.filter((o) => {
      const shipBy = Date.parse(o.shipByLatest);
      return shipBy > now + 10 * 60_000 && shipBy <= now + 60 * 60_000;
    });
    const waveLines = dueSoon.flatMap((o) => o.items.map((item) => ({ order: o, item })));
    const wave = waveLines.slice(0, options.packages);
    const inWave = new Set(wave.map((l) => l.order.orderId));
    const next = trackingNumbers(7301);
    const recordStart = Date.now();
    const recorded: Recorded[] = [];
    for (const { order, item } of wave) {
      recorded.push(
        await record(
          rig,
          shipment(rig, order.orderId, next(), { orderItemId: item.orderItemId, quantity: item.quantity }),
          Date.parse(order.shipByLatest),
        ),
      );
    }
    const recordRealSeconds = (Date.now() - recordStart) / 1000;

    // Released: all recorded. The bound is computed for this queue at this instant.
    const releaseMs = rig.nowMs();
    const queue: QueuedPackage[] = recorded.map((r) => ({
      packageId: r.packageId,
      shipByMs: r.shipByMs,
      recordedAtMs: r.recordedAtMs,
      hasTracking: true,
    }));
    const bound = (turnaroundMs: number): Bound => {
      const b = pathLowerBound({
        nowMs: releaseMs,
        queue,
        confirmShipment: fullBucket(
          AMAZON_RATES.confirmShipment.ratePerSecond,
          AMAZON_RATES.confirmShipment.burst,
          releaseMs,
        ),
        createFeed: fullBucket(
          AMAZON_RATES.createFeed.ratePerSecond,
          AMAZON_RATES.createFeed.burst,
          releaseMs,
        ),
        expectedFeedTurnaroundMs: turnaroundMs,
      });
      return { turnaroundMs, allAcknowledgedMs: b.allAcknowledgedMs - releaseMs, minMisses: b.minMisses };
    };

    const progress = new Progress();
    const loop =
      options.design === 'shipconfirm'
        ? startProductLoop(rig, progress, TRANSMIT_INTERVAL_MS)
        : startBatchSender(rig, progress);
    const waveStartReal = Date.now();
    await waitUntil(() => progress.done >= recorded.length, 240_000);
    const waveRealSeconds = (Date.now() - waveStartReal) / 1000;
    const feedsInWave = loop.stats.feeds;
    const acked = await acknowledgedAt(rig);
    const waveAcks = recorded.flatMap((r) => {
      const at = acked.get(r.packageId);
      return at === undefined ? [] : [{ r, at }];
    });
    const confirmedPerCall = recorded.filter((r) => progress.perCall.has(r.packageId)).length;

    // The trickle: one package per simulated second, from orders not in the wave, same design running.
    const trickleCount = options.trickleSeconds;
    const trickleLines = unshipped
      .filter((o) => !inWave.has(o.orderId))
      .flatMap((o) => o.items.map((item) => ({ order: o, item })))
      .slice(0, trickleCount);
    const before = progress.done;
    const trickleStartReal = Date.now();
    const trickleStart = rig.nowMs();
    const trickled: Recorded[] = [];
    for (const [i, { order, item }] of trickleLines.entries()) {
      trickled.push(
        await record(
          rig,
          shipment(rig, order.orderId, next(), { orderItemId: item.orderItemId, quantity: item.quantity }),
          Date.parse(order.shipByLatest),
        ),
      );
      const wait = trickleStart + (i + 1) * 1000 - rig.nowMs();
      if (wait > 0) await rig.sleep(wait);
    }
    const lastRecordMs = trickled.at(-1)?.recordedAtMs ?? rig.nowMs();
    await waitUntil(() => progress.done >= before + trickled.length, 240_000);
    loop.stop();
    await loop.finished;
    const trickleRealSeconds = (Date.now() - trickleStartReal) / 1000;
    const acked2 = await acknowledgedAt(rig);
    const trickleLat = trickled.flatMap((r) => {
      const at = acked2.get(r.packageId);
      return at === undefined ? [] : [at - r.recordedAtMs];
    });
    const lastTrickleAck = Math.max(...trickled.map((r) => acked2.get(r.packageId) ?? Number.NaN));

    return {
      design: options.design,
      packages: recorded.length,
      ordersSeeded: options.ordersSeeded,
      ordersInWave: inWave.size,
      syncRealSeconds,
      recordRealSeconds,
      allAcknowledgedMs: Math.max(...waveAcks.map((a) => a.at)) - releaseMs,
      acknowledged: waveAcks.length,
      perCall: confirmedPerCall,
      byFeed: waveAcks.length - confirmedPerCall,
      feeds: feedsInWave,
      perCallDoneMs:
        extreme(
          Math.max,
          waveAcks.filter((a) => progress.perCall.has(a.r.packageId)),
        ) - releaseMs,
      feedSeenMs:
        extreme(
          Math.min,
          waveAcks.filter((a) => !progress.perCall.has(a.r.packageId)),
        ) - releaseMs,
      missedShipBy: waveAcks.filter((a) => a.r.shipByMs !== null && a.at > a.r.shipByMs).length,
      earliestShipByMs: Math.min(...recorded.map((r) => r.shipByMs ?? Number.POSITIVE_INFINITY)) - releaseMs,
      latency: distribution(waveAcks.map((a) => a.at - releaseMs)),
      bound: {
        actualTurnaround: bound(ACTUAL_TURNAROUND_MS),
        assumedTurnaround: bound(ASSUMED_TURNAROUND_MS),
      },
      waveRealSeconds,
      trickle: {
        packages: trickled.length,
        latency: distribution(trickleLat),
        acknowledged: trickleLat.length,
        allAcknowledgedAfterLastRecordMs: lastTrickleAck - lastRecordMs,
        realSeconds: trickleRealSeconds,
      },
    };
  } finally {
    await rig.close();
  }
}
