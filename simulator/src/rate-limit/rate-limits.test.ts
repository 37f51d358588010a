import { afterEach, describe, expect, it } from 'vitest';
import { startTestSim, type TestSim, unshippedOrder } from '../../test-support/sim-client.js';
import { TokenBucket } from './token-bucket.js';

describe('TokenBucket', () => {
  it('allows a burst, then refills at the rate', () => {
    const bucket = new TokenBucket(2, 3, 0);
    expect([bucket.tryTake(0), bucket.tryTake(0), bucket.tryTake(0), bucket.tryTake(0)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(bucket.tryTake(499)).toBe(false);
    expect(bucket.tryTake(500)).toBe(true);
    expect(bucket.tryTake(10_000)).toBe(true);
    expect(bucket.available).toBeLessThanOrEqual(2);
  });

  it('does not refill when time goes backwards', () => {
    const bucket = new TokenBucket(1, 1, 1000);
    expect(bucket.tryTake(1000)).toBe(true);
    expect(bucket.tryTake(0)).toBe(false);
  });
});

describe('usage plans over HTTP', () => {
  let t: TestSim | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const getOrder = (sim: TestSim, orderId: string) => sim.get(`/orders/2026-01-01/orders/${orderId}`);

  it('throttles getOrder after its burst of 30 with 429 QuotaExceeded and no rate-limit header', async () => {
    t = await startTestSim({}, 3);
    const orderId = unshippedOrder(t.seeded).orderId;
    for (let i = 0; i < 30; i++) {
      const ok = await getOrder(t, orderId);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('x-amzn-ratelimit-limit')).toBe('0.5');
    }
    const throttled = await getOrder(t, orderId);
    expect(throttled.status).toBe(429);
    expect(throttled.body).toEqual({
      errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.' }],
    });
    expect(throttled.headers.get('x-amzn-ratelimit-limit')).toBeNull();
    expect(throttled.headers.get('x-amzn-requestid')).not.toBeNull();
    // Buckets are per operation: searchOrders is unaffected.
    expect((await t.get('/orders/2026-01-01/orders?createdAfter=2026-01-01T00:00:00Z')).status).toBe(200);
    // Two simulated seconds refill one getOrder token (0.5/s).
    t.sim.world.clock.advance(2000);
    expect((await getOrder(t, orderId)).status).toBe(200);
    expect((await getOrder(t, orderId)).status).toBe(429);
  });

  it('throttles searchOrders after 20 calls', async () => {
    t = await startTestSim({}, 1);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      statuses.push((await t.get('/orders/2026-01-01/orders?createdAfter=2026-01-01T00:00:00Z')).status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    expect(statuses[20]).toBe(429);
  });

  it('does not throttle when rateLimits is false', async () => {
    t = await startTestSim({ rateLimits: false }, 1);
    for (let i = 0; i < 25; i++) {
      expect((await t.get('/orders/2026-01-01/orders?createdAfter=2026-01-01T00:00:00Z')).status).toBe(200);
    }
  });

  it('refills faster with speedFactor because the simulated clock runs faster', async () => {
    // At 100000x one real millisecond is 100 simulated seconds, far more than a getOrder token needs.
    t = await startTestSim({ freezeClock: false, speedFactor: 100_000, accessTokenTtlSeconds: 1e9 }, 1);
    const orderId = unshippedOrder(t.seeded).orderId;
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await getOrder(t, orderId)).status);
    // At 1x, 40 calls against a burst of 30 at 0.5/s would be throttled.
    expect(statuses.every((s) => s === 200)).toBe(true);
  });
});
