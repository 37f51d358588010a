import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullPackage, startTestSim, type TestSim, unshippedOrder } from '../../test-support/sim-client.js';

/**
 * confirmShipment rules not covered in confirm-shipment.test.ts: the shape of orderItems (at least
 * one, none twice, quantity at least 1) and the tracking number of untracked and Royal Mail 24/48
 * packages. Each breaks one rule and expects Amazon's 400 with the order left as it was.
 */

function firstError(body: unknown): { code: string; message: string; details?: string } {
  const error = (body as { errors: Array<{ code: string; message: string; details?: string }> }).errors[0];
  if (error === undefined) throw new Error('no error in body');
  return error;
}

describe('confirmShipment: order items and tracking numbers', () => {
  let t: TestSim;
  let next = 0;
  const takeOrder = () => unshippedOrder(t.seeded, next++);

  beforeAll(async () => {
    t = await startTestSim({ rateLimits: false }, 40);
  });
  afterAll(() => t.close());

  const expectRefused = async (
    orderId: string,
    detail: Record<string, unknown>,
    pattern: RegExp,
  ): Promise<void> => {
    const before = JSON.stringify(t.sim.world.getOrder(orderId));
    const answer = await t.confirm(orderId, detail);
    expect(answer.status, answer.text).toBe(400);
    expect(firstError(answer.body).code).toBe('InvalidInput');
    expect(firstError(answer.body).message).toMatch(pattern);
    expect(JSON.stringify(t.sim.world.getOrder(orderId))).toBe(before);
  };

  it('refuses a package with no order items', async () => {
    const order = takeOrder();
    await expectRefused(order.orderId, fullPackage(order, { orderItems: [] }), /at least one order item/);
  });

  it('refuses the same order item listed twice in one package', async () => {
    const order = takeOrder();
    const item = order.items[0];
    if (item === undefined) throw new Error('empty order');
    const twice = [
      { orderItemId: item.orderItemId, quantity: 1 },
      { orderItemId: item.orderItemId, quantity: 1 },
    ];
    await expectRefused(order.orderId, fullPackage(order, { orderItems: twice }), /listed twice/);
  });

  it.each([0, -1])('refuses quantity %d', async (quantity) => {
    const order = takeOrder();
    const item = order.items[0];
    if (item === undefined) throw new Error('empty order');
    await expectRefused(
      order.orderId,
      fullPackage(order, { orderItems: [{ orderItemId: item.orderItemId, quantity }] }),
      /must be at least 1/,
    );
  });

  it('refuses a fractional quantity through the model (integer)', async () => {
    const order = takeOrder();
    const item = order.items[0];
    if (item === undefined) throw new Error('empty order');
    await expectRefused(
      order.orderId,
      fullPackage(order, { orderItems: [{ orderItemId: item.orderItemId, quantity: 1.5 }] }),
      /quantity/,
    );
  });

  it('refuses Royal Mail 24/48 with an empty tracking number (the parcel ID is required)', async () => {
    const order = takeOrder();
    await expectRefused(order.orderId, fullPackage(order, { trackingNumber: '' }), /parcel ID/);
  });

  it('applies the parcel-ID rule to Other named Royal Mail as well', async () => {
    const order = takeOrder();
    await expectRefused(
      order.orderId,
      fullPackage(order, {
        carrierCode: 'Other',
        carrierName: 'Royal Mail',
        shippingMethod: 'Royal Mail 48',
        trackingNumber: 'AB123456785GB',
      }),
      /parcel ID/,
    );
  });

  it('accepts an empty tracking number for a carrier that is not Royal Mail 24/48 (untracked)', async () => {
    const order = takeOrder();
    const answer = await t.confirm(
      order.orderId,
      fullPackage(order, { carrierCode: 'DPD', shippingMethod: 'Next Day', trackingNumber: '' }),
    );
    expect(answer.status, answer.text).toBe(204);
    const stored = t.sim.world.getOrder(order.orderId) as { packages: Array<Record<string, unknown>> };
    expect(stored.packages[0]).not.toHaveProperty('trackingNumber');
  });

  it('refuses an edit whose new quantities exceed the order, and keeps the original package', async () => {
    const order = takeOrder();
    expect((await t.confirm(order.orderId, fullPackage(order))).status).toBe(204);
    const item = order.items[0];
    if (item === undefined) throw new Error('empty order');
    await expectRefused(
      order.orderId,
      fullPackage(order, { orderItems: [{ orderItemId: item.orderItemId, quantity: item.quantity + 1 }] }),
      /exceeds the \d+ still unshipped/,
    );
  });
});
