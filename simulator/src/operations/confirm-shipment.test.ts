import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fullPackage,
  startTestSim,
  type TestSim,
  UK,
  unshippedOrder,
} from '../../test-support/sim-client.js';
import { isRoyalMail2448Service } from './shipment-rules.js';

type OrderView = {
  fulfillment: { fulfillmentStatus: string };
  lastUpdatedTime: string;
  packages: Array<{
    packageReferenceId: string;
    trackingNumber?: string;
    carrier: string;
    packageItems: unknown[];
  }>;
};

function firstError(body: unknown): { code: string; message: string; details?: string } {
  const error = (body as { errors: Array<{ code: string; message: string; details?: string }> }).errors[0];
  if (error === undefined) throw new Error('no error in body');
  return error;
}

describe('confirmShipment', () => {
  let t: TestSim;
  let next = 0;
  // Each test takes its own order so the tests do not depend on each other.
  const takeOrder = () => unshippedOrder(t.seeded, next++);

  beforeAll(async () => {
    t = await startTestSim({ rateLimits: false }, 80);
  });
  afterAll(() => t.close());

  it('accepts a valid package with 204 and no body, and marks the order shipped', async () => {
    const order = takeOrder();
    const answer = await t.confirm(order.orderId, fullPackage(order));
    expect(answer.status).toBe(204);
    expect(answer.text).toBe('');
    const stored = t.sim.world.getOrder(order.orderId) as OrderView;
    expect(stored.fulfillment.fulfillmentStatus).toBe('SHIPPED');
    expect(stored.lastUpdatedTime).toBe('2026-03-02T12:00:00Z');
    expect(stored.packages[0]).toMatchObject({
      packageReferenceId: '1',
      carrier: 'Royal Mail',
      trackingNumber: '320019254000221BB4EFC',
    });
  });

  it('moves to PARTIALLY_SHIPPED with part of the units, then SHIPPED with a second package', async () => {
    // From the end of the list, so it is not an order another test takes from the front.
    const order = [...t.seeded.orders]
      .reverse()
      .find((o) => o.status === 'UNSHIPPED' && o.items.reduce((n, it) => n + it.quantity, 0) >= 2);
    if (order === undefined) throw new Error('need a multi-unit order');
    const [first, ...rest] = order.items;
    if (first === undefined) throw new Error('empty order');
    const firstQty = Math.min(first.quantity, 1);
    const part = [{ orderItemId: first.orderItemId, quantity: firstQty }];
    expect((await t.confirm(order.orderId, fullPackage(order, { orderItems: part }))).status).toBe(204);
    expect((t.sim.world.getOrder(order.orderId) as OrderView).fulfillment.fulfillmentStatus).toBe(
      'PARTIALLY_SHIPPED',
    );
    const remaining = [
      ...(first.quantity > firstQty
        ? [{ orderItemId: first.orderItemId, quantity: first.quantity - firstQty }]
        : []),
      ...rest.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
    ];
    const second = fullPackage(order, {
      packageReferenceId: '2',
      orderItems: remaining,
      trackingNumber: '320019254000221BB4EFD',
    });
    expect((await t.confirm(order.orderId, second)).status).toBe(204);
    const stored = t.sim.world.getOrder(order.orderId) as OrderView;
    expect(stored.fulfillment.fulfillmentStatus).toBe('SHIPPED');
    expect(stored.packages).toHaveLength(2);
  });

  it('treats the same packageReferenceId as an edit of that package (new tracking, same quantities allowed)', async () => {
    const order = takeOrder();
    expect((await t.confirm(order.orderId, fullPackage(order))).status).toBe(204);
    const edited = fullPackage(order, { trackingNumber: '1234567890ABCDEF' });
    expect((await t.confirm(order.orderId, edited)).status).toBe(204);
    const stored = t.sim.world.getOrder(order.orderId) as OrderView;
    expect(stored.packages).toHaveLength(1);
    expect(stored.packages[0]?.trackingNumber).toBe('1234567890ABCDEF');
  });

  it('refuses a second package for units already shipped ("already fully shipped")', async () => {
    const order = takeOrder();
    expect((await t.confirm(order.orderId, fullPackage(order))).status).toBe(204);
    const again = await t.confirm(order.orderId, fullPackage(order, { packageReferenceId: '2' }));
    expect(again.status).toBe(400);
    expect(firstError(again.body).message).toMatch(/already fully shipped/);
  });

  it('refuses a quantity above what is unshipped', async () => {
    const order = takeOrder();
    const item = order.items[0];
    if (item === undefined) throw new Error('empty order');
    const answer = await t.confirm(
      order.orderId,
      fullPackage(order, { orderItems: [{ orderItemId: item.orderItemId, quantity: item.quantity + 1 }] }),
    );
    expect(answer.status).toBe(400);
    expect(firstError(answer.body)).toMatchObject({ code: 'InvalidInput' });
    expect(firstError(answer.body).message).toMatch(/exceeds the \d+ still unshipped/);
  });

  it('refuses an item that is not in the order', async () => {
    const order = takeOrder();
    const answer = await t.confirm(
      order.orderId,
      fullPackage(order, { orderItems: [{ orderItemId: '99999999999999', quantity: 1 }] }),
    );
    expect(answer.status).toBe(400);
    expect(firstError(answer.body).message).toMatch(/not in order/);
  });

  it('answers 404 NotFound for an unknown order', async () => {
    const order = takeOrder();
    const answer = await t.confirm('999-0000000-0000000', fullPackage(order));
    expect(answer.status).toBe(404);
    expect(firstError(answer.body).code).toBe('NotFound');
    expect(answer.headers.get('x-amzn-ratelimit-limit')).toBe('2');
  });

  it('refuses a cancelled order', async () => {
    const cancelled = t.seeded.orders.find((o) => o.status === 'CANCELLED');
    const order = cancelled ?? takeOrder();
    if (cancelled === undefined) {
      const stored = t.sim.world.storedOrder(order.orderId);
      if (stored) stored.status = 'CANCELLED';
    }
    const answer = await t.confirm(order.orderId, fullPackage(order));
    expect(answer.status).toBe(400);
    expect(firstError(answer.body).message).toMatch(/cancelled/);
  });

  it('refuses an order fulfilled by Amazon', async () => {
    const order = takeOrder();
    const stored = t.sim.world.storedOrder(order.orderId);
    if (stored === undefined) throw new Error('missing');
    t.sim.world.addOrder({ ...stored, orderId: '026-1111111-2222222', fulfilledBy: 'AMAZON', packages: [] });
    const answer = await t.confirm('026-1111111-2222222', fullPackage(order));
    expect(answer.status).toBe(400);
    expect(firstError(answer.body).message).toMatch(/fulfilled by Amazon/);
  });

  it('refuses a marketplaceId other than the order’s', async () => {
    const order = takeOrder();
    const answer = await t.confirm(order.orderId, fullPackage(order), 'A1PA6795UKMFR9');
    expect(answer.status).toBe(400);
    expect(firstError(answer.body).details).toBe('marketplaceId');
  });

  it('refuses packageReferenceId sent as a JSON number (the model says string)', async () => {
    const order = takeOrder();
    const answer = await t.confirm(order.orderId, fullPackage(order, { packageReferenceId: 1 }));
    expect(answer.status).toBe(400);
    expect(firstError(answer.body).message).toMatch(/packageReferenceId/);
  });

  it.each(['0', '-1', 'abc', '1.5', ''])(
    'refuses packageReferenceId %j (not a positive numeric string)',
    async (ref) => {
      const order = takeOrder();
      const answer = await t.confirm(order.orderId, fullPackage(order, { packageReferenceId: ref }));
      expect(answer.status).toBe(400);
      expect(firstError(answer.body).message).toMatch(/packageReferenceId/);
    },
  );

  it('refuses a carrier code in the wrong case and suggests the right one', async () => {
    const order = takeOrder();
    const answer = await t.confirm(order.orderId, fullPackage(order, { carrierCode: 'royal mail' }));
    expect(answer.status).toBe(400);
    expect(firstError(answer.body).message).toMatch(/case-sensitive.*'Royal Mail'/);
  });

  it('refuses a carrier code that is not on the list, and Other without carrierName', async () => {
    const order = takeOrder();
    const unknown = await t.confirm(
      order.orderId,
      fullPackage(order, { carrierCode: 'Evri', shippingMethod: 'Standard' }),
    );
    expect(unknown.status).toBe(400);
    expect(firstError(unknown.body).details).toBe('packageDetail.carrierCode');
    const other = await t.confirm(
      order.orderId,
      fullPackage(order, { carrierCode: 'Other', shippingMethod: 'Standard' }),
    );
    expect(other.status).toBe(400);
    expect(firstError(other.body).message).toMatch(/carrierName is required/);
  });

  it('accepts Other with a carrierName and reads it back as the carrier', async () => {
    const order = takeOrder();
    const answer = await t.confirm(
      order.orderId,
      fullPackage(order, {
        carrierCode: 'Other',
        carrierName: 'Evri',
        shippingMethod: 'Evri Standard',
        trackingNumber: 'H01ABC1234567890',
      }),
    );
    expect(answer.status).toBe(204);
    expect((t.sim.world.getOrder(order.orderId) as OrderView).packages[0]?.carrier).toBe('Evri');
  });

  it.each([
    ['an offset instead of Z', '2026-03-02T11:00:00+00:00', /ending in 'Z'/],
    ['no time zone', '2026-03-02T11:00:00', /.+/],
    ['a date in the future', '2026-03-02T12:30:00Z', /future/],
    ['a date before the order', '2020-01-01T00:00:00Z', /before the order/],
  ])('refuses a shipDate with %s', async (_label, shipDate, pattern) => {
    const order = takeOrder();
    const answer = await t.confirm(order.orderId, fullPackage(order, { shipDate }));
    expect(answer.status).toBe(400);
    expect(firstError(answer.body).message).toMatch(pattern);
  });

  it.each([
    ['an S10 tracked barcode', 'AB123456785GB'],
    ['a parcel ID with spaces', '3200 1925 4000 221B B4EFC'],
    ['a too short number', '123456789012'],
  ])('refuses Royal Mail 24/48 with %s instead of the parcel ID', async (_label, trackingNumber) => {
    const order = takeOrder();
    const answer = await t.confirm(order.orderId, fullPackage(order, { trackingNumber }));
    expect(answer.status).toBe(400);
    expect(firstError(answer.body).message).toMatch(/parcel ID/);
  });

  it.each(['Tracked 48', 'Royal Mail Tracked 24'])(
    'accepts an S10 number for %s (tracked, not a 24/48 parcel service)',
    async (shippingMethod) => {
      const order = takeOrder();
      const answer = await t.confirm(
        order.orderId,
        fullPackage(order, { shippingMethod, trackingNumber: 'AB123456785GB' }),
      );
      expect(answer.status).toBe(204);
    },
  );

  it.each(['Royal Mail 48', 'RM24', '48H', 'Royal Mail 24 Parcel'])(
    'treats %j as a Royal Mail 24/48 service',
    (method) => {
      expect(isRoyalMail2448Service(method)).toBe(true);
    },
  );

  it.each([
    'Tracked 48',
    'Royal Mail Tracked 24',
    'Special Delivery Guaranteed',
    'International Tracked',
    'Standard',
  ])('does not treat %j as a 24/48 parcel-ID service', (method) => {
    expect(isRoyalMail2448Service(method)).toBe(false);
  });

  it('accepts an S10 number for Royal Mail Tracked 48 (S10 service, not 24/48 parcel)', async () => {
    const order = takeOrder();
    const answer = await t.confirm(
      order.orderId,
      fullPackage(order, { shippingMethod: 'Tracked 48', trackingNumber: 'AB123456785GB' }),
    );
    expect(answer.status).toBe(204);
  });

  it('accepts an S10 number for Royal Mail Special Delivery (not a 24/48 service)', async () => {
    const order = takeOrder();
    const answer = await t.confirm(
      order.orderId,
      fullPackage(order, { shippingMethod: 'Special Delivery Guaranteed', trackingNumber: 'AB123456785GB' }),
    );
    expect(answer.status).toBe(204);
  });

  it('refuses a body missing required fields, naming the field', async () => {
    const order = takeOrder();
    const { trackingNumber: _dropped, ...withoutTracking } = fullPackage(order);
    const answer = await t.confirm(order.orderId, withoutTracking);
    expect(answer.status).toBe(400);
    expect(firstError(answer.body).message).toMatch(/trackingNumber/);
    expect(answer.headers.get('x-amzn-ratelimit-limit')).toBe('2');
  });

  it('does not change the order when a confirmation is refused', async () => {
    const order = takeOrder();
    const before = JSON.stringify(t.sim.world.getOrder(order.orderId));
    await t.confirm(order.orderId, fullPackage(order, { carrierCode: 'ROYAL MAIL' }));
    expect(JSON.stringify(t.sim.world.getOrder(order.orderId))).toBe(before);
  });

  it('only lets a seller confirm its own orders', async () => {
    const order = takeOrder();
    t.sim.world.seedOrders({
      sellerId: 'A2OTHERSELLER',
      marketplaceId: UK,
      count: 1,
      spreadDays: 1,
      seed: 9,
    });
    const other = t.sim.world.ordersOf('A2OTHERSELLER')[0];
    if (other === undefined) throw new Error('not seeded');
    const answer = await t.confirm(other.orderId, fullPackage(order));
    expect(answer.status).toBe(404);
  });
});
