import { afterEach, describe, expect, it } from 'vitest';
import { syncOrders } from '../../../src/app/sync-orders.js';
import { watchDeadlines } from '../../../src/app/watch-deadlines.js';
import { type AppHarness, startAppHarness, UK } from '../../support/app-harness.js';

let h: AppHarness;
afterEach(async () => h?.close());

describe('deadline watch', () => {
  it('raises each alert once, writes it to the event log, and lists what still applies', async () => {
    h = await startAppHarness({ freezeClock: true });
    const seeded = h.sim.world.seedOrders({
      sellerId: h.sellerId,
      marketplaceId: UK,
      count: 20,
      spreadDays: 2,
      seed: 31,
    });
    await syncOrders(h.deps, { sellerId: h.sellerId, marketplaceIds: [UK] });
    const open = seeded.orders
      .filter((o) => o.status === 'UNSHIPPED')
      .sort((a, b) => a.shipByLatest.localeCompare(b.shipByLatest));
    const target = open.find((o) => Date.parse(o.shipByLatest) > h.sim.world.clock.now().getTime())!;
    // Thirty minutes before that order's ship-by.
    h.sim.world.clock.set(new Date(Date.parse(target.shipByLatest) - 30 * 60_000));

    const options = { sellerId: h.sellerId, unshippedWarnMinutes: 60, unconfirmedWarnMinutes: 15 };
    const first = await watchDeadlines(h.deps, options);
    expect(first.raised.map((a) => a.orderId)).toContain(target.orderId);
    expect(first.raised.every((a) => a.kind === 'order-not-shipped')).toBe(true);
    const events = await h.deps.store.listEvents({ entityId: target.orderId });
    expect(events.filter((e) => e.type === 'alert.deadline')).toHaveLength(1);

    const again = await watchDeadlines(h.deps, options);
    expect(again.raised).toEqual([]);
    expect(again.current.map((a) => a.orderId)).toContain(target.orderId);
  });
});
