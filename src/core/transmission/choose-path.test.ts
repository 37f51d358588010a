import { describe, expect, it } from 'vitest';
import { AMAZON_RATES } from '../rate-limit/amazon-rates.js';
import { fullBucket, type TokenBucket } from '../rate-limit/token-bucket.js';
import {
  choosePath,
  countMisses,
  type PathInputs,
  type PathPlan,
  planCompletesAtMs,
  type QueuedPackage,
} from './choose-path.js';
import { DEFAULT_FEED_TURNAROUND_MS } from './feed-arrival.js';
import { pathLowerBound } from './lower-bound.js';
import { sortByUrgency } from './queue-order.js';
import { nthTokenAtMs } from './token-times.js';

const NOW = Date.UTC(2026, 10, 25, 16, 0, 0);
const MIN = 60_000;

function bucket(op: 'confirmShipment' | 'createFeed', tokens?: number, ratePerSecond?: number): TokenBucket {
  const r = AMAZON_RATES[op];
  const b = fullBucket(ratePerSecond ?? r.ratePerSecond, r.burst, NOW);
  return tokens === undefined ? b : { ...b, tokens };
}

/** `n` tracked packages recorded in the last hour, ship-by spread evenly over [fromMs, toMs]. */
function wave(n: number, fromMs: number, toMs: number, prefix = 'p'): QueuedPackage[] {
  return Array.from({ length: n }, (_, i) => ({
    packageId: `${prefix}${String(i).padStart(5, '0')}`,
    shipByMs: n === 1 ? fromMs : Math.round(fromMs + ((toMs - fromMs) * i) / (n - 1)),
    recordedAtMs: NOW - 60 * MIN + i,
    hasTracking: true,
  }));
}

function inputs(queue: readonly QueuedPackage[], over: Partial<PathInputs> = {}): PathInputs {
  return {
    nowMs: NOW,
    queue,
    confirmShipment: bucket('confirmShipment'),
    createFeed: bucket('createFeed'),
    expectedFeedTurnaroundMs: DEFAULT_FEED_TURNAROUND_MS,
    ...over,
  };
}

/** Misses if everything went per call in ship-by order, the transmitter's behaviour without a plan. */
function naivePerCallMisses(i: PathInputs): number {
  return sortByUrgency(i.queue).filter((p, k) => {
    const eta = nthTokenAtMs(i.confirmShipment, i.nowMs, k + 1);
    return p.shipByMs !== null && eta > p.shipByMs;
  }).length;
}

function shipBy(queue: readonly QueuedPackage[]): Map<string, number | null> {
  return new Map(queue.map((p) => [p.packageId, p.shipByMs]));
}

/** The properties every plan must have, whatever the scenario. */
function expectSound(i: PathInputs, plan: PathPlan): void {
  const ids = [...plan.perCall, ...plan.feed];
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual(i.queue.map((p) => p.packageId).sort());
  expect(plan.estimates.map((e) => e.packageId)).toEqual(ids);
  plan.estimates.forEach((e, k) => {
    expect(e.path).toBe(k < plan.perCall.length ? 'per-call' : 'feed');
    if (e.path === 'per-call') expect(e.etaMs).toBe(nthTokenAtMs(i.confirmShipment, i.nowMs, k + 1));
  });
  const bound = pathLowerBound(i);
  expect(countMisses(plan)).toBe(bound.minMisses);
  expect(countMisses(plan)).toBeLessThanOrEqual(naivePerCallMisses(i));
  const etas = plan.estimates.map((e) => e.etaMs).sort((a, b) => a - b);
  for (const [j, eta] of etas.entries()) expect(eta).toBeGreaterThanOrEqual(bound.nthAckMs[j]!);
}

describe('choosePath: scenarios', () => {
  it('a quiet day: three packages go per call at once, no feed', () => {
    const i = inputs(wave(3, NOW + 3 * 60 * MIN, NOW + 5 * 60 * MIN));
    const plan = choosePath(i);
    expectSound(i, plan);
    expect(plan.perCall).toHaveLength(3);
    expect(plan.feed).toEqual([]);
    expect(plan.estimates.every((e) => e.etaMs === NOW && !e.missesDeadline)).toBe(true);
  });

  it('a 5,000-package end-of-day wave due within 2 hours: urgent per call, the rest in one feed, done at the bound', () => {
    const queue = [
      ...wave(20, NOW + 2 * MIN, NOW + 4 * MIN, 'urgent'),
      ...wave(4980, NOW + 60 * MIN, NOW + 120 * MIN),
    ];
    const i = inputs(queue);
    const plan = choosePath(i);
    expectSound(i, plan);
    const bound = pathLowerBound(i);
    // Per call alone would meet every ship-by too, but only after ~42 minutes; the feed lands at 5.
    expect(naivePerCallMisses(i)).toBe(0);
    expect(nthTokenAtMs(i.confirmShipment, NOW, 5000) - NOW).toBeGreaterThan(40 * MIN);
    expect(countMisses(plan)).toBe(0);
    expect(plan.feed.length).toBeGreaterThan(queue.length * 0.8);
    // 10 burst tokens plus 2/s for the 5 minutes the feed takes.
    expect(plan.perCall).toHaveLength(10 + 2 * 300);
    // The most urgent stay per call; the feed takes the latest ship-bys.
    const due = shipBy(queue);
    expect(plan.perCall.slice(0, 20).every((id) => id.startsWith('urgent'))).toBe(true);
    const latestPerCall = Math.max(...plan.perCall.map((id) => due.get(id)!));
    const earliestFeed = Math.min(...plan.feed.map((id) => due.get(id)!));
    expect(latestPerCall).toBeLessThanOrEqual(earliestFeed);
    // Everything acknowledged when the quotas allow it at the earliest (the target: within 10%).
    expect(planCompletesAtMs(plan)).toBe(bound.allAcknowledgedMs);
    expect(planCompletesAtMs(plan) - NOW).toBeLessThanOrEqual((bound.allAcknowledgedMs - NOW) * 1.1);
    expect(planCompletesAtMs(plan) - NOW).toBe(5 * MIN);
  });

  it('a wave 20 minutes before the cut-off with a 5-minute turnaround: nothing missed, per call alone would miss half', () => {
    const queue = wave(5000, NOW + 20 * MIN, NOW + 20 * MIN);
    const i = inputs(queue);
    const plan = choosePath(i);
    expectSound(i, plan);
    // 10 + 2/s x 1200 s = 2410 confirmShipment calls fit before the cut-off.
    expect(naivePerCallMisses(i)).toBe(5000 - 2410);
    expect(countMisses(plan)).toBe(0);
    expect(plan.perCall).toHaveLength(610);
    expect(plan.feed).toHaveLength(4390);
  });

  it('a wave whose cut-off comes before any feed could land: fewest misses, then finished soonest', () => {
    const queue = wave(5000, NOW + 20 * MIN, NOW + 20 * MIN);
    const i = inputs(queue, { expectedFeedTurnaroundMs: 25 * MIN });
    const plan = choosePath(i);
    expectSound(i, plan);
    expect(countMisses(plan)).toBe(5000 - 2410);
    // The 2410 that can be on time go first, per call.
    expect(plan.estimates.slice(0, 2410).every((e) => e.path === 'per-call' && !e.missesDeadline)).toBe(true);
    // The late rest: per call until the feed would land, then the feed, instead of ~42 min per call.
    expect(planCompletesAtMs(plan) - NOW).toBe(25 * MIN);
    expect(plan.perCall).toHaveLength(10 + 2 * 25 * 60);
  });

  it('a throttled account (confirmShipment empty, 0.5/s): the feed saves the ship-bys per call would miss', () => {
    const queue = wave(1000, NOW + 30 * MIN, NOW + 30 * MIN);
    const i = inputs(queue, { confirmShipment: bucket('confirmShipment', 0, 0.5) });
    const plan = choosePath(i);
    expectSound(i, plan);
    expect(naivePerCallMisses(i)).toBe(1000 - 900);
    expect(countMisses(plan)).toBe(0);
    expect(plan.perCall).toHaveLength(150);
    expect(plan.feed).toHaveLength(850);
    expect(plan.estimates[0]!.etaMs - NOW).toBe(2000);
  });

  it('a throttled account on a quiet day still sends per call, seconds apart', () => {
    const i = inputs(wave(3, NOW + 60 * MIN, NOW + 90 * MIN), {
      confirmShipment: bucket('confirmShipment', 0, 0.5),
    });
    const plan = choosePath(i);
    expectSound(i, plan);
    expect(plan.feed).toEqual([]);
    expect(plan.estimates.map((e) => e.etaMs - NOW)).toEqual([2000, 4000, 6000]);
  });

  it('createFeed bucket empty: no feed is possible, everything per call, the on-time ones first', () => {
    const queue = wave(5000, NOW + 20 * MIN, NOW + 20 * MIN);
    const i = inputs(queue, { createFeed: bucket('createFeed', 0.5) });
    const plan = choosePath(i);
    expectSound(i, plan);
    expect(plan.feed).toEqual([]);
    expect(plan.perCall).toHaveLength(5000);
    expect(countMisses(plan)).toBe(5000 - 2410);
  });

  it('unknown ship-by goes last per call, and first into the feed', () => {
    const unknown = wave(5, 0, 0, 'unknown').map((p) => ({
      ...p,
      shipByMs: null,
      recordedAtMs: NOW - 999 * MIN,
    }));
    const quiet = inputs([...unknown, ...wave(5, NOW + 60 * MIN, NOW + 70 * MIN)]);
    const plan = choosePath(quiet);
    expectSound(quiet, plan);
    expect(plan.perCall.slice(-5)).toEqual(unknown.map((p) => p.packageId));

    const busy = inputs([...unknown, ...wave(2000, NOW + 60 * MIN, NOW + 70 * MIN)]);
    const busyPlan = choosePath(busy);
    expectSound(busy, busyPlan);
    expect(busyPlan.feed.slice(-5)).toEqual(unknown.map((p) => p.packageId));
    expect(busyPlan.estimates.filter((e) => e.missesDeadline)).toEqual([]);
  });

  it('a ship-by already passed does not make later packages late', () => {
    const overdue = wave(30, NOW - 10 * MIN, NOW - 5 * MIN, 'overdue');
    const soon = wave(10, NOW + 5_000, NOW + 5_000, 'soon');
    const i = inputs([...overdue, ...soon], { confirmShipment: bucket('confirmShipment', 0, 2) });
    const plan = choosePath(i);
    expectSound(i, plan);
    expect(plan.perCall.slice(0, 10).every((id) => id.startsWith('soon'))).toBe(true);
    expect(countMisses(plan)).toBe(30);
    expect(naivePerCallMisses(i)).toBe(40);
  });

  it('a feed below minFeedSize is not made when per call meets every ship-by', () => {
    // 620 packages: 610 fit before a feed would land, so the feed would carry only 10.
    const i = inputs(wave(620, NOW + 60 * MIN, NOW + 60 * MIN));
    const plan = choosePath(i);
    expectSound(i, plan);
    expect(plan.feed).toEqual([]);
    expect(countMisses(plan)).toBe(0);
    expect(choosePath({ ...i, minFeedSize: 10 }).feed).toHaveLength(10);
  });

  it('a feed below minFeedSize is made when it saves ship-bys', () => {
    // 620 packages due 2 s after a feed would land: per call serves 10 + 2 x 302 = 614 by then.
    const i = inputs(wave(620, NOW + 5 * MIN + 2000, NOW + 5 * MIN + 2000));
    const plan = choosePath(i);
    expectSound(i, plan);
    expect(naivePerCallMisses(i)).toBe(6);
    expect(countMisses(plan)).toBe(0);
    expect(plan.feed).toHaveLength(10);
  });

  it('feeds in flight delay a new feed: each adds a turnaround', () => {
    const queue = wave(5000, NOW + 12 * MIN, NOW + 12 * MIN);
    const free = choosePath(inputs(queue));
    expect(countMisses(free)).toBe(0);
    const i = inputs(queue, { feedsInFlight: 2 });
    const busy = choosePath(i);
    expectSound(i, busy);
    // The feed would land at 15 min, after the cut-off: only the 1450 per-call slots by 12 min are on time.
    expect(countMisses(busy)).toBe(5000 - (10 + 2 * 720));
  });
});

describe('choosePath: untracked packages', () => {
  const untracked = (p: QueuedPackage): QueuedPackage => ({ ...p, hasTracking: false });

  it('go by feed when a feed can be made, even alone (confirmShipment requires a tracking number)', () => {
    const [a, b, c] = wave(3, NOW + 60 * MIN, NOW + 90 * MIN);
    const i = inputs([a!, untracked(b!), c!]);
    const plan = choosePath(i);
    expectSound(i, plan);
    expect(plan.feed).toEqual([b!.packageId]);
    expect(plan.perCall).toEqual([a!.packageId, c!.packageId]);
  });

  it('go per call (interim of decision 0004) when no feed can be made now', () => {
    const [a, b] = wave(2, NOW + 60 * MIN, NOW + 90 * MIN);
    const i = inputs([untracked(a!), b!], { createFeed: bucket('createFeed', 0) });
    const plan = choosePath(i);
    expectSound(i, plan);
    expect(plan.perCall).toEqual([a!.packageId, b!.packageId]);
  });

  it('go per call when only per call can meet the ship-by', () => {
    const [a] = wave(1, NOW + 60_000, NOW + 60_000);
    const i = inputs([untracked(a!)]);
    const plan = choosePath(i);
    expectSound(i, plan);
    expect(plan.perCall).toEqual([a!.packageId]);
    expect(plan.estimates[0]!.missesDeadline).toBe(false);
  });
});

describe('choosePath: determinism', () => {
  it('gives the same plan for the same queue in any order', () => {
    const queue = [
      ...wave(1500, NOW + 10 * MIN, NOW + 30 * MIN),
      ...wave(40, NOW + 10 * MIN, NOW + 10 * MIN, 'tie'),
    ];
    const i = inputs(queue);
    const first = choosePath(i);
    expect(choosePath(i)).toEqual(first);
    const shuffled = [...queue].sort((a, b) => (hash(a.packageId) - hash(b.packageId)) | 0 || 0);
    expect(choosePath({ ...i, queue: shuffled })).toEqual(first);
  });
});

describe('choosePath: random queues', () => {
  it('places every package exactly once and never misses more than the bound or than all per call', () => {
    const rand = mulberry32(20261125);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    let withFeed = 0;
    for (let run = 0; run < 300; run++) {
      const n = Math.floor(rand() * 400);
      const queue: QueuedPackage[] = Array.from({ length: n }, (_, k) => ({
        packageId: `r${run}-${k}`,
        shipByMs: rand() < 0.15 ? null : NOW + Math.round((rand() * 70 - 10) * MIN),
        recordedAtMs: NOW - Math.floor(rand() * 60 * MIN),
        hasTracking: rand() < 0.9,
      }));
      const i = inputs(queue, {
        confirmShipment: bucket('confirmShipment', rand() * 15 - 5, pick([0.5, 1, 2])),
        createFeed: bucket('createFeed', rand() * 2),
        expectedFeedTurnaroundMs: pick([2, 5, 20]) * MIN,
        feedsInFlight: pick([0, 0, 1]),
        minFeedSize: pick([1, 50, 200]),
      });
      const plan = choosePath(i);
      expectSound(i, plan);
      if (plan.feed.length > 0) {
        withFeed++;
        // A feed is worth it: big enough, or carrying untracked packages, or saving ship-bys.
        const byId = new Map(queue.map((p) => [p.packageId, p]));
        const untrackedInFeed = plan.feed.some((id) => !byId.get(id)!.hasTracking);
        const perCallOnly = choosePath({ ...i, createFeed: bucket('createFeed', 0) });
        const savesShipBys = countMisses(plan) < countMisses(perCallOnly);
        expect(plan.feed.length >= i.minFeedSize! || untrackedInFeed || savesShipBys).toBe(true);
      }
    }
    // The generator must exercise both outcomes.
    expect(withFeed).toBeGreaterThan(30);
    expect(withFeed).toBeLessThan(270);
  });
});

function hash(s: string): number {
  let h = 2166136261;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 16777619);
  return h;
}

/** A small seeded PRNG so that the random cases are the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
