import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../simulator/index.js';
import { s10, seededRng } from '../../src/edges/demo/sample-tracking-numbers.js';
import { runCli, simulatorEnv } from '../support/run-cli.js';

// The first slice through every layer: the built CLI, in its own process, against the simulator
// over real HTTP, on a real SQLite file.
let sim: RunningSimulator;
let dir: string;
let env: NodeJS.ProcessEnv;
let orders: ReturnType<RunningSimulator['world']['seedOrders']>['orders'];
const rng = seededRng(42);

const cli = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => runCli(args, { ...env, ...extraEnv }, dir);
/** Records a valid Royal Mail Tracked 48 package for all of an order's unshipped items. */
const shipTracked48 = (orderId: string) =>
  cli(['ship', orderId, '--carrier', 'Royal Mail', '--service', 'Tracked 48', '--tracking', s10(rng, 'TT')]);
const countsOf = async () =>
  JSON.parse((await cli(['status', '--json'])).stdout).packageCounts as Record<string, number>;

beforeAll(async () => {
  sim = await startSimulator({ speedFactor: 50 });
  orders = sim.world
    .seedOrders({
      sellerId: sim.credentials.sellerId,
      marketplaceId: 'A1F83G8C2ARO7P',
      count: 30,
      spreadDays: 3,
      seed: 99,
    })
    .orders.filter((o) => o.status === 'UNSHIPPED');
  dir = mkdtempSync(join(tmpdir(), 'shipconfirm-e2e-'));
  env = simulatorEnv(sim, join(dir, 'e2e.db'));
});

afterAll(async () => {
  await sim?.close();
});

describe('help and usage', () => {
  it('lists every command and the exit codes', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const c of [
      'demo',
      'sync',
      'ship',
      'transmit',
      'status',
      'run',
      'doctor',
      'migrate',
      'sim',
      'tracking',
      'carriers',
    ]) {
      expect(r.stdout).toContain(c);
    }
    expect(r.stdout).toContain('Exit codes');
  });

  it.each(['sync', 'ship', 'transmit', 'status', 'deadlines', 'demo', 'doctor', 'migrate', 'run', 'sim'])(
    '%s --help exits 0',
    async (c) => {
      const r = await cli([c, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: shipconfirm ${c}`);
    },
  );

  it('an unknown command or flag is a usage error (2)', async () => {
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['status', '--frob'])).code).toBe(2);
  });
});

describe('sync, ship, transmit, status', () => {
  it('sync pulls the seeded orders, and a second sync finds nothing new', async () => {
    const first = await cli(['sync', '--json']);
    expect(first.code, first.stderr).toBe(0);
    const r1 = JSON.parse(first.stdout);
    expect(r1.inserted).toBe(30);
    const second = JSON.parse((await cli(['sync', '--json'])).stdout);
    expect(second.inserted).toBe(0);
  });

  it('ship records a package and prints its id; transmit confirms it at Amazon; status shows it', async () => {
    const order = orders[0]!;
    const tracking = s10(rng, 'TT');
    const ship = await cli([
      'ship',
      order.orderId,
      '--carrier',
      'Royal Mail',
      '--service',
      'Tracked 48',
      '--tracking',
      tracking,
    ]);
    expect(ship.code, ship.stderr).toBe(0);
    const packageId = ship.stdout.trim();
    expect(packageId).toMatch(/^pkg_/);

    const tx = await cli(['transmit']);
    expect(tx.code, tx.stdout + tx.stderr).toBe(0);
    expect(tx.stdout).toContain(`confirmed  ${packageId}`);

    const atAmazon = sim.world.getOrder(order.orderId) as {
      packages?: Array<{ trackingNumber?: string; carrier?: string }>;
    };
    expect(atAmazon.packages?.[0]?.trackingNumber).toBe(tracking);

    const status = JSON.parse((await cli(['status', order.orderId, '--json'])).stdout);
    const pkg = status.orders[0].packages[0];
    expect(pkg.packageId).toBe(packageId);
    expect(pkg.state).toBe('confirmed');
    expect(pkg.referenceNo).toBe(1);
  });

  it('ship --replace corrects a confirmed package; Amazon gets an edit of the same package', async () => {
    const order = orders[0]!;
    const before = JSON.parse((await cli(['status', order.orderId, '--json'])).stdout).orders[0].packages[0];
    const corrected = s10(rng, 'TT');
    const r = await cli(['ship', '--replace', before.packageId, '--tracking', corrected]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(before.packageId);
    expect(r.stderr).toContain('as an edit of the package Amazon already has');
    expect((await cli(['transmit'])).code).toBe(0);
    const atAmazon = sim.world.getOrder(order.orderId) as {
      packages: Array<{ packageReferenceId: string; trackingNumber?: string }>;
    };
    expect(atAmazon.packages.map((p) => [p.packageReferenceId, p.trackingNumber])).toEqual([
      ['1', corrected],
    ]);
  });

  it('ship without ORDER_ID or --replace is a usage error (2)', async () => {
    const r = await cli(['ship', '--carrier', 'DPD', '--service', 'Next Day']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--replace');
  });

  it('a split shipment: two packages with their own items, numbered 1 and 2', async () => {
    const order = orders.slice(12).find((o) => o.items.length >= 2)!;
    expect(order).toBeDefined();
    const [a, b] = order.items;
    const p1 = await cli([
      'ship',
      order.orderId,
      '--carrier',
      'RM',
      '--service',
      'Royal Mail 48',
      '--parcel-id',
      '320019254000221BB4EFC',
      '--item',
      `${a!.orderItemId}:${a!.quantity}`,
    ]);
    expect(p1.code, p1.stderr).toBe(0);
    const p2 = await cli([
      'ship',
      order.orderId,
      '--carrier',
      'Royal Mail',
      '--service',
      'Tracked 48',
      '--tracking',
      s10(rng, 'TT'),
      '--item',
      `${b!.orderItemId}:${b!.quantity}`,
    ]);
    expect(p2.code, p2.stderr).toBe(0);
    expect((await cli(['transmit'])).code).toBe(0);
    const status = JSON.parse((await cli(['status', order.orderId, '--json'])).stdout);
    expect(
      status.orders[0].packages.map((p: { referenceNo: number; state: string }) => [p.referenceNo, p.state]),
    ).toEqual([
      [1, 'confirmed'],
      [2, 'confirmed'],
    ]);
  });
});

describe('deadlines', () => {
  it('lists open orders due within the hour (the seeded orders are due within days)', async () => {
    const r = await cli(['deadlines', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const { alerts } = JSON.parse(r.stdout) as {
      alerts: Array<{ kind: string; minutesLeft: number; orderId: string }>;
    };
    for (const a of alerts) {
      expect(['order-not-shipped', 'package-not-confirmed']).toContain(a.kind);
      expect(a.minutesLeft).toBeLessThanOrEqual(60);
    }
  });
});

describe('bad input: exit 1, one clear message, nothing written', () => {
  const order = () => orders[5]!;
  const base = () => [
    'ship',
    order().orderId,
    '--carrier',
    'Royal Mail',
    '--service',
    'Tracked 48',
    '--tracking',
    s10(rng, 'TT'),
  ];

  it.each([
    [
      'an unknown order',
      () => [
        'ship',
        '999-0000000-0000000',
        '--carrier',
        'Royal Mail',
        '--service',
        'Tracked 48',
        '--tracking',
        s10(rng, 'TT'),
      ],
      /not known here/,
    ],
    [
      'an item not in the order',
      () => [...base(), '--item', '99999999999999:1'],
      /has no item 99999999999999/,
    ],
    [
      'a quantity above what is unshipped',
      () => [...base(), '--item', `${order().items[0]!.orderItemId}:${order().items[0]!.quantity + 1}`],
      /left to ship/,
    ],
    [
      'a missing carrier',
      () => ['ship', order().orderId, '--service', 'Tracked 48', '--tracking', s10(rng, 'TT')],
      /carrier is missing/,
    ],
    [
      'a missing service',
      () => ['ship', order().orderId, '--carrier', 'Royal Mail', '--tracking', s10(rng, 'TT')],
      /service is missing/,
    ],
    [
      'a malformed ship date',
      () => [...base(), '--ship-date', '25/11/2026'],
      /--ship-date "25\/11\/2026" is not an ISO 8601 time/,
    ],
    ['a ship date without a zone', () => [...base(), '--ship-date', '2026-11-25T10:00:00'], /with a zone/],
    ['a malformed --item', () => [...base(), '--item', 'abc'], /ORDER_ITEM_ID:QTY/],
  ])('%s', async (_what, args, message) => {
    const before = await countsOf();
    const r = await cli(args());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(await countsOf()).toEqual(before);
  });

  it('both --tracking and --parcel-id is a usage error (2)', async () => {
    const r = await cli([...base(), '--parcel-id', '320019254000221BB4EFC']);
    expect(r.code).toBe(2);
  });

  it('a tracking ID that fails its check digit is refused by the policy, nothing written', async () => {
    const before = await countsOf();
    const r = await cli([
      'ship',
      order().orderId,
      '--carrier',
      'Royal Mail',
      '--service',
      'Tracked 48',
      '--tracking',
      s10(rng, 'TT', true),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nothing was recorded');
    expect(await countsOf()).toEqual(before);
  });
});

describe('Amazon faults', () => {
  it('Amazon refusing a package puts it in needs-fix with advice', async () => {
    const order = orders[10]!;
    expect(
      (
        await cli([
          'ship',
          order.orderId,
          '--carrier',
          'DPD',
          '--service',
          'Next Day',
          '--tracking',
          '15501234567890' + 'X',
        ])
      ).code,
    ).not.toBe(70);
    const ok = await shipTracked48(order.orderId);
    expect(ok.code, ok.stderr).toBe(0);
    sim.world.setFault('confirmShipment', { kind: 'status', status: 400, count: 1 });
    const r = await cli(['transmit']);
    sim.world.clearFaults();
    expect(r.stdout).toMatch(/needs fix/);
    const status = JSON.parse((await cli(['status', order.orderId, '--json'])).stdout);
    const held = status.orders[0].packages.find(
      (p: { packageId: string }) => p.packageId === ok.stdout.trim(),
    );
    expect(held.state).toBe('needs-fix');
    expect(held.stateReason).toMatch(/Amazon said/);
  });

  it('Amazon unavailable: transmit exits 3 and the package stays queued to retry', async () => {
    const order = orders[11]!;
    const ok = await shipTracked48(order.orderId);
    expect(ok.code, ok.stderr).toBe(0);
    sim.world.setFault('confirmShipment', { kind: 'status', status: 503, count: 100 });
    const r = await cli(['transmit']);
    sim.world.clearFaults();
    expect(r.code).toBe(3);
    const status = JSON.parse((await cli(['status', order.orderId, '--json'])).stdout);
    expect(status.orders[0].packages[0].state).toBe('retrying');
  });

  it('wrong credentials: exit 3, a message naming the setting, and no secret in the output', async () => {
    const secret = 'definitely-wrong-secret-value';
    const r = await cli(['sync'], { LWA_CLIENT_SECRET: secret });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/LWA_CLIENT_ID and LWA_CLIENT_SECRET/);
    expect(r.stdout + r.stderr).not.toContain(secret);
  });
});

describe('doctor, migrate, configuration and database errors', () => {
  it('status of an unknown order is refused (1)', async () => {
    const r = await cli(['status', '999-0000000-0000000']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('999-0000000-0000000 is not known here');
  });

  it('demo refuses a nonsense order count as a usage error (2)', async () => {
    const r = await cli(['demo', '--orders', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--orders');
  });

  it('doctor with a wrong secret: exit 3, FAILED with the fix, secret not shown', async () => {
    const secret = 'another-wrong-secret-0987654321';
    const r = await cli(['doctor'], { LWA_CLIENT_SECRET: secret });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/Amazon connection: FAILED.*LWA_CLIENT_SECRET/);
    expect(r.stdout + r.stderr).not.toContain(secret);
  });

  it('doctor prints the settings with secrets hidden and checks both connections', async () => {
    const r = await cli(['doctor']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Database: ok');
    expect(r.stdout).toContain('Amazon connection: ok');
    expect(r.stdout).not.toContain(sim.credentials.clientSecret);
    expect(r.stdout).not.toContain(sim.credentials.refreshToken);
  });

  it('migrate reports an up-to-date database', async () => {
    const r = await cli(['migrate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/up to date|Applied/);
  });

  it('a bad setting is a configuration error (2) naming it', async () => {
    const r = await cli(['status'], { SPAPI_MARKETPLACE_IDS: 'Narnia' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('SPAPI_MARKETPLACE_IDS');
  });

  it('a corrupt database file: exit 4, a message naming the file, the file untouched', async () => {
    const file = join(dir, 'corrupt.db');
    writeFileSync(file, 'this is not a database, just text that someone saved here by mistake\n'.repeat(200));
    const before = readFileSync(file);
    const r = await cli(['status'], { SHIPCONFIRM_DB: file });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(file);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
