import type { Kysely } from 'kysely';
import type { Order } from '../../core/order.js';
import type { Package } from '../../core/package.js';
import type {
  PackageFilter,
  Seller,
  StoredEvent,
  StoreReads,
  TransmissionAttempt,
} from '../../ports/order-store.js';
import { toAttempt, toOrder, toOrderItem, toPackage, toPackageItem, toStoredEvent } from './rows.js';
import type { Database } from './schema.js';
import { chunks, groupBy } from './sql-helpers.js';

/**
 * The reading half of the order store, on any Kysely dialect; `KyselyOrderStore` adds the writes.
 */
export class KyselyStoreReads implements StoreReads {
  constructor(protected readonly db: Kysely<Database>) {}

  // ---- reads -------------------------------------------------------------------------------

  async getSeller(sellerId: string): Promise<Seller | undefined> {
    return (await this.sellers([sellerId]))[0];
  }

  async listSellers(): Promise<Seller[]> {
    return this.sellers(undefined);
  }

  private async sellers(ids: readonly string[] | undefined): Promise<Seller[]> {
    let query = this.db.selectFrom('sellers').selectAll().orderBy('seller_id');
    if (ids !== undefined) query = query.where('seller_id', 'in', ids);
    const rows = await query.execute();
    if (rows.length === 0) return [];
    const links = await this.db
      .selectFrom('seller_marketplaces')
      .selectAll()
      .where(
        'seller_id',
        'in',
        rows.map((r) => r.seller_id),
      )
      .orderBy('position')
      .execute();
    const bySeller = groupBy(links, (l) => l.seller_id);
    return rows.map((r) => ({
      sellerId: r.seller_id,
      name: r.name,
      marketplaceIds: (bySeller.get(r.seller_id) ?? []).map((l) => l.marketplace_id),
    }));
  }

  async getOrder(orderId: string): Promise<Order | undefined> {
    const row = await this.db
      .selectFrom('orders')
      .selectAll()
      .where('order_id', '=', orderId)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    return (await this.withItems([row]))[0];
  }

  async listOrders(filter: { sellerId?: string; limit?: number }): Promise<Order[]> {
    let query = this.db
      .selectFrom('orders')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('order_id', 'desc');
    if (filter.sellerId !== undefined) query = query.where('seller_id', '=', filter.sellerId);
    if (filter.limit !== undefined) query = query.limit(filter.limit);
    return this.withItems(await query.execute());
  }

  async listOrdersDueBy(sellerId: string, until: string): Promise<Order[]> {
    const rows = await this.db
      .selectFrom('orders')
      .selectAll()
      .where('seller_id', '=', sellerId)
      .where('status', 'in', ['UNSHIPPED', 'PARTIALLY_SHIPPED'])
      .where('ship_by_latest', 'is not', null)
      .where('ship_by_latest', '<=', until)
      .orderBy('ship_by_latest')
      .orderBy('order_id')
      .execute();
    return this.withItems(rows);
  }

  private async withItems(rows: Parameters<typeof toOrder>[0][]): Promise<Order[]> {
    const items = [];
    for (const ids of chunks(rows.map((r) => r.order_id))) {
      items.push(
        ...(await this.db
          .selectFrom('order_items')
          .selectAll()
          .where('order_id', 'in', ids)
          .orderBy('position')
          .execute()),
      );
    }
    const byOrder = groupBy(items, (i) => i.order_id);
    return rows.map((r) => toOrder(r, (byOrder.get(r.order_id) ?? []).map(toOrderItem)));
  }

  async countOrders(sellerId?: string): Promise<number> {
    let query = this.db.selectFrom('orders').select((eb) => eb.fn.countAll().as('n'));
    if (sellerId !== undefined) query = query.where('seller_id', '=', sellerId);
    const row = await query.executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async getPackage(packageId: string): Promise<Package | undefined> {
    const row = await this.db
      .selectFrom('packages')
      .selectAll()
      .where('id', '=', packageId)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    return (await this.packagesWithItems([row]))[0];
  }

  async listPackages(filter: PackageFilter): Promise<Package[]> {
    if (filter.states !== undefined && filter.states.length === 0) return [];
    const direction = filter.newestFirst === true ? 'desc' : 'asc';
    // created_at ties (packages recorded in the same millisecond) break on order and reference.
    let query = this.db
      .selectFrom('packages')
      .selectAll()
      .orderBy('created_at', direction)
      .orderBy('order_id', direction)
      .orderBy('reference_no', direction);
    if (filter.sellerId !== undefined) query = query.where('seller_id', '=', filter.sellerId);
    if (filter.orderId !== undefined) query = query.where('order_id', '=', filter.orderId);
    if (filter.states !== undefined) query = query.where('state', 'in', filter.states);
    if (filter.limit !== undefined) query = query.limit(filter.limit);
    return this.packagesWithItems(await query.execute());
  }

  async findPackagesByTrackingIds(trackingIds: readonly string[]): Promise<Package[]> {
    const rows = [];
    for (const ids of chunks([...new Set(trackingIds)])) {
      rows.push(
        ...(await this.db
          .selectFrom('packages')
          .selectAll()
          .where('tracking_id', 'in', ids)
          .orderBy('created_at')
          .orderBy('id')
          .execute()),
      );
    }
    return this.packagesWithItems(rows);
  }

  async listDueForTransmission(now: string, limit: number): Promise<Package[]> {
    const rows = await this.db
      .selectFrom('packages as p')
      .innerJoin('orders as o', 'o.order_id', 'p.order_id')
      .selectAll('p')
      .where((eb) =>
        eb.or([
          eb('p.state', '=', 'accepted'),
          eb.and([
            eb('p.state', '=', 'retrying'),
            // A retrying package without a time would otherwise wait forever: it is due now.
            eb.or([eb('p.next_attempt_at', 'is', null), eb('p.next_attempt_at', '<=', now)]),
          ]),
        ]),
      )
      .orderBy('o.ship_by_latest', (ob) => ob.asc().nullsLast())
      .orderBy('p.created_at')
      .orderBy('p.order_id')
      .orderBy('p.reference_no')
      .limit(limit)
      .execute();
    return this.packagesWithItems(rows);
  }

  private async packagesWithItems(rows: Parameters<typeof toPackage>[0][]): Promise<Package[]> {
    const items = [];
    for (const ids of chunks(rows.map((r) => r.id))) {
      items.push(
        ...(await this.db
          .selectFrom('package_items')
          .selectAll()
          .where('package_id', 'in', ids)
          .orderBy('position')
          .execute()),
      );
    }
    const byPackage = groupBy(items, (i) => i.package_id);
    return rows.map((r) => toPackage(r, (byPackage.get(r.id) ?? []).map(toPackageItem)));
  }

  /** Events oldest first; with `limit`, the latest `limit` events (still oldest first). */
  async listEvents(filter: { entityId?: string; sellerId?: string; limit?: number }): Promise<StoredEvent[]> {
    let query = this.db.selectFrom('events').selectAll().orderBy('seq', 'desc');
    if (filter.entityId !== undefined) query = query.where('entity_id', '=', filter.entityId);
    if (filter.sellerId !== undefined) query = query.where('seller_id', '=', filter.sellerId);
    if (filter.limit !== undefined) query = query.limit(filter.limit);
    return (await query.execute()).map(toStoredEvent).reverse();
  }

  async listAttempts(packageId: string): Promise<TransmissionAttempt[]> {
    const rows = await this.db
      .selectFrom('transmission_attempts')
      .selectAll()
      .where('package_id', '=', packageId)
      .orderBy('attempt_no')
      .execute();
    return rows.map(toAttempt);
  }

  async getSyncCursor(sellerId: string, marketplaceId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('sync_cursors')
      .select('last_updated_before')
      .where('seller_id', '=', sellerId)
      .where('marketplace_id', '=', marketplaceId)
      .executeTakeFirst();
    return row?.last_updated_before;
  }

  async listSkuCategories(sellerId: string): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom('sku_categories')
      .select(['sku', 'category'])
      .where('seller_id', '=', sellerId)
      .orderBy('sku')
      .execute();
    return new Map(rows.map((r) => [r.sku, r.category]));
  }
}
