import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SIM_CREDENTIALS } from '../../index.js';
import { login, startTestSim, type TestSim, UK, unshippedOrder } from '../../test-support/sim-client.js';
import { OPERATIONS } from '../contract/operations.js';

/**
 * Amazon's usage plan for every operation: the burst is served, the next call is throttled with
 * 429 QuotaExceeded. The bucket is taken before the request contract is checked (as Amazon's
 * gateway does), so requests with placeholder path parameters and no body count as well.
 */
describe('usage plans for every operation', () => {
  let t: TestSim | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const route = (pathTemplate: string): string => pathTemplate.replace(/\{[^}]+\}/g, 'x');

  it.each(OPERATIONS.map((o) => [o.operationId, o] as const))(
    '%s: serves its burst, then 429 QuotaExceeded until the simulated clock refills a token',
    async (_id, operation) => {
      t = await startTestSim({}, 1);
      const { burst, ratePerSecond } = operation.rateLimit;
      for (let i = 0; i < burst; i++) {
        const answer = await t.request(operation.method, route(operation.pathTemplate));
        expect(answer.status, `call ${i + 1} of the burst`).not.toBe(429);
      }
      const throttled = await t.request(operation.method, route(operation.pathTemplate));
      expect(throttled.status).toBe(429);
      expect(throttled.body).toEqual({
        errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.' }],
      });
      // Just under one token's worth of simulated time is not enough; a little more is.
      const tokenMs = Math.ceil(1000 / ratePerSecond);
      t.sim.world.clock.advance(tokenMs - 2);
      expect((await t.request(operation.method, route(operation.pathTemplate))).status).toBe(429);
      t.sim.world.clock.advance(7);
      expect((await t.request(operation.method, route(operation.pathTemplate))).status).not.toBe(429);
    },
  );

  it('keeps one bucket per seller: one seller being throttled does not throttle another', async () => {
    const second = { ...DEFAULT_SIM_CREDENTIALS, refreshToken: 'Atzr|second', sellerId: 'A2SECONDSELLER' };
    t = await startTestSim({ credentials: [DEFAULT_SIM_CREDENTIALS, second] }, 1);
    const asin = t.seeded.catalog[0]?.asin ?? '';
    const path = `/catalog/2022-04-01/items/${asin}?marketplaceIds=${UK}`;
    expect((await t.get(path)).status).toBe(200);
    expect((await t.get(path)).status).toBe(200);
    expect((await t.get(path)).status).toBe(429);
    const otherToken = await login(t.sim, second);
    expect((await t.get(path, { 'x-amz-access-token': otherToken })).status).toBe(200);
  });
});

describe('x-amzn-RateLimit-Limit', () => {
  let t: TestSim | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('announces Amazon’s rate at speed 1 on 2xx, 400 and 404', async () => {
    t = await startTestSim({}, 3);
    const order = unshippedOrder(t.seeded);
    const ok = await t.get(`/orders/2026-01-01/orders/${order.orderId}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-amzn-ratelimit-limit')).toBe('0.5');
    const bad = await t.confirm(order.orderId, { packageReferenceId: 1 });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('x-amzn-ratelimit-limit')).toBe('2');
    const missing = await t.get('/catalog/2022-04-01/items/B000000000?marketplaceIds=A1F83G8C2ARO7P');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-amzn-ratelimit-limit')).toBe('2');
  });

  it('announces Amazon’s rate times the speed factor, the rate a real-time client sees', async () => {
    // Frozen clock, so the test does not depend on how fast it runs; the header still scales.
    t = await startTestSim({ speedFactor: 60 }, 3);
    const order = unshippedOrder(t.seeded);
    const ok = await t.get(`/orders/2026-01-01/orders/${order.orderId}`);
    expect(ok.headers.get('x-amzn-ratelimit-limit')).toBe('30');
    const bad = await t.confirm(order.orderId, { packageReferenceId: 1 });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('x-amzn-ratelimit-limit')).toBe('120');
  });

  it('is absent on 429 and 403', async () => {
    t = await startTestSim({ speedFactor: 60 }, 1);
    t.sim.world.setFault('getOrder', { kind: 'status', status: 429, count: 1 });
    const throttled = await t.get('/orders/2026-01-01/orders/x');
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('x-amzn-ratelimit-limit')).toBeNull();
    const denied = await t.get('/orders/2026-01-01/orders/x', { 'x-amz-access-token': 'Atza|nope' });
    expect(denied.status).toBe(403);
    expect(denied.headers.get('x-amzn-ratelimit-limit')).toBeNull();
  });
});
