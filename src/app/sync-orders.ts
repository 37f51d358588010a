import { CONFIRMED_STATES } from '../core/package-lifecycle.js';
import { applyPackageEvent } from './apply-package-event.js';
import type { AppDeps } from './deps.js';
import { verifyReadBack } from './verify-read-back.js';

export interface SyncOrdersInput {
  readonly sellerId: string;
  readonly marketplaceIds: readonly string[];
  /** On the first sync, how far back to look. Default 30 days. */
  readonly initialLookbackDays?: number;
  /** Called after each page, for progress output. */
  readonly onPage?: (progress: { marketplaceId: string; page: number; orders: number }) => void;
}

export interface SyncOrdersResult {
  readonly pages: number;
  readonly inserted: number;
  readonly updated: number;
  /** Packages stopped because their order was cancelled. */
  readonly cancelledPackages: number;
  /** Confirmed packages that Amazon shows with their tracking (read-back). */
  readonly verified: number;
  /** Confirmed packages Amazon lost or stored without tracking, queued to be sent again. */
  readonly resent: number;
}

/**
 * Pulls merchant-fulfilled orders updated since the last sync, page by page, and stores them.
 * Each page is stored in one transaction; the cursor moves only when every page is in, so an
 * interrupted sync repeats (upserts are idempotent) rather than skipping orders.
 */
export async function syncOrders(deps: AppDeps, input: SyncOrdersInput): Promise<SyncOrdersResult> {
  const { store, marketplace, clock, logger } = deps;
  let pages = 0;
  let inserted = 0;
  let updated = 0;
  let cancelledPackages = 0;
  let verified = 0;
  let resent = 0;

  const seller = await store.getSeller(input.sellerId);
  const marketplaceIds = [...new Set([...(seller?.marketplaceIds ?? []), ...input.marketplaceIds])];
  await store.upsertSeller(
    { sellerId: input.sellerId, name: seller?.name ?? input.sellerId, marketplaceIds },
    clock.now().toISOString(),
  );

  for (const marketplaceId of input.marketplaceIds) {
    const cursor = await store.getSyncCursor(input.sellerId, marketplaceId);
    const since =
      cursor ??
      new Date(clock.now().getTime() - (input.initialLookbackDays ?? 30) * 24 * 3600 * 1000).toISOString();
    const query = cursor ? { lastUpdatedAfter: since } : { createdAfter: since };
    let token: string | undefined;
    let upperBound: string | null = null;
    let page = 0;
    do {
      const result = await marketplace.searchOrders({
        marketplaceIds: [marketplaceId],
        ...query,
        ...(token ? { paginationToken: token } : {}),
      });
      page++;
      pages++;
      upperBound ??= result.lastUpdatedBefore;
      const at = clock.now().toISOString();
      const counts = await store.transaction(async (tx) => {
        const c = await tx.upsertOrders(result.orders, at);
        let stopped = 0;
        for (const order of result.orders.filter((o) => o.status === 'CANCELLED')) {
          for (const p of await tx.listPackages({ orderId: order.orderId })) {
            if (CONFIRMED_STATES.includes(p.state) || p.state === 'cancelled' || p.state === 'sending')
              continue;
            const r = await applyPackageEvent(
              tx,
              p,
              'order-cancelled',
              'Amazon cancelled the order: nothing to send.',
              at,
            );
            if (r) stopped++;
          }
        }
        const proof = await verifyReadBack(tx, result, at);
        return { ...c, stopped, ...proof };
      });
      inserted += counts.inserted;
      updated += counts.updated;
      cancelledPackages += counts.stopped;
      verified += counts.verified;
      resent += counts.resent;
      input.onPage?.({ marketplaceId, page, orders: result.orders.length });
      token = result.nextToken ?? undefined;
    } while (token);

    // Amazon's upper bound is where the next sync resumes; without it, stay 2 minutes behind now
    // because Amazon's search lags recent updates.
    const next = upperBound ?? new Date(clock.now().getTime() - 120_000).toISOString();
    await store.setSyncCursor(input.sellerId, marketplaceId, next, clock.now().toISOString());
    logger.info({ sellerId: input.sellerId, marketplaceId, pages: page, next }, 'orders synced');
  }
  return { pages, inserted, updated, cancelledPackages, verified, resent };
}
