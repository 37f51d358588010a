import { afterEach, describe, expect, it } from 'vitest';
import { transmitByFeed } from '../../../src/app/transmit-by-feed.js';
import { dpd, s10, seededRng } from '../../../src/edges/demo/sample-tracking-numbers.js';
import { type FeedHarness, startFeedHarness } from './feed-harness.js';

let h: FeedHarness;
afterEach(async () => h?.close());

const rng = seededRng(3);

/** Non-Prime orders: an untracked service is a policy refusal on a Prime order. */
function plainOrders(n: number, except: readonly { orderId: string }[] = []) {
  const found = h.orders
    .filter((o) => !o.isPrime && !except.some((e) => e.orderId === o.orderId))
    .slice(0, n);
  if (found.length < n) throw new Error(`only ${found.length} non-Prime orders seeded`);
  return found;
}

async function ofAmazon(packageIds: string[]) {
  return Promise.all(packageIds.map(async (id) => (await h.deps.store.getPackage(id))!));
}

describe('transmitByFeed against the simulator', () => {
  it("confirms a mixed feed package by package, and refuses what Amazon refuses with Amazon's reason", async () => {
    h = await startFeedHarness(30);
    const multi = h.orders.find((o) => o.items.length >= 2);
    if (!multi) throw new Error('no order with several lines seeded');
    const [tracked, other, untracked, cancelled, shippedElsewhere] = plainOrders(5, [multi]);
    const pkgs = [
      await h.ship({
        orderId: tracked!.orderId,
        carrier: 'Royal Mail',
        service: 'Tracked 48',
        trackingId: s10(rng, 'TT'),
      }),
      await h.ship({
        orderId: other!.orderId,
        carrier: 'Other',
        carrierName: 'Speedy & Sons',
        service: 'Van',
        trackingId: 'SPD12345678',
      }),
      await h.ship({
        orderId: multi.orderId,
        carrier: 'DPD',
        service: 'Next Day',
        trackingId: dpd(rng),
      }),
      await h.ship({ orderId: untracked!.orderId, carrier: 'Royal Mail', service: 'Large Letter' }),
      await h.ship({
        orderId: cancelled!.orderId,
        carrier: 'DPD',
        service: 'Next Day',
        trackingId: dpd(rng),
      }),
      await h.ship({
        orderId: shippedElsewhere!.orderId,
        carrier: 'DPD',
        service: 'Next Day',
        trackingId: dpd(rng),
      }),
    ];
    // Between recording and sending: the buyer cancels one order, and the seller confirms another in
    // Seller Central, so Amazon refuses those two messages of the feed.
    h.sim.world.storedOrder(cancelled!.orderId)!.status = 'CANCELLED';
    const direct = await h.deps.marketplace.confirmShipment({
      orderId: shippedElsewhere!.orderId,
      marketplaceId: 'A1F83G8C2ARO7P',
      packageReferenceId: '9',
      carrierCode: 'DPD',
      carrierName: null,
      shippingMethod: 'Next Day',
      trackingNumber: dpd(rng),
      shipDate: new Date(h.sim.world.clock.now().getTime() - 60_000).toISOString(),
      items: shippedElsewhere!.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
    });
    expect(direct.kind).toBe('accepted');

    const progress: string[] = [];
    const summary = await transmitByFeed({ ...h.deps, feeds: h.feeds }, pkgs, {
      ...h.feedOptions,
      onProgress: (s) => progress.push(s),
    });
    expect(summary).toMatchObject({ confirmed: 4, needsFix: 2, retrying: 0 });
    expect(summary.feedIds).toHaveLength(1);
    expect(progress.some((s) => s.includes('DONE'))).toBe(true);

    const after = await ofAmazon(pkgs.map((p) => p.packageId));
    expect(after.map((p) => p.state)).toEqual([
      'confirmed',
      'confirmed',
      'confirmed',
      'confirmed',
      'needs-fix',
      'needs-fix',
    ]);
    expect(after[4]!.stateReason).toMatch(/Amazon said: 90002 - .*cancelled/);
    expect(after[5]!.stateReason).toMatch(/Amazon said: 90002 - .*shipped/);

    // Every package has one feed attempt carrying Amazon's verdict.
    for (const p of after) {
      const attempts = await h.deps.store.listAttempts(p.packageId);
      expect(attempts).toHaveLength(1);
      expect(attempts[0]).toMatchObject({
        channel: 'feed',
        attemptNo: 1,
        outcome: p.state === 'confirmed' ? 'accepted' : 'refused',
        amazonRequestId: summary.feedIds[0],
      });
    }
    expect((await h.deps.store.listAttempts(after[4]!.packageId))[0]).toMatchObject({
      errorCode: '90002',
      errorMessage: expect.stringContaining('cancelled'),
    });

    // Amazon holds what was sent.
    const [rm] = h.amazonPackages(tracked!.orderId);
    expect(rm).toMatchObject({
      carrier: 'Royal Mail',
      shippingService: 'Tracked 48',
      trackingNumber: pkgs[0]!.trackingId,
    });
    expect(h.amazonPackages(other!.orderId)[0]).toMatchObject({
      carrier: 'Speedy & Sons',
      trackingNumber: 'SPD12345678',
    });
    expect(pkgs[2]!.items.length).toBeGreaterThanOrEqual(2);
    const multiAtAmazon = h.amazonPackages(pkgs[2]!.orderId)[0] as {
      packageItems: Array<{ orderItemId: string; quantity: number }>;
    };
    expect(multiAtAmazon.packageItems.map((i) => [i.orderItemId, i.quantity]).sort()).toEqual(
      pkgs[2]!.items.map((i) => [i.orderItemId, i.quantity]).sort(),
    );
    expect(h.amazonPackages(cancelled!.orderId)).toEqual([]);
    expect(h.amazonPackages(shippedElsewhere!.orderId)).toHaveLength(1); // only the direct one
  });

  it('confirms an untracked package (Large Letter, no tracking) by feed, with no tracking number at Amazon', async () => {
    h = await startFeedHarness(10);
    const [order] = plainOrders(1);
    const pkg = await h.ship({ orderId: order!.orderId, carrier: 'Royal Mail', service: 'Large Letter' });
    expect(pkg.trackingId).toBeNull();

    const summary = await transmitByFeed({ ...h.deps, feeds: h.feeds }, [pkg], h.feedOptions);
    expect(summary).toMatchObject({ confirmed: 1, needsFix: 0, retrying: 0 });
    const stored = await h.deps.store.getPackage(pkg.packageId);
    expect(stored!.state).toBe('confirmed');
    // The simulator warns about a missing tracking number on an integrated carrier; the warning is kept.
    expect(stored!.stateReason).toContain('90010');
    const [atAmazon] = h.amazonPackages(order!.orderId);
    expect(atAmazon).toMatchObject({ carrier: 'Royal Mail', shippingService: pkg.shippingService });
    expect(atAmazon!.trackingNumber).toBeUndefined();
  });

  it('a feed that ends FATAL puts every package back to retry; the next run confirms them all', async () => {
    h = await startFeedHarness(20);
    const pkgs = [];
    for (const o of h.orders.slice(0, 4)) {
      pkgs.push(
        await h.ship({
          orderId: o.orderId,
          carrier: 'Royal Mail',
          service: 'Tracked 24',
          trackingId: s10(rng),
        }),
      );
    }
    h.sim.world.setFault('createFeed', { kind: 'feed-fatal', count: 1 });
    const first = await transmitByFeed({ ...h.deps, feeds: h.feeds }, pkgs, h.feedOptions);
    expect(first).toMatchObject({ confirmed: 0, needsFix: 0, retrying: 4 });
    for (const p of await ofAmazon(pkgs.map((x) => x.packageId))) {
      expect(p.state).toBe('retrying');
      expect(p.stateReason).toContain('FATAL');
      expect(p.nextAttemptAt).not.toBeNull();
      expect(h.amazonPackages(p.orderId)).toEqual([]);
      expect((await h.deps.store.listAttempts(p.packageId))[0]).toMatchObject({
        channel: 'feed',
        outcome: 'temporary-failure',
      });
    }

    // Not due before nextAttemptAt; due after it.
    const now = h.sim.world.clock.now().toISOString();
    expect(await h.deps.store.listDueForTransmission(now, 100)).toEqual([]);
    h.sim.world.clock.advance(60_000);
    const due = await h.deps.store.listDueForTransmission(h.sim.world.clock.now().toISOString(), 100);
    expect(due.map((p) => p.packageId).sort()).toEqual(pkgs.map((p) => p.packageId).sort());

    const second = await transmitByFeed({ ...h.deps, feeds: h.feeds }, due, h.feedOptions);
    expect(second).toMatchObject({ confirmed: 4, needsFix: 0, retrying: 0 });
    for (const p of await ofAmazon(pkgs.map((x) => x.packageId))) {
      expect(p.state).toBe('confirmed');
      expect(p.attempts).toBe(2);
      expect(h.amazonPackages(p.orderId)).toHaveLength(1);
    }
  });

  it('recovers from an expired upload URL by uploading to a new document', async () => {
    h = await startFeedHarness(10);
    const pkgs = [];
    for (const o of h.orders.slice(0, 2)) {
      pkgs.push(
        await h.ship({ orderId: o.orderId, carrier: 'DPD', service: 'Next Day', trackingId: dpd(rng) }),
      );
    }
    h.sim.world.setFault('createFeedDocument', { kind: 'expired-upload-url', count: 1 });
    const summary = await transmitByFeed({ ...h.deps, feeds: h.feeds }, pkgs, h.feedOptions);
    expect(summary).toMatchObject({ confirmed: 2, needsFix: 0, retrying: 0 });
    const requests = h.sim.world.requests();
    expect(requests.filter((r) => r.operation === 'createFeedDocument')).toHaveLength(2);
    expect(requests.filter((r) => r.operation === 'uploadFeedDocument').map((r) => r.status)).toEqual([
      403, 200,
    ]);
  });

  it('a fault that outlasts the retries while submitting leaves every package retrying, none lost', async () => {
    h = await startFeedHarness(10);
    const pkgs = [];
    for (const o of h.orders.slice(0, 3)) {
      pkgs.push(
        await h.ship({ orderId: o.orderId, carrier: 'DPD', service: 'Next Day', trackingId: dpd(rng) }),
      );
    }
    h.sim.world.setFault('createFeed', { kind: 'status', status: 503 });
    const summary = await transmitByFeed({ ...h.deps, feeds: h.feeds }, pkgs, h.feedOptions);
    expect(summary).toMatchObject({ confirmed: 0, needsFix: 0, retrying: 3, feedIds: [] });
    for (const p of await ofAmazon(pkgs.map((x) => x.packageId))) expect(p.state).toBe('retrying');
  });

  it('splits a large batch into several feeds and reconciles every message to its own package', async () => {
    h = await startFeedHarness(12);
    const pkgs = [];
    for (const o of h.orders.slice(0, 5)) {
      pkgs.push(
        await h.ship({ orderId: o.orderId, carrier: 'DPD', service: 'Next Day', trackingId: dpd(rng) }),
      );
    }
    const summary = await transmitByFeed({ ...h.deps, feeds: h.feeds }, pkgs, {
      ...h.feedOptions,
      limits: { maxMessages: 2 },
    });
    expect(summary).toMatchObject({ confirmed: 5, needsFix: 0, retrying: 0 });
    expect(summary.feedIds).toHaveLength(3);
    for (const p of pkgs) {
      expect(h.amazonPackages(p.orderId)).toEqual([
        expect.objectContaining({ trackingNumber: p.trackingId }),
      ]);
    }
  });

  it('reads a GZIP processing report, with the simulator running on its own clock', async () => {
    h = await startFeedHarness(10, {
      freezeClock: false,
      startTime: undefined,
      feeds: { queueSeconds: 1, processingSeconds: 1, gzipReports: true },
    });
    const [order] = h.orders;
    const pkg = await h.ship({
      orderId: order!.orderId,
      carrier: 'DPD',
      service: 'Next Day',
      trackingId: dpd(rng),
    });
    const summary = await transmitByFeed({ ...h.deps, feeds: h.feeds }, [pkg], h.feedOptions);
    expect(summary).toMatchObject({ confirmed: 1, needsFix: 0, retrying: 0 });
    expect(h.sim.world.feedSettings.gzipReports).toBe(true);
    expect(h.sim.world.requests().some((r) => r.operation === 'getFeedDocument' && r.status === 200)).toBe(
      true,
    );
  });
});
