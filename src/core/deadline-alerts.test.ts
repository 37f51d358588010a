import { describe, expect, it } from 'vitest';
import { deadlineAlerts } from './deadline-alerts.js';
import type { Order } from './order.js';
import type { Package } from './package.js';

const NOW = Date.parse('2026-11-25T16:00:00.000Z');
const order = (id: string, shipBy: string, qty = 2): Order => ({
  orderId: id,
  sellerId: 'S',
  marketplaceId: 'A1F83G8C2ARO7P',
  status: 'UNSHIPPED',
  createdAt: '2026-11-24T10:00:00.000Z',
  lastUpdatedAt: '2026-11-24T10:00:00.000Z',
  shipByLatest: shipBy,
  deliverByLatest: null,
  shipToCountry: 'GB',
  isPrime: false,
  items: [{ orderItemId: `${id}-1`, sku: null, asin: null, title: null, quantityOrdered: qty }],
});
const pkg = (orderId: string, state: Package['state'], qty: number): Package =>
  ({
    packageId: `p-${orderId}-${state}`,
    orderId,
    referenceNo: 1,
    state,
    stateReason: null,
    items: [{ orderItemId: `${orderId}-1`, quantity: qty }],
  }) as unknown as Package;

const run = (orders: Order[], packages: Package[]) =>
  deadlineAlerts({
    nowMs: NOW,
    orders,
    packagesByOrder: new Map(orders.map((o) => [o.orderId, packages.filter((p) => p.orderId === o.orderId)])),
    unshippedWarnMinutes: 60,
    unconfirmedWarnMinutes: 15,
  });

describe('deadlineAlerts', () => {
  it('warns about unshipped units within the hour, not earlier', () => {
    const a = run([order('A', '2026-11-25T16:45:00.000Z'), order('B', '2026-11-25T17:30:00.000Z')], []);
    expect(a.map((x) => [x.kind, x.orderId, x.minutesLeft])).toEqual([['order-not-shipped', 'A', 45]]);
    expect(a[0]!.message).toContain('2 unit(s)');
  });

  it('counts units in live packages, not in cancelled ones', () => {
    expect(run([order('A', '2026-11-25T16:30:00.000Z')], [pkg('A', 'confirmed', 2)])).toEqual([]);
    expect(run([order('A', '2026-11-25T16:30:00.000Z')], [pkg('A', 'cancelled', 2)])).toHaveLength(1);
  });

  it('warns about packages Amazon does not have within 15 minutes of ship-by, and when late', () => {
    const a = run(
      [
        order('A', '2026-11-25T16:10:00.000Z'),
        order('L', '2026-11-25T15:50:00.000Z'),
        order('F', '2026-11-25T16:30:00.000Z'),
      ],
      [pkg('A', 'retrying', 2), pkg('L', 'needs-fix', 2), pkg('F', 'accepted', 2)],
    );
    expect(a.map((x) => [x.kind, x.orderId, x.minutesLeft])).toEqual([
      ['package-not-confirmed', 'L', -10],
      ['package-not-confirmed', 'A', 10],
    ]);
    expect(a[0]!.message).toContain('10 min ago');
    expect(a[0]!.message).toContain('Fix it now');
  });

  it('is quiet for confirmed and verified packages', () => {
    const o = order('A', '2026-11-25T16:05:00.000Z');
    expect(run([o], [pkg('A', 'confirmed', 1), { ...pkg('A', 'verified', 1), packageId: 'v' }])).toEqual([]);
  });
});
