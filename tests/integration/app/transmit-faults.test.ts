import { afterEach, describe, expect, it } from 'vitest';
import type { Fault } from '../../../simulator/index.js';
import { type TransmitOptions, transmitPending } from '../../../src/app/transmit-pending.js';
import { type AppHarness, seedSyncAndShip, startAppHarness } from '../../support/app-harness.js';

let h: AppHarness;
afterEach(async () => h?.close());

const options: TransmitOptions = { maxAttempts: 6, retryBaseDelayMs: 5, retryMaxDelayMs: 20 };

const queue = (count: number) => seedSyncAndShip(h, count, 51);

/** Runs the transmitter until nothing is due, waiting out retry pauses. */
async function drain() {
  for (let i = 0; i < 200; i++) {
    await transmitPending(h.deps, options);
    const open = await h.deps.store.listPackages({ states: ['accepted', 'retrying', 'sending'] });
    if (open.length === 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
}

const faults: Array<[string, Fault[]]> = [
  ['a 429 storm', [{ kind: 'status', status: 429, count: 25 }]],
  [
    '5xx errors',
    [
      { kind: 'status', status: 500, count: 8 },
      { kind: 'status', status: 503, count: 8 },
    ],
  ],
  ['slow answers', [{ kind: 'latency', ms: 400, count: 6 }]],
  ['dropped connections', [{ kind: 'drop-connection', count: 8 }]],
];

describe('transmission under each simulator fault', () => {
  it.each(faults)('%s: every package ends confirmed', async (_name, list) => {
    h = await startAppHarness();
    const ids = await queue(12);
    for (const f of list) h.sim.world.setFault('confirmShipment', f);
    await drain();
    for (const id of ids) expect((await h.deps.store.getPackage(id))?.state).toBe('confirmed');
    // The faults did happen: the simulator used every one of them up.
    expect(h.sim.world.faults.list()).toEqual([]);
  });

  it('Amazon down for good: after the attempt limit every package is in needs-fix with the reason', async () => {
    h = await startAppHarness();
    const ids = await queue(3);
    h.sim.world.setFault('confirmShipment', { kind: 'status', status: 503, count: 10_000 });
    await drain();
    for (const id of ids) {
      const p = await h.deps.store.getPackage(id);
      expect(p?.state).toBe('needs-fix');
      expect(p?.stateReason).toMatch(/could not be reached after 6 attempts/);
      expect(await h.deps.store.listAttempts(id)).toHaveLength(6);
    }
  });

  it("a permanent refusal goes to needs-fix at once with Amazon's message as advice", async () => {
    h = await startAppHarness();
    const ids = await queue(2);
    h.sim.world.setFault('confirmShipment', { kind: 'status', status: 400, count: 1 });
    await drain();
    const states = await Promise.all(ids.map(async (id) => (await h.deps.store.getPackage(id))!));
    const refused = states.filter((p) => p.state === 'needs-fix');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.stateReason).toMatch(/^Amazon said: /);
    expect(states.filter((p) => p.state === 'confirmed')).toHaveLength(1);
  });
});
