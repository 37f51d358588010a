import type { Order } from '../../core/order.js';
import type { Package } from '../../core/package.js';
import { transition } from '../../core/package-lifecycle.js';
import {
  type NewEvent,
  type NewPackage,
  type OrderStore,
  type PackageDetails,
  type Seller,
  StaleStateError,
  type StateChange,
  type StoreReads,
  type StoreWrites,
  type TransmissionAttempt,
} from '../../ports/order-store.js';
import { KyselyStoreReads } from './kysely-store-reads.js';
import { newPackageId } from './package-id.js';
import { writePackageDetails, writePackageItems } from './package-writes.js';
import { attemptRow, eventRow, orderColumns, orderItemRows, sameOrder } from './rows.js';

/**
 * The order store on any Kysely dialect (SQLite now, PostgreSQL later): only portable SQL, no
 * dialect checks. Times are compared as text, so every time must be written in one format,
 * `Date.prototype.toISOString()` (ISO 8601 UTC with milliseconds).
 *
 * A store made by {@link KyselyOrderStore.transaction} is bound to that transaction; calling the
 * outer store from inside `work` would wait for the transaction's own connection, so use the
 * store `work` receives.
 */
export class KyselyOrderStore extends KyselyStoreReads implements OrderStore {
  /** Runs `work` in one transaction; a store already bound to a transaction reuses it. */
  async transaction<T>(work: (tx: StoreReads & StoreWrites) => Promise<T>): Promise<T> {
    return this.atomic((store) => work(store));
  }

  /** Closes the connection(s). Not allowed on a store bound to a transaction. */
  async close(): Promise<void> {
    if (this.db.isTransaction) throw new Error('close() is not allowed inside a transaction');
    await this.db.destroy();
  }

  private async atomic<T>(work: (store: KyselyOrderStore) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return work(this);
    return this.db.transaction().execute((trx) => work(new KyselyOrderStore(trx)));
  }

  // ---- writes ------------------------------------------------------------------------------

  /** Creates or updates the seller and its marketplaces; writes a `seller.saved` event when anything changed. */
  async upsertSeller(seller: Seller, at: string): Promise<void> {
    await this.atomic(async (store) => {
      const db = store.db;
      const existing = await store.getSeller(seller.sellerId);
      const unchanged =
        existing !== undefined &&
        existing.name === seller.name &&
        existing.marketplaceIds.join('\n') === seller.marketplaceIds.join('\n');
      if (unchanged) return;
      if (existing === undefined) {
        await db
          .insertInto('sellers')
          .values({ seller_id: seller.sellerId, name: seller.name, created_at: at, updated_at: at })
          .execute();
      } else {
        await db
          .updateTable('sellers')
          .set({ name: seller.name, updated_at: at })
          .where('seller_id', '=', seller.sellerId)
          .execute();
        await db.deleteFrom('seller_marketplaces').where('seller_id', '=', seller.sellerId).execute();
      }
      const marketplaceIds = [...new Set(seller.marketplaceIds)];
      if (marketplaceIds.length > 0) {
        await db
          .insertInto('seller_marketplaces')
          .values(
            marketplaceIds.map((id, position) => ({
              seller_id: seller.sellerId,
              marketplace_id: id,
              position,
            })),
          )
          .execute();
      }
      await store.appendEvent({
        at,
        sellerId: seller.sellerId,
        entityType: 'seller',
        entityId: seller.sellerId,
        type: 'seller.saved',
        fromState: null,
        toState: null,
        reason: null,
        data: { change: existing === undefined ? 'inserted' : 'updated', name: seller.name, marketplaceIds },
      });
    });
  }

  /**
   * Inserts new orders and updates known ones (items replaced), each with an `order.synced` event
   * (`data.change` is `inserted` or `updated`; from/to state are the old and new status). An order
   * that is already stored exactly as given is neither counted nor logged, so that overlapping
   * syncs do not flood the event log.
   */
  async upsertOrders(orders: readonly Order[], at: string): Promise<{ inserted: number; updated: number }> {
    return this.atomic(async (store) => {
      const db = store.db;
      let inserted = 0;
      let updated = 0;
      for (const order of orders) {
        const existing = await store.getOrder(order.orderId);
        if (existing !== undefined && sameOrder(existing, order)) continue;
        if (existing === undefined) {
          await db.insertInto('orders').values(orderColumns(order, at)).execute();
          inserted++;
        } else {
          const { synced_at: _firstSynced, order_id: _id, ...columns } = orderColumns(order, at);
          await db.updateTable('orders').set(columns).where('order_id', '=', order.orderId).execute();
          await db.deleteFrom('order_items').where('order_id', '=', order.orderId).execute();
          updated++;
        }
        const items = orderItemRows(order);
        if (items.length > 0) await db.insertInto('order_items').values(items).execute();
        await store.appendEvent({
          at,
          sellerId: order.sellerId,
          entityType: 'order',
          entityId: order.orderId,
          type: 'order.synced',
          fromState: existing?.status ?? null,
          toState: order.status,
          reason: null,
          data: {
            change: existing === undefined ? 'inserted' : 'updated',
            status: order.status,
            lastUpdatedAt: order.lastUpdatedAt,
          },
        });
      }
      return { inserted, updated };
    });
  }

  /**
   * Stores the package under a fresh id with the next reference number of its order and writes a
   * `package.recorded` event. Throws when the order is not stored for that seller.
   */
  async insertPackage(pkg: NewPackage, at: string): Promise<Package> {
    return this.atomic(async (store) => {
      const db = store.db;
      // One atomic increment: in PostgreSQL it also locks the order's row, so two workers
      // recording packages of one order never draw the same number.
      const counter = await db
        .updateTable('orders')
        .set((eb) => ({ last_reference_no: eb('last_reference_no', '+', 1) }))
        .where('order_id', '=', pkg.orderId)
        .where('seller_id', '=', pkg.sellerId)
        .returning('last_reference_no')
        .executeTakeFirst();
      if (counter === undefined) {
        throw new Error(
          `cannot store a package for order ${pkg.orderId}: no such order of seller ${pkg.sellerId}`,
        );
      }
      const id = newPackageId();
      const referenceNo = Number(counter.last_reference_no);
      await db
        .insertInto('packages')
        .values({
          id,
          seller_id: pkg.sellerId,
          order_id: pkg.orderId,
          reference_no: referenceNo,
          carrier_code: pkg.carrierCode,
          carrier_name: pkg.carrierName,
          shipping_service: pkg.shippingService,
          tracking_id: pkg.trackingId,
          tracking_kind: pkg.trackingKind,
          ship_date: pkg.shipDate,
          state: pkg.state,
          state_reason: pkg.stateReason,
          attempts: 0,
          next_attempt_at: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await writePackageItems(db, id, pkg.items);
      await store.appendEvent({
        at,
        sellerId: pkg.sellerId,
        entityType: 'package',
        entityId: id,
        type: 'package.recorded',
        fromState: null,
        toState: pkg.state,
        reason: pkg.stateReason,
        data: {
          orderId: pkg.orderId,
          referenceNo,
          carrierCode: pkg.carrierCode,
          carrierName: pkg.carrierName,
          shippingService: pkg.shippingService,
          trackingId: pkg.trackingId,
          trackingKind: pkg.trackingKind,
          shipDate: pkg.shipDate,
          items: pkg.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
        },
      });
      return (await store.getPackage(id))!;
    });
  }

  /**
   * Moves the package from `change.from` to `change.to` only if it is still in `from`, and writes a
   * `package.state-changed` event (data: the lifecycle event). `nextAttemptAt` is set when given;
   * when not given it is kept for `retrying` and cleared for any other state, where it means nothing.
   * Throws StaleStateError when the package moved on (or is missing), and an Error when the change
   * is not a transition of the package lifecycle.
   */
  async changePackageState(packageId: string, change: StateChange): Promise<Package> {
    const allowed = transition(change.from, change.event);
    if (!allowed.ok || allowed.to !== change.to) {
      throw new Error(
        `refused to store state change of package ${packageId}: ${change.from} --${change.event}--> ${change.to} ` +
          'is not a transition of the package lifecycle',
      );
    }
    return this.atomic(async (store) => {
      const db = store.db;
      const nextAttemptAt =
        change.nextAttemptAt !== undefined
          ? change.nextAttemptAt
          : change.to === 'retrying'
            ? undefined
            : null;
      const result = await db
        .updateTable('packages')
        .set((eb) => ({
          state: change.to,
          state_reason: change.reason,
          updated_at: change.at,
          ...(nextAttemptAt !== undefined ? { next_attempt_at: nextAttemptAt } : {}),
          ...(change.countAttempt === true ? { attempts: eb('attempts', '+', 1) } : {}),
        }))
        .where('id', '=', packageId)
        .where('state', '=', change.from)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) {
        const current = await db
          .selectFrom('packages')
          .select('state')
          .where('id', '=', packageId)
          .executeTakeFirst();
        throw new StaleStateError(
          packageId,
          change.from,
          (current?.state as Package['state'] | undefined) ?? null,
        );
      }
      const pkg = (await store.getPackage(packageId))!;
      await store.appendEvent({
        at: change.at,
        sellerId: pkg.sellerId,
        entityType: 'package',
        entityId: packageId,
        type: 'package.state-changed',
        fromState: change.from,
        toState: change.to,
        reason: change.reason,
        data: {
          event: change.event,
          attempts: pkg.attempts,
          ...(pkg.nextAttemptAt !== null ? { nextAttemptAt: pkg.nextAttemptAt } : {}),
        },
      });
      return pkg;
    });
  }

  async editPackage(packageId: string, details: PackageDetails, change: StateChange): Promise<Package> {
    return this.atomic(async (store) => {
      const before = await store.getPackage(packageId);
      if (!before) throw new StaleStateError(packageId, change.from, null);
      await store.changePackageState(packageId, change);
      const db = store.db;
      await writePackageDetails(db, packageId, details);
      const pick = (p: PackageDetails) => ({
        carrierCode: p.carrierCode,
        carrierName: p.carrierName,
        shippingService: p.shippingService,
        trackingId: p.trackingId,
        trackingKind: p.trackingKind,
        shipDate: p.shipDate,
        items: p.items,
      });
      await store.appendEvent({
        at: change.at,
        sellerId: before.sellerId,
        entityType: 'package',
        entityId: packageId,
        type: 'package.edited',
        fromState: change.from,
        toState: change.to,
        reason: change.reason,
        data: { before: pick(before), after: pick(details) },
      });
      return (await store.getPackage(packageId))!;
    });
  }

  /** Stores one transmission attempt (its own append-only record; the state change logs the event). */
  async recordAttempt(attempt: TransmissionAttempt): Promise<void> {
    await this.db.insertInto('transmission_attempts').values(attemptRow(attempt)).execute();
  }

  /** Advances the sync cursor and writes a `sync.completed` event. */
  async setSyncCursor(
    sellerId: string,
    marketplaceId: string,
    lastUpdatedBefore: string,
    at: string,
  ): Promise<void> {
    await this.atomic(async (store) => {
      await store.db
        .insertInto('sync_cursors')
        .values({
          seller_id: sellerId,
          marketplace_id: marketplaceId,
          last_updated_before: lastUpdatedBefore,
          updated_at: at,
        })
        .onConflict((oc) =>
          oc
            .columns(['seller_id', 'marketplace_id'])
            .doUpdateSet({ last_updated_before: lastUpdatedBefore, updated_at: at }),
        )
        .execute();
      await store.appendEvent({
        at,
        sellerId,
        entityType: 'sync',
        entityId: `${sellerId}/${marketplaceId}`,
        type: 'sync.completed',
        fromState: null,
        toState: null,
        reason: null,
        data: { marketplaceId, lastUpdatedBefore },
      });
    });
  }

  /** Sets the category of one SKU (reference data: no event). */
  async setSkuCategory(sellerId: string, sku: string, category: string, at: string): Promise<void> {
    await this.db
      .insertInto('sku_categories')
      .values({ seller_id: sellerId, sku, category, updated_at: at })
      .onConflict((oc) => oc.columns(['seller_id', 'sku']).doUpdateSet({ category, updated_at: at }))
      .execute();
  }

  async appendEvent(event: NewEvent): Promise<void> {
    await this.db.insertInto('events').values(eventRow(event)).execute();
  }
}
