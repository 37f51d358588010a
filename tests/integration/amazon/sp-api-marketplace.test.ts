import { afterEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../../simulator/index.js';
import { LwaTokenProvider } from '../../../src/adapters/amazon/lwa-token-provider.js';
import { SpApiHttp } from '../../../src/adapters/amazon/sp-api-http.js';
import { SpApiMarketplace } from '../../../src/adapters/amazon/sp-api-marketplace.js';
import { MarketplaceError } from '../../../src/ports/marketplace.js';

// The marketplace adapter against the simulator over real HTTP, exactly as it talks to Amazon.
let sim: RunningSimulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

function adapter(
  s: RunningSimulator,
  http: Partial<ConstructorParameters<typeof SpApiHttp>[0]> = {},
  secret?: string,
) {
  const tokens = new LwaTokenProvider({
    tokenUrl: s.tokenUrl,
    clientId: s.credentials.clientId,
    clientSecret: secret ?? s.credentials.clientSecret,
    refreshToken: s.credentials.refreshToken,
  });
  const client = new SpApiHttp({ endpoint: s.baseUrl, tokens, retryBaseDelayMs: 50, ...http });
  return { tokens, client, marketplace: new SpApiMarketplace(client, tokens, s.credentials.sellerId) };
}

const UK = 'A1F83G8C2ARO7P';

describe('SP-API marketplace adapter', () => {
  it('caches the access token across calls', async () => {
    sim = await startSimulator({ rateLimits: false });
    sim.world.seedOrders({
      sellerId: sim.credentials.sellerId,
      marketplaceId: UK,
      count: 5,
      spreadDays: 2,
      seed: 1,
    });
    const { tokens, marketplace } = adapter(sim);
    const since = new Date(Date.now() - 5 * 86400_000).toISOString();
    for (let i = 0; i < 3; i++) await marketplace.searchOrders({ marketplaceIds: [UK], createdAfter: since });
    expect(tokens.exchanges).toBe(1);
  });

  it('gets a new token when Amazon says the old one expired', async () => {
    sim = await startSimulator({ rateLimits: false, accessTokenTtlSeconds: 60, freezeClock: true });
    const { tokens, marketplace } = adapter(sim);
    const since = new Date(sim.world.clock.now().getTime() - 86400_000).toISOString();
    await marketplace.searchOrders({ marketplaceIds: [UK], createdAfter: since });
    sim.world.clock.advance(3600_000);
    await marketplace.searchOrders({ marketplaceIds: [UK], createdAfter: since });
    expect(tokens.exchanges).toBe(2);
  });

  it('pages through searchOrders and maps every order once', async () => {
    sim = await startSimulator({ rateLimits: false });
    const seeded = sim.world.seedOrders({
      sellerId: sim.credentials.sellerId,
      marketplaceId: UK,
      count: 250,
      spreadDays: 10,
      seed: 3,
    });
    const { marketplace } = adapter(sim);
    const since = new Date(Date.now() - 11 * 86400_000).toISOString();
    const ids: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await marketplace.searchOrders({
        marketplaceIds: [UK],
        createdAfter: since,
        ...(token ? { paginationToken: token } : {}),
      });
      ids.push(...page.orders.map((o) => o.orderId));
      for (const o of page.orders) {
        expect(o.sellerId).toBe(sim.credentials.sellerId);
        expect(o.items.length).toBeGreaterThan(0);
        expect(o.shipByLatest).toMatch(/Z$/);
      }
      token = page.nextToken ?? undefined;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(250);
    expect(ids.sort()).toEqual(seeded.orders.map((o) => o.orderId).sort());
  });

  it("returns Amazon refusals as values with Amazon's code", async () => {
    sim = await startSimulator({ rateLimits: false });
    const seeded = sim.world.seedOrders({
      sellerId: sim.credentials.sellerId,
      marketplaceId: UK,
      count: 3,
      spreadDays: 2,
      seed: 4,
    });
    const order = seeded.orders.find((o) => o.status === 'UNSHIPPED')!;
    const { marketplace } = adapter(sim);
    const r = await marketplace.confirmShipment({
      orderId: order.orderId,
      marketplaceId: UK,
      packageReferenceId: '1',
      carrierCode: 'royal mail',
      carrierName: null,
      shippingMethod: 'Tracked 48',
      trackingNumber: 'TT123456785GB',
      shipDate: new Date(Date.now() - 60_000).toISOString(),
      items: [{ orderItemId: order.items[0]!.orderItemId, quantity: 1 }],
    });
    expect(r.kind).toBe('refused');
    if (r.kind === 'refused') {
      expect(r.httpStatus).toBe(400);
      expect(r.code).toBe('InvalidInput');
    }
  });

  it('rides out throttling: 429s are retried until every confirmation lands', async () => {
    sim = await startSimulator({ rateLimits: true, speedFactor: 10 });
    const seeded = sim.world.seedOrders({
      sellerId: sim.credentials.sellerId,
      marketplaceId: UK,
      count: 30,
      spreadDays: 2,
      seed: 5,
    });
    // Client-side pacing off, so that the simulator has to throttle us.
    const { client, marketplace } = adapter(sim, { rateLimits: false, maxAttempts: 8 });
    const open = seeded.orders.filter((o) => o.status === 'UNSHIPPED');
    const results = await Promise.all(
      open.map((o) =>
        marketplace.confirmShipment({
          orderId: o.orderId,
          marketplaceId: UK,
          packageReferenceId: '1',
          carrierCode: 'Royal Mail',
          carrierName: null,
          shippingMethod: 'Tracked 48',
          trackingNumber: 'TT123456785GB',
          shipDate: new Date(Date.now() - 60_000).toISOString(),
          items: o.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
        }),
      ),
    );
    expect(client.throttled).toBeGreaterThan(0);
    expect(results.filter((r) => r.kind !== 'accepted')).toEqual([]);
  });

  it('wrong client secret: a non-retryable error that names the setting and not the secret', async () => {
    sim = await startSimulator({ rateLimits: false });
    const secret = 'wrong-secret-1234567890';
    const { marketplace } = adapter(sim, {}, secret);
    const err = await marketplace.checkConnection().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MarketplaceError);
    expect((err as MarketplaceError).retryable).toBe(false);
    expect((err as MarketplaceError).message).toContain('LWA_CLIENT_SECRET');
    expect((err as MarketplaceError).message).not.toContain(secret);
  });

  it('an unreachable endpoint is a retryable fault after the tries', async () => {
    sim = await startSimulator({ rateLimits: false });
    const tokens = new LwaTokenProvider({ tokenUrl: sim.tokenUrl, ...sim.credentials });
    const client = new SpApiHttp({
      endpoint: 'http://127.0.0.1:9',
      tokens,
      maxAttempts: 2,
      retryBaseDelayMs: 10,
    });
    const m = new SpApiMarketplace(client, tokens, sim.credentials.sellerId);
    const err = await m
      .searchOrders({ marketplaceIds: [UK], createdAfter: new Date().toISOString() })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MarketplaceError);
    expect((err as MarketplaceError).retryable).toBe(true);
    expect((err as MarketplaceError).message).toMatch(/after 2 tries/);
  });
});
