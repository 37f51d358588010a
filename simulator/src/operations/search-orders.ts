import { invalidInput } from '../errors.js';
import { toApiOrder } from '../world/order-view.js';
import type { StoredOrder } from '../world/stored-order.js';
import { type OperationRequest, type OperationResult, stringList } from './operation.js';

const DEFAULT_PAGE_SIZE = 100;
const TOKEN_LIFETIME_MS = 24 * 3_600_000;

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

function time(params: Record<string, unknown>, name: string): number | undefined {
  const value = params[name];
  return typeof value === 'string' ? Date.parse(value) : undefined;
}

/** Orders API 2026-01-01 `searchOrders`. */
export function searchOrders(request: OperationRequest): OperationResult {
  const { params, credentials, world } = request;
  const nowMs = world.clock.nowMs();
  const createdAfter = time(params, 'createdAfter');
  const createdBefore = time(params, 'createdBefore');
  const lastUpdatedAfter = time(params, 'lastUpdatedAfter');
  const lastUpdatedBefore = time(params, 'lastUpdatedBefore');

  if ((createdAfter === undefined) === (lastUpdatedAfter === undefined)) {
    throw invalidInput(
      'Exactly one of createdAfter and lastUpdatedAfter must be provided.',
      'createdAfter, lastUpdatedAfter',
    );
  }
  const byCreation = createdAfter !== undefined;
  if (byCreation && lastUpdatedBefore !== undefined) {
    throw invalidInput('lastUpdatedBefore cannot be combined with createdAfter.', 'lastUpdatedBefore');
  }
  if (!byCreation && createdBefore !== undefined) {
    throw invalidInput('createdBefore cannot be combined with lastUpdatedAfter.', 'createdBefore');
  }
  const afterName = byCreation ? 'createdAfter' : 'lastUpdatedAfter';
  const beforeName = byCreation ? 'createdBefore' : 'lastUpdatedBefore';
  const afterMs = (byCreation ? createdAfter : lastUpdatedAfter) ?? 0;
  const requestedBeforeMs = byCreation ? createdBefore : lastUpdatedBefore;
  const latestBoundMs = nowMs - request.searchLagMs;
  if (afterMs > nowMs) throw invalidInput(`${afterName} cannot be in the future.`, afterName);
  if (requestedBeforeMs !== undefined) {
    if (requestedBeforeMs < afterMs) {
      throw invalidInput(`${beforeName} must be equal to or after ${afterName}.`, beforeName);
    }
    if (requestedBeforeMs > latestBoundMs) {
      throw invalidInput(
        `${beforeName} must be at least two minutes before the time of the request.`,
        beforeName,
      );
    }
  }

  const maxResults = (params.maxResultsPerPage as number | undefined) ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 100) {
    throw invalidInput('maxResultsPerPage must be between 1 and 100.', 'maxResultsPerPage');
  }

  const marketplaceIds = stringList(params.marketplaceIds) ?? credentials.marketplaceIds;
  for (const id of marketplaceIds) {
    if (!credentials.marketplaceIds.includes(id)) {
      throw invalidInput(`Invalid marketplace id ${id}: the seller does not sell in it.`, 'marketplaceIds');
    }
  }
  const fulfilledBy = stringList(params.fulfilledBy);
  const statuses = stringList(params.fulfillmentStatuses);
  const included = new Set(stringList(params.includedData) ?? []);

  const filters = JSON.stringify([
    afterName,
    afterMs,
    requestedBeforeMs ?? null,
    [...marketplaceIds].sort(),
    fulfilledBy ? [...fulfilledBy].sort() : null,
    statuses ? [...statuses].sort() : null,
  ]);

  let boundMs = requestedBeforeMs ?? latestBoundMs;
  let cursor: { createdMs: number; orderId: string } | null = null;
  const token = params.paginationToken;
  if (typeof token === 'string') {
    const decoded = request.pagination.decode(token);
    if (decoded === null || decoded.sellerId !== credentials.sellerId) {
      throw invalidInput('Invalid paginationToken.', 'paginationToken');
    }
    if (decoded.filters !== filters) {
      throw invalidInput(
        'The paginationToken was issued for other search parameters; send the same parameters as the first request.',
        'paginationToken',
      );
    }
    if (nowMs > decoded.expiresAtMs)
      throw invalidInput('The paginationToken has expired.', 'paginationToken');
    boundMs = decoded.boundMs;
    cursor = { createdMs: decoded.afterCreatedMs, orderId: decoded.afterOrderId };
  }

  const inWindow = (order: StoredOrder): boolean => {
    const t = byCreation ? order.createdMs : order.lastUpdatedMs;
    return t >= afterMs && t <= boundMs;
  };
  const matches = world
    .ordersOf(credentials.sellerId)
    .filter(
      (o) =>
        marketplaceIds.includes(o.marketplaceId) &&
        inWindow(o) &&
        (fulfilledBy === undefined || fulfilledBy.includes(o.fulfilledBy)) &&
        (statuses === undefined || statuses.includes(o.status)),
    )
    // Creation time never changes, so paging over it stays stable while orders are being updated.
    .sort((a, b) => a.createdMs - b.createdMs || a.orderId.localeCompare(b.orderId))
    .filter(
      (o) =>
        cursor === null ||
        o.createdMs > cursor.createdMs ||
        (o.createdMs === cursor.createdMs && o.orderId > cursor.orderId),
    );

  const page = matches.slice(0, maxResults);
  const body: Record<string, unknown> = {
    orders: page.map((o) => toApiOrder(o, included, (pkg) => world.packageStatus(pkg))),
  };
  const last = page[page.length - 1];
  if (matches.length > page.length && last !== undefined) {
    body.pagination = {
      nextToken: request.pagination.encode({
        sellerId: credentials.sellerId,
        filters,
        boundMs,
        afterCreatedMs: last.createdMs,
        afterOrderId: last.orderId,
        expiresAtMs: nowMs + TOKEN_LIFETIME_MS,
      }),
    };
  }
  // Either bound lets a client resume with lastUpdatedAfter without a gap.
  body.lastUpdatedBefore = iso(boundMs);
  if (byCreation) body.createdBefore = iso(boundMs);
  return { status: 200, body };
}
