import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { fullPackage, startTestSim, type TestSim, UK } from '../../test-support/sim-client.js';
import { readModelFile } from '../model-files.js';

const DAY = 86_400_000;

describe('Amazon’s judgement: VTR per category, late shipment and cancel rates', () => {
  let t: TestSim;
  afterEach(() => t.close());

  it('counts valid tracking only for domestic non-Prime packages with integrated carriers, per category', async () => {
    t = await startTestSim(
      { rateLimits: false, carriers: { lostRate: 0, neverHandedOverRate: 0, lateRate: 0 } },
      120,
    );
    const world = t.sim.world;
    const eligible = t.seeded.orders.filter((o) => {
      const stored = world.storedOrder(o.orderId);
      return (
        o.status === 'UNSHIPPED' &&
        stored !== undefined &&
        !stored.prime &&
        stored.address.countryCode === 'GB'
      );
    });
    const [valid, invalid, other] = [eligible.slice(0, 7), eligible.slice(7, 10), eligible.slice(10, 12)];
    const expected = new Map<string, { count: number; hits: number }>();
    const note = (order: (typeof eligible)[number], isValid: boolean) => {
      for (const category of new Set(
        order.items.map((i) => t.seeded.catalog.find((p) => p.sku === i.sku)?.category ?? ''),
      )) {
        const e = expected.get(category) ?? { count: 0, hits: 0 };
        e.count += 1;
        if (isValid) e.hits += 1;
        expected.set(category, e);
      }
    };
    for (const order of valid) {
      const pkg = fullPackage(order, {
        carrierCode: 'DPD',
        shippingMethod: 'Next Day',
        trackingNumber: '15501234567890',
      });
      expect((await t.confirm(order.orderId, pkg)).status).toBe(204);
      note(order, true);
    }
    for (const order of invalid) {
      const pkg = fullPackage(order, {
        carrierCode: 'DPD',
        shippingMethod: 'Next Day',
        trackingNumber: '12345',
      });
      expect((await t.confirm(order.orderId, pkg)).status).toBe(204);
      note(order, false);
    }
    for (const order of other) {
      const pkg = fullPackage(order, {
        carrierCode: 'Other',
        carrierName: 'Local Courier',
        shippingMethod: 'Standard',
        trackingNumber: 'LC1',
      });
      expect((await t.confirm(order.orderId, pkg)).status).toBe(204);
    }
    world.clock.advance(7 * DAY);
    const metrics = world.metrics(t.sim.credentials.sellerId, UK);
    expect(metrics.validTrackingRate).toMatchObject({ count: 10, hits: 7, rate: 0.7 });
    for (const [category, e] of expected) {
      expect(metrics.validTrackingRate.byCategory[category]).toMatchObject({ count: e.count, hits: e.hits });
    }
    expect(Object.keys(metrics.validTrackingRate.byCategory).sort()).toEqual([...expected.keys()].sort());

    const served = await fetch(`${t.sim.adminUrl}/metrics`).then((r) => r.json());
    expect(served).toEqual(JSON.parse(JSON.stringify(metrics)));
  });

  it('counts a tracking number sent only after delivery as a defect', async () => {
    t = await startTestSim(
      {
        rateLimits: false,
        accessTokenTtlSeconds: 1e9,
        carriers: { lostRate: 0, neverHandedOverRate: 0, lateRate: 0 },
      },
      40,
    );
    const world = t.sim.world;
    const [early, late] = t.seeded.orders.filter((o) => {
      const stored = world.storedOrder(o.orderId);
      return (
        o.status === 'UNSHIPPED' &&
        stored !== undefined &&
        !stored.prime &&
        stored.address.countryCode === 'GB'
      );
    });
    if (early === undefined || late === undefined) throw new Error('not enough orders');
    const dpd = { carrierCode: 'DPD', shippingMethod: 'Next Day', trackingNumber: '15501234567890' };
    expect((await t.confirm(early.orderId, fullPackage(early, dpd))).status).toBe(204);
    // Shipped a minute before the start, confirmed untracked, tracking added six days later (after delivery).
    expect((await t.confirm(late.orderId, fullPackage(late, { ...dpd, trackingNumber: '' }))).status).toBe(
      204,
    );
    world.clock.advance(6 * DAY);
    const retro = fullPackage(late, { ...dpd, trackingNumber: '15501234567891' });
    const retroAnswer = await t.confirm(late.orderId, retro);
    expect(retroAnswer.status, retroAnswer.text).toBe(204);
    world.clock.advance(1 * DAY);
    expect(world.metrics(t.sim.credentials.sellerId, UK).validTrackingRate).toMatchObject({
      count: 2,
      hits: 1,
    });
  });

  it('counts orders confirmed after ship-by, or not at all, as late', async () => {
    t = await startTestSim({ rateLimits: false }, 12);
    const world = t.sim.world;
    const open = t.seeded.orders.filter((o) => o.status === 'UNSHIPPED');
    const onTime = open.filter((o) => Date.parse(o.shipByLatest) > Date.parse('2026-03-02T12:00:00Z'));
    for (const order of onTime) expect((await t.confirm(order.orderId, fullPackage(order))).status).toBe(204);
    world.clock.advance(3 * DAY);
    const lsr = world.metrics(t.sim.credentials.sellerId, UK).lateShipmentRate.days30;
    expect(lsr.count).toBe(open.length);
    expect(lsr.hits).toBe(open.length - onTime.length);
  });

  it('serves an account-health report that validates against Amazon’s schema', async () => {
    t = await startTestSim({ rateLimits: false }, 30);
    const schema = readModelFile('accountHealthReport-2020-11-18.json') as Record<string, unknown>;
    const { $schema: _ignored, ...body } = schema;
    const validate = new Ajv({ strict: false, logger: false }).compile(body);
    const report = await fetch(`${t.sim.adminUrl}/account-health`).then((r) => r.json());
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report).toMatchObject({
      accountStatuses: [{ marketplaceId: UK }],
      performanceMetrics: [{ marketplaceId: UK }],
    });
  });
});
