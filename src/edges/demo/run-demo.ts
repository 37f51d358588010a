import { recordShipment } from '../../app/record-shipment.js';
import { syncOrders } from '../../app/sync-orders.js';
import { transmitQueue } from '../../app/transmit-queue.js';
import { findMarketplace } from '../../core/marketplace.js';
import { type ExpectedVtr, expectedVtrByCategory } from '../../core/metrics/expected-vtr.js';
import type { Order } from '../../core/order.js';
import type { Logger } from '../../ports/logger.js';
import { type App, openApp } from '../composition-root.js';
import type { Config } from '../config/config.js';
import { ReplayClock } from './replay-clock.js';
import { sampleShipments } from './sample-shipments.js';
import { seededRng } from './sample-tracking-numbers.js';

export interface DemoOptions {
  readonly orders: number;
  /** Simulated Amazon runs this many times faster (rate limits scale with it). */
  readonly speedFactor: number;
  readonly progress: (line: string) => void;
}

export interface DemoSummary {
  readonly databasePath: string;
  readonly amazon: string;
  readonly orders: number;
  readonly packagesRecorded: number;
  readonly confirmed: number;
  readonly needsFix: number;
  /** Confirmed and then seen at Amazon with their tracking (read-back). */
  readonly verified: number;
  readonly retrying: number;
  readonly refusedAtIntake: number;
  /** Packages confirmed one by one (confirmShipment), and by bulk feed. */
  readonly paths: { readonly perCall: number; readonly feed: number };
  /** Refusals and needs-fix reasons grouped by reason code. */
  readonly reasons: ReadonlyArray<{ code: string; count: number; example: string }>;
  readonly warnings: ReadonlyArray<{ code: string; count: number; example: string }>;
  readonly vtr: readonly ExpectedVtr[];
  readonly seconds: number;
}

/**
 * The main job in one command: a simulated UK seller's last 30 days of orders, pulled, shipped by
 * a demo warehouse (with the usual mistakes), checked, confirmed to the simulator, summarised.
 */
export async function runDemo(config: Config, logger: Logger, options: DemoOptions): Promise<DemoSummary> {
  const started = Date.now();
  const clock = new ReplayClock();
  const app: App = await openApp(config, {
    logger,
    clock,
    simulatorOptions: { speedFactor: options.speedFactor },
  });
  try {
    const sim = app.simulator!;
    const now = () => app.deps.clock.now();
    options.progress(`Started the Amazon simulator at ${sim.baseUrl} (${options.speedFactor}x speed).`);
    const seeded = sim.world.seedOrders({
      sellerId: app.sellerId,
      marketplaceId: app.marketplaceIds[0] ?? 'A1F83G8C2ARO7P',
      count: options.orders,
      spreadDays: 30,
      seed: 20261125,
    });
    options.progress(
      `Seeded ${seeded.orders.length} orders over the last 30 days; ${seeded.catalog.length} SKUs in ${new Set(seeded.catalog.map((c) => c.category)).size} categories.`,
    );

    const sync = await syncOrders(app.deps, { sellerId: app.sellerId, marketplaceIds: app.marketplaceIds });
    options.progress(`Pulled ${sync.inserted} orders from Amazon in ${sync.pages} page(s).`);
    // The seller's own SKU -> category list (Amazon's orders carry no category).
    for (const item of seeded.catalog) {
      await app.deps.store.setSkuCategory(app.sellerId, item.sku, item.category, now().toISOString());
    }

    const orders = await app.deps.store.listOrders({ sellerId: app.sellerId, limit: 100_000 });
    const shipments = sampleShipments([...orders].reverse(), now(), seededRng(7));
    const reasons = new Map<string, { count: number; example: string }>();
    const warnings = new Map<string, { count: number; example: string }>();
    const tally = (m: typeof reasons, code: string, message: string) => {
      const e = m.get(code) ?? { count: 0, example: message };
      e.count++;
      m.set(code, e);
    };
    let recorded = 0;
    let refusedAtIntake = 0;
    // Each parcel is recorded a few minutes after it was handed over, as a packer would.
    shipments.sort((a, b) => Date.parse(a.shipDate!) - Date.parse(b.shipDate!));
    for (const s of shipments) {
      clock.replay(new Date(Math.min(Date.parse(s.shipDate!) + 3 * 60_000, Date.now())));
      const r = await recordShipment(app.deps, s, 'hold');
      for (const w of r.warnings) tally(warnings, w.code, w.message);
      if (r.kind === 'refused') {
        refusedAtIntake++;
        for (const x of r.refusals) tally(reasons, x.code, x.message);
      } else {
        recorded++;
        if (r.kind === 'held') for (const x of r.refusals) tally(reasons, x.code, x.message);
      }
    }
    options.progress(
      `The warehouse recorded ${shipments.length} parcels: ${recorded} stored, ${refusedAtIntake} refused at intake.`,
    );

    const queued = await transmitQueue(app.deps, {
      maxAttempts: config.transmit.maxAttempts,
      retryBaseDelayMs: 200,
      retryMaxDelayMs: 2000,
      concurrency: 8,
      // The simulator runs at `speedFactor`: ask about the feed as often as Amazon's pace allows.
      feed: { pollIntervalMs: Math.max(250, 15_000 / options.speedFactor) },
    });
    const sent = queued.perCall;
    for (const o of sent.outcomes) if (o.kind === 'needs-fix') tally(reasons, 'amazon-refused', o.reason);
    options.progress(
      `Sent to Amazon one by one: ${sent.confirmed} confirmed, ${sent.needsFix} refused, ${sent.retrying} to retry.`,
    );
    const byFeed = queued.feed ? await queued.feed : null;
    if (byFeed) {
      options.progress(
        `Sent to Amazon by bulk feed ${byFeed.feedIds.join(', ')} (${queued.planned.feed} untracked or non-urgent package(s)): ${byFeed.confirmed} confirmed, ${byFeed.needsFix} refused, ${byFeed.retrying} to retry.`,
      );
    }

    // Proof: Amazon's order search lags two minutes (simulated), then a sync reads the packages back.
    await new Promise((r) => setTimeout(r, Math.ceil((130_000 / options.speedFactor) * 1.1)));
    const proof = await syncOrders(app.deps, { sellerId: app.sellerId, marketplaceIds: app.marketplaceIds });
    options.progress(
      `Read back from Amazon: ${proof.verified} package(s) verified${proof.resent ? `, ${proof.resent} missing and sent again` : ''}.`,
    );

    const packages = await app.deps.store.listPackages({ sellerId: app.sellerId });
    const skuCategories = await app.deps.store.listSkuCategories(app.sellerId);
    const vtr = expectedVtrByCategory({
      orders: new Map(orders.map((o: Order) => [o.orderId, o])),
      packages,
      shipFromCountry: (id) => findMarketplace(id)?.countryCode ?? null,
      categoryOf: (sku) => (sku && skuCategories.get(sku)) || 'Uncategorised',
      integrated: (code) =>
        app.deps.carriers.carriers.some(
          (c) =>
            c.amazonCode === code && c.amazonCode !== 'Other' && Object.values(c.integrated).some(Boolean),
        ),
      at: now().toISOString(),
    });
    const group = (m: typeof reasons) =>
      [...m].map(([code, v]) => ({ code, ...v })).sort((a, b) => b.count - a.count);
    return {
      databasePath: config.databasePath,
      amazon: app.amazonLabel,
      orders: orders.length,
      packagesRecorded: recorded,
      confirmed: packages.filter((p) => p.state === 'confirmed' || p.state === 'verified').length,
      verified: packages.filter((p) => p.state === 'verified').length,
      needsFix: packages.filter((p) => p.state === 'needs-fix').length,
      retrying: packages.filter((p) => p.state === 'retrying').length,
      refusedAtIntake,
      paths: { perCall: sent.confirmed, feed: byFeed?.confirmed ?? 0 },
      reasons: group(reasons),
      warnings: group(warnings),
      vtr,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await app.close();
  }
}

/** The summary as text for people. */
export function formatDemoSummary(s: DemoSummary): string {
  const pct = (r: number | null) => (r === null ? '   -  ' : `${(r * 100).toFixed(1).padStart(5)}%`);
  const lines = [
    '',
    'ShipConfirm demo: summary',
    '=========================',
    `Amazon:    ${s.amazon}`,
    `Orders:    ${s.orders} pulled`,
    `Paths:     ${s.paths.perCall} confirmed one by one within seconds, ${s.paths.feed} by bulk feed (packages without a tracking number)`,
    `Packages:  ${s.packagesRecorded} recorded; ${s.confirmed} confirmed by Amazon (${s.verified} verified by reading them back), ${s.needsFix} need a fix, ${s.retrying} waiting to retry; ${s.refusedAtIntake} refused at intake`,
    '',
    'Refused, with reasons (fix these before Amazon counts them):',
    ...(s.reasons.length
      ? s.reasons.map((r) => `  ${String(r.count).padStart(4)} x ${r.code}: ${r.example}`)
      : ['  none']),
    '',
    'Warnings (sent, but watch them):',
    ...(s.warnings.length
      ? s.warnings.map((r) => `  ${String(r.count).padStart(4)} x ${r.code}: ${r.example}`)
      : ['  none']),
    '',
    'Expected Valid Tracking Rate per category (last 30 days, domestic non-Prime; before carrier scans):',
    `  ${'category'.padEnd(24)} ${'valid'.padStart(6)} ${'total'.padStart(6)}   rate   status`,
    ...s.vtr.map(
      (v) =>
        `  ${v.category.padEnd(24)} ${String(v.expectedValid).padStart(6)} ${String(v.total).padStart(6)}  ${pct(v.rate)}  ${v.rate === null ? '' : v.rate >= 0.95 ? 'OK (>= 95%)' : 'AT RISK (< 95%: Amazon may suspend this category)'}`,
    ),
    '',
    `Finished in ${s.seconds.toFixed(1)} s. The data is in ${s.databasePath}; look around with:`,
    `  SHIPCONFIRM_DB=${s.databasePath} npx shipconfirm status`,
  ];
  return lines.join('\n');
}
