import { afterEach, describe, expect, it } from 'vitest';
import { syncOrders } from '../../../src/app/sync-orders.js';
import { transmitPending } from '../../../src/app/transmit-pending.js';
import { type AppHarness, seedSyncAndShip, startAppHarness, UK } from '../../support/app-harness.js';

let h: AppHarness;
afterEach(async () => h?.close());

const transmitOptions = { maxAttempts: 3, retryBaseDelayMs: 10, retryMaxDelayMs: 20 };

const shipAll = (count: number) => seedSyncAndShip(h, count, 11);

describe('read-back (proof that Amazon kept it)', () => {
  it('a later sync sees the packages at Amazon and marks them verified', async () => {
    h = await startAppHarness({ freezeClock: true });
    const ids = await shipAll(5);
    const sent = await transmitPending(h.deps, transmitOptions);
    expect(sent.confirmed).toBe(ids.length);

    // Amazon's search lags two minutes: right away, nothing can be judged.
    const early = await syncOrders(h.deps, { sellerId: h.sellerId, marketplaceIds: [UK] });
    expect(early.verified).toBe(0);

    h.sim.world.clock.advance(5 * 60_000);
    const later = await syncOrders(h.deps, { sellerId: h.sellerId, marketplaceIds: [UK] });
    expect(later.verified).toBe(ids.length);
    for (const id of ids) expect((await h.deps.store.getPackage(id))?.state).toBe('verified');
  });

  it('a confirmation Amazon answered 204 to but stored without tracking is found and sent again, then verified', async () => {
    h = await startAppHarness({ freezeClock: true });
    const ids = await shipAll(3);
    h.sim.world.setFault('confirmShipment', { kind: 'silently-drop-tracking', count: 1 });
    expect((await transmitPending(h.deps, { ...transmitOptions, concurrency: 1 })).confirmed).toBe(
      ids.length,
    );

    h.sim.world.clock.advance(5 * 60_000);
    const check = await syncOrders(h.deps, { sellerId: h.sellerId, marketplaceIds: [UK] });
    expect(check).toMatchObject({ verified: ids.length - 1, resent: 1 });
    const queued = await h.deps.store.listPackages({ states: ['accepted'] });
    expect(queued).toHaveLength(1);
    expect(queued[0]!.stateReason).toContain('dropped its tracking ID');
    const events = await h.deps.store.listEvents({ entityId: queued[0]!.packageId });
    expect(events.map((e) => e.toState)).toEqual(
      expect.arrayContaining(['confirmed', 'dropped', 'accepted']),
    );

    expect((await transmitPending(h.deps, transmitOptions)).confirmed).toBe(1);
    h.sim.world.clock.advance(5 * 60_000);
    expect((await syncOrders(h.deps, { sellerId: h.sellerId, marketplaceIds: [UK] })).verified).toBe(1);
    const atAmazon = h.sim.world.getOrder(queued[0]!.orderId) as {
      packages: Array<{ packageReferenceId: string; trackingNumber?: string }>;
    };
    // Sent again under the same reference: an edit, not a second package.
    expect(atAmazon.packages.map((p) => [p.packageReferenceId, p.trackingNumber])).toEqual([
      ['1', queued[0]!.trackingId],
    ]);
  });
});
