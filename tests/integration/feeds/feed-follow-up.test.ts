import { afterEach, describe, expect, it } from 'vitest';
import { transmitByFeed } from '../../../src/app/transmit-by-feed.js';
import type { Package } from '../../../src/core/package.js';
import { dpd, seededRng } from '../../../src/edges/demo/sample-tracking-numbers.js';
import { MarketplaceError } from '../../../src/ports/marketplace.js';
import { type FeedHarness, startFeedHarness } from './feed-harness.js';

let h: FeedHarness;
afterEach(async () => h?.close());

const rng = seededRng(9);

async function shipSome(n: number): Promise<Package[]> {
  const pkgs: Package[] = [];
  for (const o of h.orders.slice(0, n)) {
    pkgs.push(
      await h.ship({ orderId: o.orderId, carrier: 'DPD', service: 'Next Day', trackingId: dpd(rng) }),
    );
  }
  return pkgs;
}

/** Feed options that record every wait while moving the simulator's clock by it. */
function recordingSleeps() {
  const sleeps: number[] = [];
  return {
    sleeps,
    options: {
      ...h.feedOptions,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        h.sim.world.clock.advance(ms);
      },
    },
  };
}

describe('following a feed', () => {
  it('polls with growing waits (x1.5 from 15 s) until Amazon finishes the feed', async () => {
    // Default simulator timing: 30 s in the queue, 90 s processing.
    h = await startFeedHarness(5);
    const pkgs = await shipSome(1);
    const { sleeps, options } = recordingSleeps();
    const summary = await transmitByFeed({ ...h.deps, feeds: h.feeds }, pkgs, options);
    expect(summary.confirmed).toBe(1);
    expect(sleeps).toEqual([15_000, 22_500, 33_750, 50_625]);
    expect(h.sim.world.requests().filter((r) => r.operation === 'getFeed')).toHaveLength(4);
  });

  it('caps the wait at 2 minutes and, past maxPollMs, puts the packages back to retry', async () => {
    h = await startFeedHarness(5);
    h.sim.world.feedSettings.processingMs = 24 * 3_600_000;
    const pkgs = await shipSome(2);
    const { sleeps, options } = recordingSleeps();
    const summary = await transmitByFeed({ ...h.deps, feeds: h.feeds }, pkgs, {
      ...options,
      maxPollMs: 600_000,
    });
    expect(summary).toMatchObject({ confirmed: 0, needsFix: 0, retrying: 2 });
    expect(Math.max(...sleeps)).toBe(120_000);
    expect(sleeps.slice(-2)).toEqual([120_000, 120_000]);
    expect(sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(600_000);
    for (const p of pkgs) {
      const stored = await h.deps.store.getPackage(p.packageId);
      expect(stored!.state).toBe('retrying');
      expect(stored!.stateReason).toContain('had not finished');
    }
  });

  it('waits out faults while following a submitted feed instead of submitting it again', async () => {
    h = await startFeedHarness(5);
    const pkgs = await shipSome(2);
    // More 503s than SpApiHttp retries within one call: one poll fails outright, later ones succeed.
    h.sim.world.setFault('getFeed', { kind: 'status', status: 503, count: 6 });
    const summary = await transmitByFeed({ ...h.deps, feeds: h.feeds }, pkgs, h.feedOptions);
    expect(summary).toMatchObject({ confirmed: 2, needsFix: 0, retrying: 0 });
    expect(h.sim.world.requests().filter((r) => r.operation === 'createFeed')).toHaveLength(1);
  });

  it('a fault no retry cures after submission re-queues the packages and keeps the feed id on their attempts', async () => {
    h = await startFeedHarness(5);
    const pkgs = await shipSome(1);
    h.sim.world.setFault('getFeed', { kind: 'status', status: 400 });
    const error = await transmitByFeed({ ...h.deps, feeds: h.feeds }, pkgs, h.feedOptions).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'MarketplaceError', retryable: false, httpStatus: 400 });
    const [attempt] = await h.deps.store.listAttempts(pkgs[0]!.packageId);
    expect(attempt).toMatchObject({
      outcome: 'temporary-failure',
      amazonRequestId: expect.stringMatching(/^\d+$/),
    });
    expect((await h.deps.store.getPackage(pkgs[0]!.packageId))!.state).toBe('retrying');
  });

  it('after the last allowed attempt a failed feed sends its packages to needs-fix', async () => {
    h = await startFeedHarness(5);
    const pkgs = await shipSome(2);
    h.sim.world.setFault('createFeed', { kind: 'feed-fatal', count: 1 });
    const summary = await transmitByFeed({ ...h.deps, feeds: h.feeds }, pkgs, {
      ...h.feedOptions,
      maxAttempts: 1,
    });
    expect(summary).toMatchObject({ confirmed: 0, needsFix: 2, retrying: 0 });
    for (const p of pkgs) {
      const stored = await h.deps.store.getPackage(p.packageId);
      expect(stored!.state).toBe('needs-fix');
      expect(stored!.stateReason).toContain('after 1 attempts');
    }
  });

  it('a fault no retry cures stops the run: it is thrown, later documents are not sent, every package is retrying', async () => {
    h = await startFeedHarness(6);
    const pkgs = await shipSome(3);
    h.sim.world.setFault('createFeed', { kind: 'status', status: 400 });
    const error = await transmitByFeed({ ...h.deps, feeds: h.feeds }, pkgs, {
      ...h.feedOptions,
      limits: { maxMessages: 1 },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MarketplaceError);
    expect((error as MarketplaceError).retryable).toBe(false);
    expect(h.sim.world.requests().filter((r) => r.operation === 'createFeed')).toHaveLength(1);
    for (const p of pkgs) expect((await h.deps.store.getPackage(p.packageId))!.state).toBe('retrying');
  });

  it('takes only packages that are still queued, and sends nothing when none is', async () => {
    h = await startFeedHarness(5);
    const pkgs = await shipSome(2);
    const first = await transmitByFeed({ ...h.deps, feeds: h.feeds }, pkgs, h.feedOptions);
    expect(first.confirmed).toBe(2);
    const before = h.sim.world.requests().length;
    // The same (now stale) package objects again: they are confirmed, so nothing is sent twice.
    const again = await transmitByFeed({ ...h.deps, feeds: h.feeds }, pkgs, h.feedOptions);
    expect(again).toEqual({ confirmed: 0, needsFix: 0, retrying: 0, feedIds: [] });
    expect(h.sim.world.requests().length).toBe(before);
    for (const p of pkgs) expect(h.amazonPackages(p.orderId)).toHaveLength(1);
  });

  it('writes which feed and message carried each package', async () => {
    h = await startFeedHarness(5);
    const pkgs = await shipSome(2);
    const { feedIds } = await transmitByFeed({ ...h.deps, feeds: h.feeds }, pkgs, h.feedOptions);
    const submitted = await Promise.all(
      pkgs.map(async (p) =>
        (await h.deps.store.listEvents({ entityId: p.packageId })).find(
          (e) => e.type === 'package.feed-submitted',
        ),
      ),
    );
    expect(submitted.map((e) => e?.data)).toEqual([
      { feedId: feedIds[0], messageId: 1 },
      { feedId: feedIds[0], messageId: 2 },
    ]);
  });
});
