import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fullPackage, startTestSim, type TestSim, unshippedOrder } from '../../test-support/sim-client.js';

describe('injected faults', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim({ rateLimits: false }, 20);
  });
  afterAll(() => t.close());
  afterEach(() => t.sim.world.clearFaults());

  const getOrder = (orderId: string) => t.get(`/orders/2026-01-01/orders/${orderId}`);

  it('answers with the injected status for `count` calls, then normally', async () => {
    const orderId = unshippedOrder(t.seeded).orderId;
    t.sim.world.setFault('getOrder', { kind: 'status', status: 503, count: 2 });
    const first = await getOrder(orderId);
    expect(first.status).toBe(503);
    expect(first.body).toMatchObject({ errors: [{ code: 'ServiceUnavailable' }] });
    expect((await getOrder(orderId)).status).toBe(503);
    expect((await getOrder(orderId)).status).toBe(200);
  });

  it('injects 429 storms on every operation with "*" until cleared', async () => {
    t.sim.world.setFault('*', { kind: 'status', status: 429 });
    const answer = await t.get('/orders/2026-01-01/orders?createdAfter=2026-01-01T00:00:00Z');
    expect(answer.status).toBe(429);
    expect(answer.body).toMatchObject({ errors: [{ code: 'QuotaExceeded' }] });
    t.sim.world.clearFaults();
    expect((await t.get('/orders/2026-01-01/orders?createdAfter=2026-01-01T00:00:00Z')).status).toBe(200);
  });

  it('drops the connection without an answer, and keeps serving afterwards', async () => {
    const orderId = unshippedOrder(t.seeded).orderId;
    t.sim.world.setFault('getOrder', { kind: 'drop-connection', count: 1 });
    await expect(getOrder(orderId)).rejects.toThrow();
    expect((await getOrder(orderId)).status).toBe(200);
    const logged = t.sim.world.requests().filter((r) => r.operation === 'getOrder');
    expect(logged.some((r) => r.status === 0)).toBe(true);
  });

  it('delays an answer with latency but still answers', async () => {
    const orderId = unshippedOrder(t.seeded).orderId;
    t.sim.world.setFault('getOrder', { kind: 'latency', ms: 20, count: 1 });
    expect((await getOrder(orderId)).status).toBe(200);
  });

  it('silently drops the tracking number while answering 204', async () => {
    const order = unshippedOrder(t.seeded, 1);
    t.sim.world.setFault('confirmShipment', { kind: 'silently-drop-tracking', count: 1 });
    expect((await t.confirm(order.orderId, fullPackage(order))).status).toBe(204);
    const stored = t.sim.world.getOrder(order.orderId) as { packages: Array<Record<string, unknown>> };
    expect(stored.packages[0]).toBeDefined();
    expect(stored.packages[0]).not.toHaveProperty('trackingNumber');
    // The fault was used up: a resend (edit of the same package) keeps the tracking.
    expect((await t.confirm(order.orderId, fullPackage(order))).status).toBe(204);
    const again = t.sim.world.getOrder(order.orderId) as { packages: Array<Record<string, unknown>> };
    expect(again.packages[0]?.trackingNumber).toBe('320019254000221BB4EFC');
  });

  it('fails the LWA token exchange too, under the name lwaToken', async () => {
    t.sim.world.setFault('lwaToken', { kind: 'status', status: 500, count: 1 });
    const c = t.sim.credentials;
    const answer = await fetch(t.sim.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: c.refreshToken,
        client_id: c.clientId,
        client_secret: c.clientSecret,
      }).toString(),
    });
    expect(answer.status).toBe(500);
    expect(await answer.json()).toMatchObject({ error: 'server_error' });
  });

  it('rejects a malformed fault', () => {
    expect(() => t.sim.world.setFault('getOrder', { kind: 'status', status: 200 })).toThrow(/status/);
  });
});
