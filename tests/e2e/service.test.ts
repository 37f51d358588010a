import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../simulator/index.js';
import { s10, seededRng } from '../../src/edges/demo/sample-tracking-numbers.js';
import { type LongRunning, startLongRunning } from '../support/long-running.js';
import { runCli, simulatorEnv } from '../support/run-cli.js';

const running: LongRunning[] = [];
let sim: RunningSimulator | null = null;
afterEach(async () => {
  for (const p of running.splice(0)) await p.stop('SIGKILL');
  await sim?.close();
  sim = null;
});

function tempDir(settings?: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'shipconfirm-service-'));
  if (settings) writeFileSync(join(dir, 'shipconfirm.config.json'), JSON.stringify(settings));
  return dir;
}

describe('shipconfirm run (the service)', () => {
  it('against an SP-API endpoint: says which Amazon first, syncs, sends a recorded package within seconds, stops cleanly on SIGTERM', async () => {
    sim = await startSimulator();
    const seeded = sim.world.seedOrders({
      sellerId: sim.credentials.sellerId,
      marketplaceId: 'A1F83G8C2ARO7P',
      count: 10,
      spreadDays: 2,
      seed: 8,
    });
    const dir = tempDir({ service: { syncIntervalMs: 1000, transmitIntervalMs: 200 } });
    const env = simulatorEnv(sim, join(dir, 'svc.db'));
    const service = startLongRunning(['run'], env, dir);
    running.push(service);
    await service.waitFor(/"inserted":10/);
    const first = JSON.parse(service.output().split('\n')[0]!);
    expect(first.msg).toBe(
      `ShipConfirm talks to Amazon SP-API at ${sim.baseUrl} (seller ${sim.credentials.sellerId})`,
    );
    expect(service.output()).not.toContain(sim.credentials.clientSecret);
    expect(service.output()).not.toContain(sim.credentials.refreshToken);

    const order = seeded.orders.find((o) => o.status === 'UNSHIPPED')!;
    const tracking = s10(seededRng(3), 'TT');
    const ship = await runCli(
      ['ship', order.orderId, '--carrier', 'Royal Mail', '--service', 'Tracked 48', '--tracking', tracking],
      env,
      dir,
    );
    expect(ship.code, ship.stderr).toBe(0);
    await service.waitFor(/"msg":"package confirmed"/);
    const atAmazon = sim.world.getOrder(order.orderId) as { packages: Array<{ trackingNumber?: string }> };
    expect(atAmazon.packages[0]?.trackingNumber).toBe(tracking);

    expect(await service.stop('SIGTERM')).toBe(0);
    expect(service.output()).toMatch(/"msg":"stopped"/);
  });

  it('without credentials: serves the simulator, which other commands then share; the registration goes away on stop', async () => {
    const dir = tempDir();
    const env = { SHIPCONFIRM_DB: join(dir, 'svc.db') };
    const service = startLongRunning(['run', '--seed-orders', '20'], env, dir);
    running.push(service);
    await service.waitFor(/"inserted":20/);
    expect(service.output().split('\n')[0]).toContain('ShipConfirm talks to the built-in Amazon simulator');
    expect(existsSync(join(dir, 'simulator.json'))).toBe(true);

    const doctor = await runCli(['doctor'], env, dir);
    expect(doctor.code, doctor.stderr).toBe(0);
    expect(doctor.stdout).toMatch(/simulator served by process \d+/);
    expect(doctor.stdout).toContain('20 order(s)');

    expect(await service.stop('SIGINT')).toBe(0);
    expect(existsSync(join(dir, 'simulator.json'))).toBe(false);
  });
});

describe('shipconfirm sim', () => {
  it('prints its URL and credentials, accepts them, and stops on SIGINT', async () => {
    const dir = tempDir();
    const p = startLongRunning(['sim', '--seed-orders', '3'], { SHIPCONFIRM_DB: join(dir, 'x.db') }, dir);
    running.push(p);
    const [, url] = await p.waitFor(/(http:\/\/127\.0\.0\.1:\d+)/);
    await p.waitFor(/Atzr\|/);
    const text = p.output();
    const clientId = /amzn1\.application-oa2-client\.[\w-]+/.exec(text)![0];
    const refresh = /Atzr\|[\w-]+/.exec(text)![0];
    const secret = /sim-client-secret[\w-]*/.exec(text)?.[0] ?? 'sim-client-secret';
    const token = await fetch(`${url}/auth/o2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refresh,
        client_id: clientId,
        client_secret: secret,
      }),
    });
    expect(token.status).toBe(200);
    expect(await p.stop('SIGINT')).toBe(0);
  });

  it('refuses a bad port as a usage error', async () => {
    const dir = tempDir();
    const r = await runCli(['sim', '--port', '99999'], { SHIPCONFIRM_DB: join(dir, 'x.db') }, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--port');
  });
});
