import type { Generated } from 'kysely';

/*
 * The tables as Kysely sees them, in the database's own naming (snake_case).
 * Portable types only: times are ISO 8601 UTC text, booleans are integers 0/1, JSON is text,
 * so that the same rows come back from SQLite and PostgreSQL.
 */

export interface SellersTable {
  seller_id: string;
  name: string;
  created_at: string;
  updated_at: string;
}

export interface MarketplacesTable {
  marketplace_id: string;
  code: string;
  country_code: string;
  time_zone: string;
  region: string;
}

export interface SellerMarketplacesTable {
  seller_id: string;
  marketplace_id: string;
  /** Keeps the seller's own order of marketplaces. */
  position: number;
}

export interface OrdersTable {
  order_id: string;
  seller_id: string;
  marketplace_id: string;
  status: string;
  created_at: string;
  last_updated_at: string;
  ship_by_latest: string | null;
  deliver_by_latest: string | null;
  ship_to_country: string | null;
  /** 0 or 1. */
  is_prime: number;
  /** Highest package reference number given out for this order (0 before the first package). */
  last_reference_no: Generated<number>;
  synced_at: string;
  updated_at: string;
}

export interface OrderItemsTable {
  order_id: string;
  order_item_id: string;
  position: number;
  sku: string | null;
  asin: string | null;
  title: string | null;
  quantity_ordered: number;
}

export interface PackagesTable {
  id: string;
  seller_id: string;
  order_id: string;
  reference_no: number;
  carrier_code: string;
  carrier_name: string | null;
  shipping_service: string;
  tracking_id: string | null;
  tracking_kind: string;
  ship_date: string;
  state: string;
  state_reason: string | null;
  attempts: number;
  next_attempt_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PackageItemsTable {
  package_id: string;
  order_item_id: string;
  position: number;
  quantity: number;
}

export interface TransmissionAttemptsTable {
  package_id: string;
  attempt_no: number;
  channel: string;
  started_at: string;
  finished_at: string;
  outcome: string;
  http_status: number | null;
  error_code: string | null;
  error_message: string | null;
  amazon_request_id: string | null;
}

export interface EventsTable {
  /** Auto-increment; a bigint (text from some drivers) on PostgreSQL, so always read through Number(). */
  seq: Generated<number | string>;
  at: string;
  seller_id: string;
  entity_type: string;
  entity_id: string;
  type: string;
  from_state: string | null;
  to_state: string | null;
  reason: string | null;
  /** JSON text or null. */
  data: string | null;
}

export interface SyncCursorsTable {
  seller_id: string;
  marketplace_id: string;
  last_updated_before: string;
  updated_at: string;
}

export interface SkuCategoriesTable {
  seller_id: string;
  sku: string;
  category: string;
  updated_at: string;
}

/** Every table of the store, for `Kysely<Database>`. */
export interface Database {
  sellers: SellersTable;
  marketplaces: MarketplacesTable;
  seller_marketplaces: SellerMarketplacesTable;
  orders: OrdersTable;
  order_items: OrderItemsTable;
  packages: PackagesTable;
  package_items: PackageItemsTable;
  transmission_attempts: TransmissionAttemptsTable;
  events: EventsTable;
  sync_cursors: SyncCursorsTable;
  sku_categories: SkuCategoriesTable;
}
