/** A Selling Partner API operation the simulator serves. */
export interface OperationSpec {
  /** Amazon's operationId, also the name used for faults, rate limits and the request log. */
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** Path template exactly as in the model, e.g. `/orders/2026-01-01/orders/{orderId}`. */
  pathTemplate: string;
  /** File name in `amazon-models/` whose paths hold this operation. */
  modelFile: string;
  /** Amazon's published default usage plan. */
  rateLimit: { ratePerSecond: number; burst: number };
}

export const OPERATIONS: readonly OperationSpec[] = [
  {
    operationId: 'searchOrders',
    method: 'GET',
    pathTemplate: '/orders/2026-01-01/orders',
    modelFile: 'orders_2026-01-01.json',
    rateLimit: { ratePerSecond: 0.0056, burst: 20 },
  },
  {
    operationId: 'getOrder',
    method: 'GET',
    pathTemplate: '/orders/2026-01-01/orders/{orderId}',
    modelFile: 'orders_2026-01-01.json',
    rateLimit: { ratePerSecond: 0.5, burst: 30 },
  },
  {
    operationId: 'confirmShipment',
    method: 'POST',
    pathTemplate: '/orders/v0/orders/{orderId}/shipmentConfirmation',
    modelFile: 'ordersV0.json',
    rateLimit: { ratePerSecond: 2, burst: 10 },
  },
  {
    operationId: 'getCatalogItem',
    method: 'GET',
    pathTemplate: '/catalog/2022-04-01/items/{asin}',
    modelFile: 'catalogItems_2022-04-01.json',
    rateLimit: { ratePerSecond: 2, burst: 2 },
  },
  {
    operationId: 'createFeedDocument',
    method: 'POST',
    pathTemplate: '/feeds/2021-06-30/documents',
    modelFile: 'feeds_2021-06-30.json',
    rateLimit: { ratePerSecond: 0.5, burst: 15 },
  },
  {
    operationId: 'getFeedDocument',
    method: 'GET',
    pathTemplate: '/feeds/2021-06-30/documents/{feedDocumentId}',
    modelFile: 'feeds_2021-06-30.json',
    rateLimit: { ratePerSecond: 0.0222, burst: 10 },
  },
  {
    operationId: 'createFeed',
    method: 'POST',
    pathTemplate: '/feeds/2021-06-30/feeds',
    modelFile: 'feeds_2021-06-30.json',
    rateLimit: { ratePerSecond: 0.0083, burst: 15 },
  },
  {
    operationId: 'getFeeds',
    method: 'GET',
    pathTemplate: '/feeds/2021-06-30/feeds',
    modelFile: 'feeds_2021-06-30.json',
    rateLimit: { ratePerSecond: 0.0222, burst: 10 },
  },
  {
    operationId: 'getFeed',
    method: 'GET',
    pathTemplate: '/feeds/2021-06-30/feeds/{feedId}',
    modelFile: 'feeds_2021-06-30.json',
    rateLimit: { ratePerSecond: 2, burst: 15 },
  },
  {
    operationId: 'cancelFeed',
    method: 'DELETE',
    pathTemplate: '/feeds/2021-06-30/feeds/{feedId}',
    modelFile: 'feeds_2021-06-30.json',
    rateLimit: { ratePerSecond: 2, burst: 15 },
  },
];

/** The outcome of matching a request path against the served operations. */
export type RouteMatch =
  | { kind: 'operation'; operation: OperationSpec; pathParams: Record<string, string> }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'none' };

/** Route templates split once: matching runs on every request, so it should not re-split them. */
const SPLIT_TEMPLATES = OPERATIONS.map((operation) => ({
  operation,
  segments: operation.pathTemplate.split('/'),
}));

function matchTemplate(want: readonly string[], path: string): Record<string, string> | null {
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith('{') && w.endsWith('}')) {
      if (g === '') return null;
      let decoded: string;
      try {
        decoded = decodeURIComponent(g);
      } catch {
        decoded = g;
      }
      params[w.slice(1, -1)] = decoded;
    } else if (w !== g) {
      return null;
    }
  }
  return params;
}

export function matchOperation(method: string, path: string): RouteMatch {
  const allowed: string[] = [];
  for (const { operation, segments } of SPLIT_TEMPLATES) {
    const params = matchTemplate(segments, path);
    if (params === null) continue;
    if (operation.method === method) return { kind: 'operation', operation, pathParams: params };
    allowed.push(operation.method);
  }
  return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'none' };
}
