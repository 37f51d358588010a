import type { SimCredentials } from '../auth/access-tokens.js';
import type { PresignedUrls } from '../feeds/presigned-url.js';
import type { Fault } from '../world/faults.js';
import type { SimWorld } from '../world/world.js';
import type { PaginationTokens } from './pagination-token.js';

/** Everything an operation handler may use; the request already passed auth, limits and the model. */
export interface OperationRequest {
  world: SimWorld;
  /** The caller, identified by its access token. */
  credentials: SimCredentials;
  /** Path and query parameters, typed as the model declares them. */
  params: Record<string, unknown>;
  /** Parsed JSON body, already valid against the model (undefined for operations without one). */
  body: unknown;
  pagination: PaginationTokens;
  /** Takes one use of an active fault of this kind for the operation; true when there was one. */
  takeFault: (kind: Fault['kind']) => boolean;
  /** Signs document upload and download URLs. */
  urls: PresignedUrls;
  /** The simulator's own base URL, for the URLs it hands out. */
  baseUrl: string;
  /** How far searchOrders' results trail the simulated now, in ms. */
  searchLagMs: number;
}

/** A successful answer; refusals are thrown as SpApiError. */
export interface OperationResult {
  status: number;
  /** JSON body; undefined for an empty body (e.g. 204). */
  body?: unknown;
}

export type OperationHandler = (request: OperationRequest) => OperationResult;

/** A query parameter typed as a string array by the model. */
export function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.map(String) : undefined;
}
