import { afterEach, describe, expect, it } from 'vitest';
import { recordShipment } from '../../../src/app/record-shipment.js';
import { replaceShipment } from '../../../src/app/replace-shipment.js';
import { syncOrders } from '../../../src/app/sync-orders.js';
import { transmitPending } from '../../../src/app/transmit-pending.js';
import { s10, seededRng } from '../../../src/edges/demo/sample-tracking-numbers.js';
import { type AppHarness, startAppHarness, UK } from '../../support/app-harness.js';

let h: AppHarness;
afterEach(async () => h?.close());
const rng = seededRng(21);
const transmitOptions = { maxAttempts: 3, retryBaseDelayMs: 10, retryMaxDelayMs: 20 };

async function oneConfirmedPackage() {
  const seeded = h.sim.world.seedOrders({
    sellerId: h.sellerId,
    marketplaceId: UK,
    count: 4,
    spreadDays: 2,
    seed: 12,
  });
  await syncOrders(h.deps, { sellerId: h.sellerId, marketplaceIds: [UK] });
  const order = seeded.orders.find((o) => o.status === 'UNSHIPPED')!;
  const r = await recordShipment(h.deps, {
    orderId: order.orderId,
    carrier: 'Royal Mail',
    service: 'Tracked 48',
    trackingId: s10(rng, 'TT'),
    shipDate: new Date(Date.now() - 120_000).toISOString(),
  });
  if (r.kind !== 'recorded') throw new Error(JSON.stringify(r));
  expect((await transmitPending(h.deps, transmitOptions)).confirmed).toBe(1);
  return { order, pkg: r.package };
}

describe('replacing a package (edits)', () => {
  it('a corrected tracking ID after confirmation is re-sent as an edit of the same Amazon package', async () => {
    h = await startAppHarness();
    const { order, pkg } = await oneConfirmedPackage();
    const corrected = s10(rng, 'TT');
    const r = await replaceShipment(h.deps, pkg.packageId, { trackingId: corrected });
    expect(r).toMatchObject({ kind: 'replaced', previousState: 'confirmed', editsAmazon: true });
    if (r.kind !== 'replaced') return;
    expect(r.package).toMatchObject({
      packageId: pkg.packageId,
      referenceNo: 1,
      trackingId: corrected,
      carrierCode: 'Royal Mail',
      shippingService: 'Tracked 48',
      state: 'accepted',
    });
    expect((await transmitPending(h.deps, transmitOptions)).confirmed).toBe(1);
    const atAmazon = h.sim.world.getOrder(order.orderId) as {
      packages: Array<{ packageReferenceId: string; trackingNumber?: string }>;
    };
    expect(atAmazon.packages.map((p) => [p.packageReferenceId, p.trackingNumber])).toEqual([
      ['1', corrected],
    ]);
    const events = await h.deps.store.listEvents({ entityId: pkg.packageId });
    expect(events.filter((e) => e.type === 'package.edited')).toHaveLength(1);
  });

  it('refuses bad new details and leaves the package as it was', async () => {
    h = await startAppHarness();
    const { pkg } = await oneConfirmedPackage();
    const r = await replaceShipment(h.deps, pkg.packageId, { trackingId: s10(rng, 'TT', true) });
    expect(r.kind).toBe('refused');
    expect(await h.deps.store.getPackage(pkg.packageId)).toMatchObject({
      state: 'confirmed',
      trackingId: pkg.trackingId,
    });
  });

  it('refuses an unknown package and a package of another order', async () => {
    h = await startAppHarness();
    const { pkg } = await oneConfirmedPackage();
    expect(await replaceShipment(h.deps, 'pkg_nope', { trackingId: 'x' })).toMatchObject({
      kind: 'refused',
      refusals: [{ code: 'unknown-package' }],
    });
    expect(await replaceShipment(h.deps, pkg.packageId, { orderId: '999-0000000-0000000' })).toMatchObject({
      kind: 'refused',
      refusals: [{ code: 'package-of-other-order' }],
    });
  });

  it('its own old tracking ID does not count as reused', async () => {
    h = await startAppHarness();
    const { pkg } = await oneConfirmedPackage();
    const r = await replaceShipment(h.deps, pkg.packageId, { service: 'Tracked 24' });
    expect(r.kind).toBe('replaced');
    expect(r.warnings.map((w) => w.code)).not.toContain('tracking-reused');
  });
});
