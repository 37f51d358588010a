import { CATEGORIES } from './categories.js';
import { FOREIGN_CITIES, type MarketplaceDefinition } from './marketplaces.js';
import { Prng } from './prng.js';
import type { CatalogProduct, StoredOrder, StoredOrderItem } from './stored-order.js';

/** What to generate. */
export interface OrderGenerationRequest {
  sellerId: string;
  marketplace: MarketplaceDefinition;
  /** Number of orders. */
  count: number;
  /** Orders are created over the `spreadDays` days before `nowMs`. */
  spreadDays: number;
  seed: number;
  /** Simulated now, epoch ms. */
  nowMs: number;
  /** Order ids already taken (never reused). */
  isTaken: (orderId: string) => boolean;
}

/** Generated orders (oldest first) and the catalog their items come from. */
export interface GeneratedOrders {
  orders: StoredOrder[];
  catalog: CatalogProduct[];
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Newest order is this old, so it is already visible to searchOrders (which lags real time). */
const MIN_AGE_MS = 5 * 60_000;

const PRODUCTS_PER_CATEGORY = 6;
const ADJECTIVES = ['Classic', 'Premium', 'Compact', 'Deluxe', 'Eco', 'Essential', 'Pro', 'Family'];

function endOfUtcDay(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 23, 59, 59);
}

function startOfUtcDay(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

/** The seller's catalog for a seed: a few products in every category. */
export function generateCatalog(seed: number): CatalogProduct[] {
  const prng = new Prng(seed ^ 0x5eed_ca7);
  const catalog: CatalogProduct[] = [];
  let n = 0;
  for (const category of CATEGORIES) {
    const prefix = category.name
      .split(/[^A-Za-z]+/)
      .filter((w) => w.length > 0)
      .map((w) => w[0])
      .join('')
      .toUpperCase();
    for (let i = 0; i < PRODUCTS_PER_CATEGORY; i++) {
      n += 1;
      catalog.push({
        sku: `${prefix}-${String(n).padStart(4, '0')}-${prng.alphanumerics(2)}`,
        asin: `B0${prng.alphanumerics(8)}`,
        title: `${prng.pick(ADJECTIVES)} ${prng.pick(category.nouns)}`,
        category: category.name,
      });
    }
  }
  return catalog;
}

function uniqueOrderId(prng: Prng, taken: (id: string) => boolean, local: Set<string>): string {
  for (;;) {
    const id = `${prng.pick(['202', '203', '204', '205', '206', '026'])}-${prng.digits(7)}-${prng.digits(7)}`;
    if (!taken(id) && !local.has(id)) {
      local.add(id);
      return id;
    }
  }
}

/**
 * Realistic orders for one seller and marketplace, the same for the same request: mostly domestic,
 * some Prime, one to three lines of one to three units, a few cancelled.
 */
export function generateOrders(request: OrderGenerationRequest): GeneratedOrders {
  const prng = new Prng(request.seed);
  const catalog = generateCatalog(request.seed);
  const { marketplace } = request;
  const localIds = new Set<string>();
  const spreadMs = Math.max(0, request.spreadDays * DAY_MS - MIN_AGE_MS);
  const orders: StoredOrder[] = [];

  for (let i = 0; i < request.count; i++) {
    // Whole seconds, as Amazon reports times.
    const createdMs = Math.floor((request.nowMs - MIN_AGE_MS - prng.next() * spreadMs) / 1000) * 1000;
    const prime = prng.chance(0.15);
    const domestic = prng.chance(0.9);
    const countryCode = domestic ? marketplace.countryCode : prng.pick(marketplace.crossBorderCountries);
    const place = domestic
      ? prng.pick(marketplace.addresses)
      : (FOREIGN_CITIES[countryCode] ?? { city: '', postalCode: '' });
    const shipDays = prime ? 1 : prng.int(1, 2);
    const deliverDays = prime ? 2 : prng.int(Math.max(3, shipDays + 1), 5);

    const lineCount = prng.int(1, 3);
    const items: StoredOrderItem[] = [];
    const usedSkus = new Set<string>();
    for (let line = 0; line < lineCount; line++) {
      const product = prng.pick(catalog);
      if (usedSkus.has(product.sku)) continue;
      usedSkus.add(product.sku);
      const category = CATEGORIES.find((c) => c.name === product.category);
      const [low, high] = category?.priceRange ?? [5, 50];
      items.push({
        orderItemId: `${prng.int(1, 9)}${prng.digits(13)}`,
        sku: product.sku,
        asin: product.asin,
        title: product.title,
        category: product.category,
        quantityOrdered: prng.int(1, 3),
        unitPrice: (low + prng.next() * (high - low)).toFixed(2),
      });
    }

    const cancelled = prng.chance(0.03);
    const cancelledMs = Math.min(createdMs + prng.int(1, 12) * HOUR_MS, request.nowMs - MIN_AGE_MS);
    orders.push({
      orderId: uniqueOrderId(prng, request.isTaken, localIds),
      sellerId: request.sellerId,
      marketplaceId: marketplace.marketplaceId,
      createdMs,
      lastUpdatedMs: cancelled ? Math.max(createdMs, cancelledMs) : createdMs,
      status: cancelled ? 'CANCELLED' : 'UNSHIPPED',
      fulfilledBy: 'MERCHANT',
      prime,
      serviceLevel: prime ? 'Expedited' : 'Standard',
      shipByEarliestMs: createdMs,
      shipByLatestMs: endOfUtcDay(createdMs + shipDays * DAY_MS),
      deliverByEarliestMs: startOfUtcDay(createdMs + Math.min(deliverDays, 2) * DAY_MS),
      deliverByLatestMs: endOfUtcDay(createdMs + deliverDays * DAY_MS),
      address: { city: place.city, postalCode: place.postalCode, countryCode },
      currencyCode: marketplace.currencyCode,
      items,
      packages: [],
    });
  }
  orders.sort((a, b) => a.createdMs - b.createdMs || a.orderId.localeCompare(b.orderId));
  return { orders, catalog };
}
