import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../simulator/index.js';
import { LwaTokenProvider } from '../../src/adapters/amazon/lwa-token-provider.js';
import { SpApiHttp } from '../../src/adapters/amazon/sp-api-http.js';
import { SpApiMarketplace } from '../../src/adapters/amazon/sp-api-marketplace.js';
import { openSqliteStore } from '../../src/adapters/store/open-sqlite-store.js';
import { recordShipment } from '../../src/app/record-shipment.js';
import { syncOrders } from '../../src/app/sync-orders.js';
import { defaultCarrierRegistry } from '../../src/core/carriers/registry.js';
import { s10, seededRng } from '../../src/edges/demo/sample-tracking-numbers.js';
import { silentLogger } from '../../src/ports/logger.js';
import { startLongRunning } from '../support/long-running.js';
import { simulatorEnv } from '../support/run-cli.js';

const KILLS = Number(process.env.CRASH_KILLS ?? 50);
const UK = 'A1F83G8C2ARO7P';
let sim: RunningSimulator;
afterAll(async () => sim?.close());

describe('crash recovery', () => {
  it(`SIGKILLed ${KILLS} times mid-queue with faults on, the service loses nothing and never duplicates a package`, async () => {
    sim = await startSimulator();
    const dir = mkdtempSync(join(tmpdir(), 'shipconfirm-crash-'));
    const db = join(dir, 'crash.db');
    writeFileSync(
      join(dir, 'shipconfirm.config.json'),
      JSON.stringify({
        service: { syncIntervalMs: 3_600_000, transmitIntervalMs: 50 },
        transmit: { maxAttempts: 100, retryBaseDelayMs: 10, retryMaxDelayMs: 200 },
      }),
    );

    // A queue of packages recorded before the service starts.
    const seeded = sim.world.seedOrders({
      sellerId: sim.credentials.sellerId,
      marketplaceId: UK,
      count: 150,
      spreadDays: 2,
      seed: 77,
    });
    const store = await openSqliteStore(db);
    const tokens = new LwaTokenProvider({ tokenUrl: sim.tokenUrl, ...sim.credentials });
    const deps = {
      store,
      marketplace: new SpApiMarketplace(
        new SpApiHttp({ endpoint: sim.baseUrl, tokens }),
        tokens,
        sim.credentials.sellerId,
      ),
      clock: { now: () => new Date() },
      logger: silentLogger,
      carriers: defaultCarrierRegistry(),
    };
    await syncOrders(deps, { sellerId: sim.credentials.sellerId, marketplaceIds: [UK] });
    const rng = seededRng(99);
    const expected = new Map<string, string>();
    for (const o of seeded.orders.filter((x) => x.status === 'UNSHIPPED')) {
      const r = await recordShipment(deps, {
        orderId: o.orderId,
        carrier: 'Royal Mail',
        service: 'Tracked 48',
        trackingId: s10(rng, 'TT'),
        shipDate: new Date(Math.max(Date.parse(o.createdTime) + 60_000, Date.now() - 3600_000)).toISOString(),
      });
      if (r.kind !== 'recorded') throw new Error(JSON.stringify(r));
      expected.set(o.orderId, r.package.trackingId!);
    }
    await store.close();

    // Faults: every so often a 5xx, a slow answer, a dropped connection.
    sim.world.setFault('confirmShipment', { kind: 'status', status: 503, count: 15 });
    sim.world.setFault('confirmShipment', { kind: 'latency', ms: 300, count: 15 });
    sim.world.setFault('confirmShipment', { kind: 'drop-connection', count: 10 });

    const env = { ...simulatorEnv(sim, db), SHIPCONFIRM_LOG_LEVEL: 'warn' };
    let kills = 0;
    while (kills < KILLS) {
      const p = startLongRunning(['run'], env, dir);
      // Kill at a random moment: during start-up, mid-call, between calls.
      await new Promise((r) => setTimeout(r, 150 + Math.floor(rng() * 600)));
      // It must have been alive (working) when killed, or the test proves nothing.
      expect(p.child.exitCode, p.output()).toBeNull();
      await p.stop('SIGKILL');
      kills++;
    }

    // Finally let it finish.
    const last = startLongRunning(['run'], env, dir);
    const check = await openSqliteStore(db);
    try {
      for (let i = 0; i < 600; i++) {
        const open = await check.listPackages({ states: ['recorded', 'accepted', 'sending', 'retrying'] });
        if (open.length === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const code = await last.stop('SIGTERM');
      expect(code, last.output().slice(-3000)).toBe(0);

      const packages = await check.listPackages({});
      expect(packages).toHaveLength(expected.size);
      expect(packages.filter((p) => p.state !== 'confirmed')).toEqual([]);

      // At Amazon: exactly one package per order, with our tracking ID - resends after a kill are
      // edits of the same reference, never a second package.
      for (const [orderId, tracking] of expected) {
        const atAmazon = sim.world.getOrder(orderId) as {
          packages: Array<{ packageReferenceId: string; trackingNumber?: string }>;
        };
        expect(atAmazon.packages.map((p) => [p.packageReferenceId, p.trackingNumber])).toEqual([
          ['1', tracking],
        ]);
      }
      // Every confirmed package has exactly one accepted attempt recorded.
      for (const p of packages) {
        const accepted = (await check.listAttempts(p.packageId)).filter((a) => a.outcome === 'accepted');
        expect(accepted).toHaveLength(1);
      }
    } finally {
      await check.close();
    }
  }, 300_000);
});
