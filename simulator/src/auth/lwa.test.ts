import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SIM_CREDENTIALS, type RunningSimulator, startSimulator } from '../../index.js';
import { fetchToken, login, TEST_START, toAnswer } from '../../test-support/sim-client.js';

const GOOD = {
  grant_type: 'refresh_token',
  refresh_token: DEFAULT_SIM_CREDENTIALS.refreshToken,
  client_id: DEFAULT_SIM_CREDENTIALS.clientId,
  client_secret: DEFAULT_SIM_CREDENTIALS.clientSecret,
};
const SECOND = {
  clientId: DEFAULT_SIM_CREDENTIALS.clientId,
  clientSecret: DEFAULT_SIM_CREDENTIALS.clientSecret,
  refreshToken: 'Atzr|second-seller',
  sellerId: 'A2SECONDSELLER',
  marketplaceIds: ['A1F83G8C2ARO7P'],
};

describe('Login with Amazon and access tokens', () => {
  let sim: RunningSimulator;
  const search = (token: string | undefined) =>
    fetch(`${sim.baseUrl}/orders/2026-01-01/orders?createdAfter=2026-01-01T00:00:00Z`, {
      headers: token === undefined ? {} : { 'x-amz-access-token': token },
    }).then(toAnswer);

  beforeAll(async () => {
    sim = await startSimulator({
      startTime: TEST_START,
      freezeClock: true,
      accessTokenTtlSeconds: 600,
      credentials: [DEFAULT_SIM_CREDENTIALS, SECOND],
    });
  });
  afterAll(() => sim.close());

  it('exchanges a refresh token for a bearer access token', async () => {
    const answer = await fetchToken(sim, GOOD);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      access_token: expect.stringMatching(/^Atza\|/),
      token_type: 'bearer',
      expires_in: 600,
      refresh_token: DEFAULT_SIM_CREDENTIALS.refreshToken,
    });
  });

  it('answers invalid_client (401) for a wrong client secret', async () => {
    const answer = await fetchToken(sim, { ...GOOD, client_secret: 'nope' });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: 'invalid_client', error_description: expect.any(String) });
  });

  it('answers invalid_grant (400) for a wrong refresh token', async () => {
    const answer = await fetchToken(sim, { ...GOOD, refresh_token: 'Atzr|wrong' });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'invalid_grant' });
  });

  it('answers invalid_request for a missing field and unsupported_grant_type for another grant', async () => {
    const { client_secret: _omit, ...missing } = GOOD;
    expect((await fetchToken(sim, missing)).body).toMatchObject({ error: 'invalid_request' });
    const other = await fetchToken(sim, { ...GOOD, grant_type: 'client_credentials' });
    expect(other.status).toBe(400);
    expect(other.body).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('refuses SP-API calls without, with an unknown, or with an expired access token (403 Unauthorized)', async () => {
    const missing = await search(undefined);
    expect(missing.status).toBe(403);
    expect(missing.body).toEqual({
      errors: [
        {
          code: 'Unauthorized',
          message: 'Access to requested resource is denied.',
          details: expect.any(String),
        },
      ],
    });
    expect((await search('Atza|made-up')).status).toBe(403);

    const token = await login(sim);
    expect((await search(token)).status).toBe(200);
    sim.world.clock.advance(601_000);
    const expired = await search(token);
    expect(expired.status).toBe(403);
    expect(JSON.stringify(expired.body)).toMatch(/expired/);
    expect(expired.headers.get('x-amzn-requestid')).not.toBeNull();
    expect(expired.headers.get('x-amzn-ratelimit-limit')).toBeNull();
  });

  it('binds the token to the seller of its refresh token', async () => {
    sim.world.seedOrders({
      sellerId: 'A2SECONDSELLER',
      marketplaceId: 'A1F83G8C2ARO7P',
      count: 2,
      spreadDays: 1,
      seed: 3,
    });
    const token = await login(sim, SECOND);
    const answer = await search(token);
    const ids = (answer.body as { orders: Array<{ orderId: string }> }).orders.map((o) => o.orderId).sort();
    expect(ids).toEqual(
      sim.world
        .ordersOf('A2SECONDSELLER')
        .map((o) => o.orderId)
        .sort(),
    );
  });
});
