import { afterEach, describe, expect, it } from 'vitest';
import { recordShipment } from '../../../src/app/record-shipment.js';
import { syncOrders } from '../../../src/app/sync-orders.js';
import { s10, seededRng } from '../../../src/edges/demo/sample-tracking-numbers.js';
import { type AppHarness, startAppHarness, UK } from '../../support/app-harness.js';

let h: AppHarness;
afterEach(async () => h?.close());

describe('sync: orders Amazon cancelled', () => {
  it('stop their packages that were not yet sent, with a clear reason, and refuse new ones', async () => {
    h = await startAppHarness({ freezeClock: true });
    const seeded = h.sim.world.seedOrders({
      sellerId: h.sellerId,
      marketplaceId: UK,
      count: 5,
      spreadDays: 2,
      seed: 41,
    });
    await syncOrders(h.deps, { sellerId: h.sellerId, marketplaceIds: [UK] });
    const order = seeded.orders.find((o) => o.status === 'UNSHIPPED')!;
    const r = await recordShipment(h.deps, {
      orderId: order.orderId,
      carrier: 'Royal Mail',
      service: 'Tracked 48',
      trackingId: s10(seededRng(1), 'TT'),
      shipDate: new Date(h.sim.world.clock.now().getTime() - 60_000).toISOString(),
    });
    expect(r.kind).toBe('recorded');

    // The buyer cancels at Amazon before the package is sent.
    const stored = h.sim.world.storedOrder(order.orderId)!;
    stored.status = 'CANCELLED';
    stored.lastUpdatedMs = h.sim.world.clock.nowMs();
    h.sim.world.clock.advance(5 * 60_000);

    const sync = await syncOrders(h.deps, { sellerId: h.sellerId, marketplaceIds: [UK] });
    expect(sync.cancelledPackages).toBe(1);
    const pkg = await h.deps.store.getPackage(r.kind === 'recorded' ? r.package.packageId : '');
    expect(pkg).toMatchObject({
      state: 'cancelled',
      stateReason: expect.stringContaining('cancelled the order'),
    });
    expect(await h.deps.store.listDueForTransmission(h.sim.world.clock.now().toISOString(), 10)).toEqual([]);

    const again = await recordShipment(h.deps, {
      orderId: order.orderId,
      carrier: 'DPD',
      service: 'Next Day',
      trackingId: '09980000020033F',
    });
    expect(again).toMatchObject({ kind: 'refused', refusals: [{ code: 'order-not-shippable' }] });
  });
});
