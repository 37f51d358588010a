import { describe, expect, it } from 'vitest';
import { createSimClock } from '../clock.js';
import { CATEGORIES } from './categories.js';
import { SimWorld } from './world.js';

const NOW = new Date('2026-03-02T12:00:00Z');
const seed = (seedValue: number, count = 1000) => {
  const world = new SimWorld(createSimClock({ startTime: NOW, frozen: true }));
  const result = world.seedOrders({
    sellerId: 'S',
    marketplaceId: 'A1F83G8C2ARO7P',
    count,
    spreadDays: 30,
    seed: seedValue,
  });
  return { world, result };
};

describe('seeded order generator', () => {
  it('gives the same orders for the same seed and different ones for another', () => {
    expect(seed(7, 50).result).toEqual(seed(7, 50).result);
    expect(seed(8, 50).result.orders[0]?.orderId).not.toBe(seed(7, 50).result.orders[0]?.orderId);
  });

  it('produces Amazon-shaped ids and a catalog over at least five categories', () => {
    const { result } = seed(1);
    const orderIds = new Set(result.orders.map((o) => o.orderId));
    expect(orderIds.size).toBe(1000);
    for (const order of result.orders) {
      expect(order.orderId).toMatch(/^\d{3}-\d{7}-\d{7}$/);
      expect(order.items.length).toBeGreaterThanOrEqual(1);
      expect(order.items.length).toBeLessThanOrEqual(3);
      for (const item of order.items) {
        expect(item.orderItemId).toMatch(/^\d{14}$/);
        expect(item.asin).toMatch(/^B0[0-9A-Z]{8}$/);
        expect(item.quantity).toBeGreaterThanOrEqual(1);
        expect(item.quantity).toBeLessThanOrEqual(3);
      }
    }
    expect(new Set(result.catalog.map((p) => p.category)).size).toBeGreaterThanOrEqual(5);
    expect(CATEGORIES.length).toBeGreaterThanOrEqual(5);
  });

  it('spreads creation over the window, with ship-by 1-2 days and deliver-by after it', () => {
    const { world, result } = seed(2);
    for (const order of result.orders) {
      const created = Date.parse(order.createdTime);
      expect(created).toBeLessThan(NOW.getTime());
      expect(created).toBeGreaterThanOrEqual(NOW.getTime() - 30 * 86_400_000);
      const shipBy = Date.parse(order.shipByLatest);
      expect(shipBy - created).toBeGreaterThan(0);
      expect(shipBy - created).toBeLessThanOrEqual(3 * 86_400_000);
      const stored = world.storedOrder(order.orderId);
      expect(stored?.deliverByLatestMs).toBeGreaterThan(shipBy);
    }
  });

  it('has roughly the intended mix: ~90% domestic, ~15% Prime, ~3% cancelled', () => {
    const { world } = seed(3);
    const orders = world.ordersOf('S');
    const share = (f: (o: (typeof orders)[number]) => boolean) => orders.filter(f).length / orders.length;
    expect(share((o) => o.address.countryCode === 'GB')).toBeGreaterThan(0.85);
    expect(share((o) => o.address.countryCode === 'GB')).toBeLessThan(0.95);
    expect(share((o) => o.prime)).toBeGreaterThan(0.1);
    expect(share((o) => o.prime)).toBeLessThan(0.2);
    expect(share((o) => o.status === 'CANCELLED')).toBeGreaterThan(0.01);
    expect(share((o) => o.status === 'CANCELLED')).toBeLessThan(0.06);
    expect(
      new Set(orders.filter((o) => o.address.countryCode !== 'GB').map((o) => o.address.countryCode)),
    ).toEqual(new Set(['IE', 'FR', 'DE']));
  });

  it('generates German and US order streams with their own countries and currencies', () => {
    const world = new SimWorld(createSimClock({ startTime: NOW, frozen: true }));
    world.seedOrders({
      sellerId: 'DE',
      marketplaceId: 'A1PA6795UKMFR9',
      count: 200,
      spreadDays: 10,
      seed: 4,
    });
    world.seedOrders({ sellerId: 'US', marketplaceId: 'ATVPDKIKX0DER', count: 200, spreadDays: 10, seed: 4 });
    const de = world.ordersOf('DE');
    const us = world.ordersOf('US');
    expect(de.every((o) => o.currencyCode === 'EUR')).toBe(true);
    expect(de.filter((o) => o.address.countryCode === 'DE').length).toBeGreaterThan(160);
    expect(us.every((o) => o.currencyCode === 'USD')).toBe(true);
    expect(us.filter((o) => o.address.countryCode === 'US').length).toBeGreaterThan(160);
  });

  it('refuses an unknown marketplace', () => {
    const world = new SimWorld(createSimClock({ startTime: NOW, frozen: true }));
    expect(() =>
      world.seedOrders({ sellerId: 'S', marketplaceId: 'XX', count: 1, spreadDays: 1, seed: 1 }),
    ).toThrow(/marketplace/);
  });
});
