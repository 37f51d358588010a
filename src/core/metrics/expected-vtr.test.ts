import { describe, expect, it } from 'vitest';
import type { Order } from '../order.js';
import type { Package } from '../package.js';
import { expectedVtrByCategory } from './expected-vtr.js';

const order = (id: string, o: Partial<Order> = {}): Order => ({
  orderId: id,
  sellerId: 'S',
  marketplaceId: 'A1F83G8C2ARO7P',
  status: 'SHIPPED',
  createdAt: '2026-11-01T00:00:00.000Z',
  lastUpdatedAt: '2026-11-01T00:00:00.000Z',
  shipByLatest: null,
  deliverByLatest: null,
  shipToCountry: 'GB',
  isPrime: false,
  items: [
    { orderItemId: `${id}-1`, sku: 'TOY', asin: null, title: null, quantityOrdered: 1 },
    { orderItemId: `${id}-2`, sku: 'BOOK', asin: null, title: null, quantityOrdered: 1 },
  ],
  ...o,
});

let n = 0;
const pkg = (orderId: string, p: Partial<Package> = {}): Package => ({
  packageId: `p${++n}`,
  sellerId: 'S',
  orderId,
  referenceNo: 1,
  carrierCode: 'Royal Mail',
  carrierName: null,
  shippingService: 'Tracked 48',
  trackingId: 'TT123456785GB',
  trackingKind: 'tracking',
  shipDate: '2026-11-20T10:00:00.000Z',
  items: [{ orderItemId: `${orderId}-1`, quantity: 1 }],
  state: 'confirmed',
  stateReason: null,
  attempts: 1,
  nextAttemptAt: null,
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  ...p,
});

const run = (orders: Order[], packages: Package[], at = '2026-11-25T00:00:00.000Z') =>
  expectedVtrByCategory({
    orders: new Map(orders.map((o) => [o.orderId, o])),
    packages,
    shipFromCountry: () => 'GB',
    categoryOf: (sku) => (sku === 'TOY' ? 'Toys' : sku === 'BOOK' ? 'Books' : 'Uncategorised'),
    integrated: (code) => code !== 'Other',
    at,
  });

describe('expectedVtrByCategory', () => {
  it('counts integrated, tracked packages as valid and the rest as defects with a reason', () => {
    const orders = [order('A'), order('B'), order('C')];
    const r = run(orders, [
      pkg('A'),
      pkg('B', { carrierCode: 'Other', carrierName: 'Local Co' }),
      pkg('C', { trackingId: null, trackingKind: 'none' }),
    ]);
    expect(r).toEqual([
      expect.objectContaining({ category: 'Toys', total: 3, expectedValid: 1, rate: 1 / 3 }),
    ]);
    expect(r[0]!.defects.map((d) => d.why)).toEqual([
      'carrier Local Co is not integrated with Amazon',
      'no tracking ID',
    ]);
  });

  it('leaves out Prime, cross-border, cancelled, needs-fix and out-of-window packages', () => {
    const orders = [
      order('P', { isPrime: true }),
      order('X', { shipToCountry: 'IE' }),
      order('K'),
      order('F'),
      order('O'),
    ];
    const r = run(orders, [
      pkg('P'),
      pkg('X'),
      pkg('K', { state: 'cancelled' }),
      pkg('F', { state: 'needs-fix' }),
      pkg('O', { shipDate: '2026-10-20T10:00:00.000Z' }),
    ]);
    expect(r).toEqual([]);
  });

  it('the 30-day window ends at `at` and excludes its start', () => {
    const o = [order('E')];
    expect(run(o, [pkg('E', { shipDate: '2026-10-26T00:00:00.000Z' })])).toEqual([]);
    expect(run(o, [pkg('E', { shipDate: '2026-10-26T00:00:00.001Z' })])[0]?.total).toBe(1);
    expect(run(o, [pkg('E', { shipDate: '2026-11-25T00:00:00.001Z' })])).toEqual([]);
  });

  it('a package with items of two categories counts in both', () => {
    const r = run(
      [order('M')],
      [
        pkg('M', {
          items: [
            { orderItemId: 'M-1', quantity: 1 },
            { orderItemId: 'M-2', quantity: 1 },
          ],
        }),
      ],
    );
    expect(r.map((v) => [v.category, v.total])).toEqual([
      ['Books', 1],
      ['Toys', 1],
    ]);
  });
});
