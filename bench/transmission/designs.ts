// The two transmission designs compared by the bench, and helpers to record packages and read
// back when each was acknowledged.
import { recordShipment, type ShipmentInput } from '../../src/app/record-shipment.js';
import { transmitByFeed } from '../../src/app/transmit-by-feed.js';
import { transmitQueue } from '../../src/app/transmit-queue.js';
import { CONFIRMED_STATES } from '../../src/core/package-lifecycle.js';
import type { Rig } from './rig.js';

/** The service's transmit settings (src/edges/config defaults), except the loop interval. */
export const TRANSMIT = { maxAttempts: 8, retryBaseDelayMs: 2000, retryMaxDelayMs: 300_000 } as const;

/** One package the bench recorded: its id and when recordShipment returned (simulated ms). */
export interface Recorded {
  readonly packageId: string;
  readonly recordedAtMs: number;
  readonly shipByMs: number | null;
}

/** Records one package; throws when the product does not queue it (the bench's inputs are valid). */
export async function record(rig: Rig, input: ShipmentInput, shipByMs: number | null): Promise<Recorded> {
  const r = await recordShipment(rig.deps, input);
  const recordedAtMs = rig.nowMs();
  if (r.kind !== 'recorded') throw new Error(`package not recorded: ${JSON.stringify(r)}`);
  return { packageId: r.package.packageId, recordedAtMs, shipByMs };
}

/** Counts packages that reached an end (confirmed or needs-fix), as the loops report them. */
export class Progress {
  confirmed = 0;
  needsFix = 0;
  /** Packages confirmed by confirmShipment (the rest went by feed). */
  readonly perCall = new Set<string>();
  get done(): number {
    return this.confirmed + this.needsFix;
  }
}

export interface LoopHandle {
  /** Resolves when the loop has stopped and its feeds have finished. */
  readonly finished: Promise<void>;
  stop(): void;
  readonly stats: { passes: number; feeds: number; feedPackages: number; perCallPackages: number };
}

/**
 * ShipConfirm's design: the service's transmit loop (src/edges/service/run-service.ts), one pass
 * of `transmitQueue` every `intervalMs` (simulated), feeds running on in the background with
 * `feedsInFlight` counted as the service counts them. The only difference from runService is that
 * sleeps (loop, feed polling) are on the simulated clock, so the loop keeps its pace at speedFactor > 1.
 */
export function startProductLoop(rig: Rig, progress: Progress, intervalMs: number): LoopHandle {
  let stopped = false;
  let feedsInFlight = 0;
  const feeds: Promise<void>[] = [];
  const stats = { passes: 0, feeds: 0, feedPackages: 0, perCallPackages: 0 };
  const run = async () => {
    while (!stopped) {
      const r = await transmitQueue(rig.deps, {
        ...TRANSMIT,
        feedsInFlight,
        feed: { sleep: rig.sleep },
        onOutcome: (o) => {
          if (o.kind === 'confirmed') {
            progress.confirmed++;
            progress.perCall.add(o.package.packageId);
          } else if (o.kind === 'needs-fix') progress.needsFix++;
        },
      });
      stats.passes++;
      stats.perCallPackages += r.perCall.outcomes.length;
      if (r.feed) {
        feedsInFlight++;
        stats.feeds++;
        stats.feedPackages += r.planned.feed;
        feeds.push(
          r.feed
            .then((f) => {
              progress.confirmed += f.confirmed;
              progress.needsFix += f.needsFix;
            })
            .finally(() => {
              feedsInFlight--;
            }),
        );
      }
      if (r.perCall.fault) throw r.perCall.fault;
      await rig.sleep(intervalMs);
    }
    await Promise.all(feeds);
  };
  return {
    finished: run(),
    stop() {
      stopped = true;
    },
    stats,
  };
}

/**
 * The peers' design: a scheduled job every 15 minutes (on the quarter hours of the simulated
 * clock) takes everything recorded since the last run and uploads it as one
 * POST_ORDER_FULFILLMENT_DATA feed, then waits for the processing report. Modelled with the
 * product's own feed code (transmitByFeed, same polling), so only the scheduling differs.
 */
export function startBatchSender(rig: Rig, progress: Progress, periodMs = 15 * 60_000): LoopHandle {
  let stopped = false;
  let wake: (() => void) | null = null;
  const stats = { passes: 0, feeds: 0, feedPackages: 0, perCallPackages: 0 };
  const run = async () => {
    while (!stopped) {
      const now = rig.nowMs();
      const next = Math.floor(now / periodMs) * periodMs + periodMs;
      await new Promise<void>((resolve) => {
        wake = resolve;
        void rig.sleep(next - now).then(resolve);
      });
      wake = null;
      if (stopped) break;
      stats.passes++;
      const due = await rig.deps.store.listDueForTransmission(rig.deps.clock.now().toISOString(), 100_000);
      if (due.length === 0) continue;
      stats.feeds++;
      stats.feedPackages += due.length;
      const s = await transmitByFeed(rig.deps, due, { ...TRANSMIT, sleep: rig.sleep });
      progress.confirmed += s.confirmed;
      progress.needsFix += s.needsFix;
    }
  };
  return {
    finished: run(),
    stop() {
      stopped = true;
      (wake as (() => void) | null)?.();
    },
    stats,
  };
}

/** Waits (real time, polling) until `done()` or `timeoutRealMs`; true when done. */
export async function waitUntil(done: () => boolean, timeoutRealMs: number): Promise<boolean> {
  const end = Date.now() + timeoutRealMs;
  while (!done()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
  return true;
}

/** When each package was first acknowledged (entered a confirmed state), simulated ms, from the store's events. */
export async function acknowledgedAt(rig: Rig): Promise<Map<string, number>> {
  const events = await rig.deps.store.listEvents({ sellerId: rig.sellerId });
  const confirmed = new Set<string>(CONFIRMED_STATES);
  const out = new Map<string, number>();
  for (const e of events) {
    if (e.entityType !== 'package' || e.toState === null) continue;
    if (confirmed.has(e.toState) && !out.has(e.entityId)) out.set(e.entityId, Date.parse(e.at));
  }
  return out;
}
