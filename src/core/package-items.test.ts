import { describe, expect, it } from 'vitest';
import type { Order } from './order.js';
import { choosePackageItems, type PackageItemsHolder, unshippedQuantities } from './package-items.js';

const order: Order = {
  orderId: '202-0000001-0000001',
  sellerId: 'S1',
  marketplaceId: 'A1F83G8C2ARO7P',
  status: 'UNSHIPPED',
  createdAt: '2026-11-20T10:00:00.000Z',
  lastUpdatedAt: '2026-11-20T10:00:00.000Z',
  shipByLatest: '2026-11-22T23:59:59.000Z',
  deliverByLatest: null,
  shipToCountry: 'GB',
  isPrime: false,
  items: [
    { orderItemId: 'A', sku: 'SKU-A', asin: null, title: null, quantityOrdered: 3 },
    { orderItemId: 'B', sku: 'SKU-B', asin: null, title: null, quantityOrdered: 1 },
  ],
};

const pkg = (
  packageId: string,
  state: PackageItemsHolder['state'],
  items: [string, number][],
): PackageItemsHolder => ({
  packageId,
  state,
  items: items.map(([orderItemId, quantity]) => ({ orderItemId, quantity })),
});

describe('unshippedQuantities', () => {
  it('subtracts live packages, not cancelled ones', () => {
    const left = unshippedQuantities(order, [
      pkg('p1', 'confirmed', [['A', 2]]),
      pkg('p2', 'cancelled', [['B', 1]]),
    ]);
    expect(Object.fromEntries(left)).toEqual({ A: 1, B: 1 });
  });

  it('gives back the units of the package being replaced', () => {
    const left = unshippedQuantities(order, [pkg('p1', 'confirmed', [['A', 3]])], 'p1');
    expect(left.get('A')).toBe(3);
  });
});

describe('choosePackageItems', () => {
  it('takes every unshipped unit when no items are given', () => {
    const r = choosePackageItems(order, [pkg('p1', 'accepted', [['A', 1]])], undefined);
    expect(r).toEqual({
      ok: true,
      value: [
        { orderItemId: 'A', quantity: 2 },
        { orderItemId: 'B', quantity: 1 },
      ],
    });
  });

  it('refuses when nothing is left', () => {
    const r = choosePackageItems(
      order,
      [
        pkg('p1', 'confirmed', [
          ['A', 3],
          ['B', 1],
        ]),
      ],
      [],
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusals[0]?.code).toBe('nothing-left-to-ship');
  });

  it('accepts a split shipment within what remains, merging repeats', () => {
    const r = choosePackageItems(
      order,
      [],
      [
        { orderItemId: 'A', quantity: 1 },
        { orderItemId: 'A', quantity: 1 },
      ],
    );
    expect(r).toEqual({ ok: true, value: [{ orderItemId: 'A', quantity: 2 }] });
  });

  it('refuses an item not in the order, naming the real items', () => {
    const r = choosePackageItems(order, [], [{ orderItemId: 'Z', quantity: 1 }]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.refusals[0]?.code).toBe('item-not-in-order');
      expect(r.refusals[0]?.message).toContain('A, B');
    }
  });

  it('refuses more units than remain unshipped', () => {
    const r = choosePackageItems(
      order,
      [pkg('p1', 'verified', [['A', 2]])],
      [{ orderItemId: 'A', quantity: 2 }],
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.refusals[0]?.code).toBe('quantity-exceeds-unshipped');
      expect(r.refusals[0]?.message).toContain('1 unit(s) left');
    }
  });

  it('refuses zero, negative and fractional quantities', () => {
    for (const quantity of [0, -1, 1.5]) {
      const r = choosePackageItems(order, [], [{ orderItemId: 'A', quantity }]);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.refusals[0]?.code).toBe('invalid-quantity');
    }
  });
});
