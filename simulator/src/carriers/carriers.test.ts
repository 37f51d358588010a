import { afterEach, describe, expect, it } from 'vitest';
import {
  type Answer,
  fullPackage,
  startTestSim,
  type TestSim,
  toAnswer,
  unshippedOrder,
} from '../../test-support/sim-client.js';
import { isRecognisedTrackingNumber, isS10 } from './tracking-validity.js';

describe('tracking number recognition', () => {
  it('checks the Royal Mail S10 check digit', () => {
    expect(isS10('AB123456785GB')).toBe(true);
    expect(isS10('AB123456784GB')).toBe(false);
  });

  it.each([
    ['DPD', '15501234567890', true],
    ['DPD', '25501234567890', false],
    ['DHL', '1234567891', true],
    ['DHL', '1234567890', false],
    ['Yodel', 'JD0002251234567890', true],
    ['Royal Mail', '320019254000221BB4EFC', true],
    ['Royal Mail', 'AB123456784GB', false],
    ['UPS', '1Z999AA10123456784', true],
    ['Some Carrier', 'X', false],
  ])('%s %s -> %s', (carrier, number, expected) => {
    expect(isRecognisedTrackingNumber(carrier, number)).toBe(expected);
  });
});

describe('carrier scans', () => {
  let t: TestSim;
  afterEach(() => t.close());
  const DAY = 86_400_000;

  const track = async (trackingNumber: string): Promise<Answer> =>
    toAnswer(
      await fetch(`${t.sim.baseUrl}/carriers/v1/tracking/${encodeURIComponent(trackingNumber)}?carrier=DPD`),
    );

  const packageStatus = (orderId: string): string | undefined =>
    (t.sim.world.getOrder(orderId) as { packages: Array<{ packageStatus: { status: string } }> }).packages[0]
      ?.packageStatus.status;

  it('scans a handed-over parcel hours after shipping and delivers it days later; Amazon’s packageStatus follows', async () => {
    t = await startTestSim(
      { rateLimits: false, carriers: { lostRate: 0, neverHandedOverRate: 0, lateRate: 0 } },
      5,
    );
    const order = unshippedOrder(t.seeded);
    const pkg = fullPackage(order, {
      carrierCode: 'DPD',
      shippingMethod: 'Next Day',
      trackingNumber: '15501234567890',
    });
    expect((await t.confirm(order.orderId, pkg)).status).toBe(204);
    const before = await track('15501234567890');
    expect(before.body).toMatchObject({ status: 'PRE_TRANSIT', events: [] });
    expect(packageStatus(order.orderId)).toBe('SHIPPED');
    t.sim.world.clock.advance(9 * 3_600_000);
    expect(await track('15501234567890')).toMatchObject({
      status: 200,
      body: { carrier: 'DPD', status: 'IN_TRANSIT', events: [expect.objectContaining({ code: 'ACCEPTED' })] },
    });
    expect(packageStatus(order.orderId)).toBe('IN_TRANSIT');
    t.sim.world.clock.advance(4 * DAY);
    const delivered = await track('15501234567890');
    expect(delivered.body).toMatchObject({ status: 'DELIVERED' });
    expect((delivered.body as { events: Array<{ code: string }> }).events.map((e) => e.code)).toEqual([
      'ACCEPTED',
      'IN_TRANSIT',
      'OUT_FOR_DELIVERY',
      'DELIVERED',
    ]);
    expect(packageStatus(order.orderId)).toBe('DELIVERED');
  });

  it('never scans an invalid tracking number', async () => {
    t = await startTestSim({ rateLimits: false }, 5);
    const order = unshippedOrder(t.seeded);
    const pkg = fullPackage(order, { carrierCode: 'DPD', shippingMethod: 'Next Day', trackingNumber: '999' });
    expect((await t.confirm(order.orderId, pkg)).status).toBe(204);
    t.sim.world.clock.advance(10 * DAY);
    expect((await track('999')).status).toBe(404);
    expect(packageStatus(order.orderId)).toBe('SHIPPED');
  });

  it('loses parcels after the first scan, or never sees them, at the configured rates', async () => {
    t = await startTestSim({ rateLimits: false, carriers: { lostRate: 1, neverHandedOverRate: 0 } }, 5);
    const order = unshippedOrder(t.seeded);
    await t.confirm(
      order.orderId,
      fullPackage(order, {
        carrierCode: 'DPD',
        shippingMethod: 'Next Day',
        trackingNumber: '15501234567890',
      }),
    );
    t.sim.world.clock.advance(20 * DAY);
    const lost = (await track('15501234567890')).body as { status: string; events: unknown[] };
    expect(lost.status).toBe('IN_TRANSIT');
    expect(lost.events).toHaveLength(1);

    t.sim.world.carrierSettings = { lostRate: 0, neverHandedOverRate: 1, lateRate: 0 };
    expect(await track('15501234567890')).toMatchObject({ body: { status: 'PRE_TRANSIT', events: [] } });
  });
});
