import { afterEach, describe, expect, it } from 'vitest';
import {
  findSubmittedFeeds,
  followSubmittedFeeds,
  transmitByFeed,
} from '../../../src/app/transmit-by-feed.js';
import { recoverInterrupted } from '../../../src/app/transmit-pending.js';
import { type FeedHarness, startFeedHarness } from './feed-harness.js';

let h: FeedHarness;
afterEach(async () => h?.close());

describe('a feed submitted before a stop', () => {
  it('is followed to its verdict after the restart, not sent again, so Amazon gets each package once', async () => {
    h = await startFeedHarness(4);
    const packages = [];
    for (const o of h.orders.slice(0, 3))
      packages.push(await h.ship({ orderId: o.orderId, carrier: 'Royal Mail', service: 'Large Letter' }));

    // The process dies while waiting for Amazon: after the feed was submitted, before its report.
    const crash = new Error('process killed');
    await expect(
      transmitByFeed({ ...h.deps, feeds: h.feeds }, packages, {
        ...h.feedOptions,
        sleep: async () => Promise.reject(crash),
      }),
    ).rejects.toBe(crash);
    for (const p of packages) expect((await h.deps.store.getPackage(p.packageId))?.state).toBe('sending');

    // Restart: the submitted feed is found; nothing is re-queued to be sent again.
    const submitted = await findSubmittedFeeds(h.deps);
    expect(submitted.feeds).toHaveLength(1);
    expect([...submitted.packageIds].sort()).toEqual(packages.map((p) => p.packageId).sort());
    expect(await recoverInterrupted(h.deps, submitted.packageIds)).toBe(0);

    const summary = await followSubmittedFeeds({ ...h.deps, feeds: h.feeds }, submitted, h.feedOptions);
    expect(summary).toMatchObject({ confirmed: 3, needsFix: 0, retrying: 0 });
    for (const p of packages) {
      expect((await h.deps.store.getPackage(p.packageId))?.state).toBe('confirmed');
      expect(h.amazonPackages(p.orderId)).toHaveLength(1);
    }
    // Only one feed was ever created.
    expect(h.sim.world.requests().filter((r) => r.operation === 'createFeed')).toHaveLength(1);
  });

  it('packages interrupted before their feed was submitted are simply queued again', async () => {
    h = await startFeedHarness(2);
    const pkg = await h.ship({
      orderId: h.orders[0]!.orderId,
      carrier: 'Royal Mail',
      service: 'Large Letter',
    });
    await h.deps.store.changePackageState(pkg.packageId, {
      from: 'accepted',
      to: 'sending',
      event: 'send-started',
      reason: null,
      at: h.sim.world.clock.now().toISOString(),
      countAttempt: true,
    });
    const submitted = await findSubmittedFeeds(h.deps);
    expect(submitted.feeds).toEqual([]);
    expect(await recoverInterrupted(h.deps, submitted.packageIds)).toBe(1);
    expect((await h.deps.store.getPackage(pkg.packageId))?.state).toBe('retrying');
  });
});
