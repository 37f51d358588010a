import type { Kysely, Migration } from 'kysely';
import { MARKETPLACES } from '../../../core/marketplace.js';
import { autoIncrementKey, dialectOf } from '../sql-dialect.js';

/*
 * The first schema. Portable through Kysely's schema builder: text for ids, times (ISO 8601 UTC)
 * and JSON; integer for counts and 0/1 booleans. Constraint and index names are prefixed by their
 * table because PostgreSQL wants them unique per schema.
 */

interface MarketplaceSeed {
  marketplaces: {
    marketplace_id: string;
    code: string;
    country_code: string;
    time_zone: string;
    region: string;
  };
}

async function up(db: Kysely<unknown>): Promise<void> {
  const dialect = dialectOf(db);

  await db.schema
    .createTable('sellers')
    .addColumn('seller_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('marketplaces')
    .addColumn('marketplace_id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('country_code', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .execute();
  // A snapshot of core's list at the time of this migration; a marketplace added to core later
  // gets its own migration, so that migrations stay reproducible.
  await (db as Kysely<MarketplaceSeed>)
    .insertInto('marketplaces')
    .values(
      MARKETPLACES.map((m) => ({
        marketplace_id: m.id,
        code: m.code,
        country_code: m.countryCode,
        time_zone: m.timeZone,
        region: m.region,
      })),
    )
    .onConflict((oc) => oc.column('marketplace_id').doNothing())
    .execute();

  await db.schema
    .createTable('seller_marketplaces')
    .addColumn('seller_id', 'text', (c) => c.notNull())
    .addColumn('marketplace_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('seller_marketplaces_pk', ['seller_id', 'marketplace_id'])
    .addForeignKeyConstraint('seller_marketplaces_seller_fk', ['seller_id'], 'sellers', ['seller_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('seller_marketplaces_marketplace_fk', ['marketplace_id'], 'marketplaces', [
      'marketplace_id',
    ])
    .execute();

  // No foreign key from orders to marketplaces: Amazon may sell in a marketplace before core
  // knows it, and an order must never be dropped for that.
  await db.schema
    .createTable('orders')
    .addColumn('order_id', 'text', (c) => c.primaryKey())
    .addColumn('seller_id', 'text', (c) => c.notNull().references('sellers.seller_id'))
    .addColumn('marketplace_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_updated_at', 'text', (c) => c.notNull())
    .addColumn('ship_by_latest', 'text')
    .addColumn('deliver_by_latest', 'text')
    .addColumn('ship_to_country', 'text')
    .addColumn('is_prime', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_reference_no', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('synced_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('orders_seller_created_idx')
    .on('orders')
    .columns(['seller_id', 'created_at'])
    .execute();
  await db.schema.createIndex('orders_created_idx').on('orders').column('created_at').execute();

  await db.schema
    .createTable('order_items')
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('order_item_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('sku', 'text')
    .addColumn('asin', 'text')
    .addColumn('title', 'text')
    .addColumn('quantity_ordered', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('order_items_pk', ['order_id', 'order_item_id'])
    .addForeignKeyConstraint('order_items_order_fk', ['order_id'], 'orders', ['order_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('packages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seller_id', 'text', (c) => c.notNull().references('sellers.seller_id'))
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.order_id'))
    .addColumn('reference_no', 'integer', (c) => c.notNull())
    .addColumn('carrier_code', 'text', (c) => c.notNull())
    .addColumn('carrier_name', 'text')
    .addColumn('shipping_service', 'text', (c) => c.notNull())
    .addColumn('tracking_id', 'text')
    .addColumn('tracking_kind', 'text', (c) => c.notNull())
    .addColumn('ship_date', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('state_reason', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('packages_order_reference_uq', ['order_id', 'reference_no'])
    .execute();
  // The transmit queue: state first, then the retry time for `retrying`.
  await db.schema
    .createIndex('packages_state_next_idx')
    .on('packages')
    .columns(['state', 'next_attempt_at'])
    .execute();
  await db.schema.createIndex('packages_tracking_idx').on('packages').column('tracking_id').execute();
  await db.schema
    .createIndex('packages_seller_created_idx')
    .on('packages')
    .columns(['seller_id', 'created_at'])
    .execute();
  await db.schema.createIndex('packages_created_idx').on('packages').column('created_at').execute();

  // No foreign key to order_items: a sync replaces an order's items, and a package's record of
  // what it carried must survive whatever Amazon sends.
  await db.schema
    .createTable('package_items')
    .addColumn('package_id', 'text', (c) => c.notNull())
    .addColumn('order_item_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('package_items_pk', ['package_id', 'order_item_id'])
    .addForeignKeyConstraint('package_items_package_fk', ['package_id'], 'packages', ['id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('transmission_attempts')
    .addColumn('package_id', 'text', (c) => c.notNull())
    .addColumn('attempt_no', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('http_status', 'integer')
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('amazon_request_id', 'text')
    .addPrimaryKeyConstraint('transmission_attempts_pk', ['package_id', 'attempt_no'])
    .addForeignKeyConstraint('transmission_attempts_package_fk', ['package_id'], 'packages', ['id'])
    .execute();

  // Append-only; no foreign keys so that recording what happened can never be refused.
  const seq = autoIncrementKey(dialect);
  await db.schema
    .createTable('events')
    .addColumn('seq', seq.type, seq.build)
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('seller_id', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text')
    .addColumn('reason', 'text')
    .addColumn('data', 'text')
    .execute();
  await db.schema.createIndex('events_entity_idx').on('events').columns(['entity_id', 'seq']).execute();
  await db.schema.createIndex('events_seller_idx').on('events').columns(['seller_id', 'seq']).execute();

  await db.schema
    .createTable('sync_cursors')
    .addColumn('seller_id', 'text', (c) => c.notNull())
    .addColumn('marketplace_id', 'text', (c) => c.notNull())
    .addColumn('last_updated_before', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sync_cursors_pk', ['seller_id', 'marketplace_id'])
    .addForeignKeyConstraint('sync_cursors_seller_fk', ['seller_id'], 'sellers', ['seller_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('sku_categories')
    .addColumn('seller_id', 'text', (c) => c.notNull())
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sku_categories_pk', ['seller_id', 'sku'])
    .addForeignKeyConstraint('sku_categories_seller_fk', ['seller_id'], 'sellers', ['seller_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
}

/** Sellers, marketplaces, orders, packages, transmission attempts, the event log, sync cursors, SKU categories. */
export const initial: Migration = { up };
