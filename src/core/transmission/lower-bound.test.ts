import { describe, expect, it } from 'vitest';
import { fullBucket } from '../rate-limit/token-bucket.js';
import { choosePath, countMisses, type PathInputs, type QueuedPackage } from './choose-path.js';
import { pathLowerBound } from './lower-bound.js';

const NOW = 1_000_000;

function pkg(packageId: string, dueInMs: number | null): QueuedPackage {
  return {
    packageId,
    shipByMs: dueInMs === null ? null : NOW + dueInMs,
    recordedAtMs: NOW,
    hasTracking: true,
  };
}

// One call a second from an empty bucket: tokens at +1 s, +2 s, +3 s...
function inputs(queue: QueuedPackage[], feedTokens: number, turnaroundMs = 2000): PathInputs {
  return {
    nowMs: NOW,
    queue,
    confirmShipment: { ...fullBucket(1, 10, NOW), tokens: 0 },
    createFeed: { ...fullBucket(0.0083, 15, NOW), tokens: feedTokens },
    expectedFeedTurnaroundMs: turnaroundMs,
  };
}

describe('pathLowerBound', () => {
  it('counts the misses no plan can avoid (worked by hand)', () => {
    // Due +0.5 s (no token by then), +1 s, +1 s (one token by then), +3 s, unknown: two must miss.
    const queue = [pkg('a', 500), pkg('b', 1000), pkg('c', 1000), pkg('d', 3000), pkg('e', null)];
    const noFeed = inputs(queue, 0);
    expect(pathLowerBound(noFeed).minMisses).toBe(2);
    expect(countMisses(choosePath(noFeed))).toBe(2);
    // A feed landing at +1 s lands in time for b and c (a ship-by is met when reached exactly),
    // not for a; one landing at +0.4 s lands in time for all.
    expect(pathLowerBound(inputs(queue, 1, 1000)).minMisses).toBe(1);
    expect(countMisses(choosePath({ ...inputs(queue, 1, 1000), minFeedSize: 1 }))).toBe(1);
    expect(pathLowerBound(inputs(queue, 1, 400)).minMisses).toBe(0);
  });

  it('bounds each acknowledgement by the next token or the feed landing, whichever is sooner', () => {
    const queue = ['a', 'b', 'c', 'd', 'e'].map((id) => pkg(id, null));
    const noFeed = pathLowerBound(inputs(queue, 0));
    expect(noFeed.nthAckMs.map((t) => t - NOW)).toEqual([1000, 2000, 3000, 4000, 5000]);
    expect(noFeed.allAcknowledgedMs - NOW).toBe(5000);
    const feed = pathLowerBound(inputs(queue, 1, 2000));
    expect(feed.nthAckMs.map((t) => t - NOW)).toEqual([1000, 2000, 2000, 2000, 2000]);
    expect(feed.allAcknowledgedMs - NOW).toBe(2000);
  });

  it('is trivial for an empty queue', () => {
    expect(pathLowerBound(inputs([], 1))).toEqual({ minMisses: 0, allAcknowledgedMs: NOW, nthAckMs: [] });
  });
});
