import { AMAZON_RATES, type AmazonOperation } from '../../core/rate-limit/amazon-rates.js';
import {
  drained,
  fullBucket,
  reserve,
  type TokenBucket,
  withRate,
} from '../../core/rate-limit/token-bucket.js';
import { MarketplaceError } from '../../ports/marketplace.js';
import type { QuotaView } from '../../ports/quota.js';
import { describeNetworkError, type LwaTokenProvider } from './lwa-token-provider.js';

export interface SpApiHttpOptions {
  /** SP-API base URL, without a trailing slash. */
  readonly endpoint: string;
  readonly tokens: LwaTokenProvider;
  /** Tries per call for throttling, 5xx and network faults. Default 4. */
  readonly maxAttempts?: number;
  /** First backoff; doubles per try, with full jitter. Default 500 ms. */
  readonly retryBaseDelayMs?: number;
  /** Longest backoff. Default 8000 ms. */
  readonly retryMaxDelayMs?: number;
  /** Per-request timeout. Default 30000 ms. */
  readonly timeoutMs?: number;
  /** Pace calls by Amazon's published token buckets. Default true. */
  readonly rateLimits?: boolean;
  readonly nowMs?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly fetch?: typeof fetch;
}

export interface SpApiRequest {
  readonly query?: Record<string, string | number | readonly string[] | undefined>;
  readonly body?: unknown;
}

export interface SpApiResponse {
  readonly status: number;
  readonly body: unknown;
  readonly requestId: string | null;
}

/** The first error of Amazon's `{errors:[{code,message,details}]}` body, if there is one. */
export function amazonError(body: unknown): { code: string; message: string; details?: string } | null {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return null;
  const e = errors[0] as { code?: unknown; message?: unknown; details?: unknown };
  return {
    code: typeof e.code === 'string' ? e.code : 'Unknown',
    message: typeof e.message === 'string' ? e.message : '',
    ...(typeof e.details === 'string' && e.details !== '' ? { details: e.details } : {}),
  };
}

/**
 * Calls SP-API operations: access token, pacing by per-operation token buckets (adjusted from
 * `x-amzn-RateLimit-Limit`), and retries with capped exponential backoff and jitter for 429, 5xx,
 * timeouts and dropped connections. 2xx and 4xx answers are returned for the caller to interpret.
 */
export class SpApiHttp implements QuotaView {
  private readonly buckets = new Map<AmazonOperation, TokenBucket>();
  private readonly o: Required<Omit<SpApiHttpOptions, 'tokens' | 'endpoint'>>;
  /** Calls that Amazon throttled with 429 (for metrics). */
  throttled = 0;

  constructor(private readonly options: SpApiHttpOptions) {
    this.o = {
      maxAttempts: options.maxAttempts ?? 4,
      retryBaseDelayMs: options.retryBaseDelayMs ?? 500,
      retryMaxDelayMs: options.retryMaxDelayMs ?? 8000,
      timeoutMs: options.timeoutMs ?? 30_000,
      rateLimits: options.rateLimits ?? true,
      nowMs: options.nowMs ?? Date.now,
      sleep: options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
      random: options.random ?? Math.random,
      fetch: options.fetch ?? fetch,
    };
  }

  get endpoint(): string {
    return this.options.endpoint;
  }

  async call(
    operation: AmazonOperation,
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    req: SpApiRequest = {},
  ) {
    const url = this.url(path, req.query);
    let lastFault = '';
    let refreshedToken = false;
    for (let attempt = 1; attempt <= this.o.maxAttempts; attempt++) {
      await this.pace(operation);
      const token = await this.options.tokens.accessToken();
      let response: Response;
      try {
        response = await this.o.fetch(url, {
          method,
          headers: {
            'x-amz-access-token': token,
            'user-agent': 'ShipConfirm/0.1 (Language=TypeScript; Platform=Node.js)',
            accept: 'application/json',
            ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
          signal: AbortSignal.timeout(this.o.timeoutMs),
        });
      } catch (e) {
        lastFault = `network: ${describeNetworkError(e)}`;
        await this.backoff(attempt);
        continue;
      }
      const text = await response.text().catch(() => '');
      const body = parseJson(text);
      const requestId = response.headers.get('x-amzn-requestid');
      this.adoptAnnouncedRate(operation, response.headers.get('x-amzn-ratelimit-limit'));

      if (response.status === 429) {
        this.throttled++;
        this.buckets.set(operation, drained(this.bucket(operation), this.o.nowMs()));
        lastFault = 'throttled (429 QuotaExceeded)';
        await this.backoff(attempt);
        continue;
      }
      if (response.status >= 500) {
        lastFault = `HTTP ${response.status}${amazonError(body) ? ` ${amazonError(body)!.code}` : ''}`;
        await this.backoff(attempt);
        continue;
      }
      if (response.status === 403 && !refreshedToken) {
        // The token may have expired early or been revoked: get a fresh one once.
        refreshedToken = true;
        this.options.tokens.invalidate();
        attempt--;
        continue;
      }
      if (response.status === 401 || response.status === 403) {
        const err = amazonError(body);
        throw new MarketplaceError(
          `Amazon refused access to ${operation} (HTTP ${response.status}${err ? ` ${err.code}: ${err.message}` : ''}). Check that the app is authorised for this seller and has the Orders role.`,
          false,
          response.status,
          err?.code ?? null,
        );
      }
      return { status: response.status, body, requestId } satisfies SpApiResponse;
    }
    throw new MarketplaceError(
      `Amazon did not answer ${operation} after ${this.o.maxAttempts} tries (last: ${lastFault}).`,
      true,
    );
  }

  private url(path: string, query: SpApiRequest['query']): string {
    const u = new URL(this.options.endpoint + path);
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v === undefined) continue;
      u.searchParams.set(k, Array.isArray(v) ? v.join(',') : String(v));
    }
    return u.toString();
  }

  /** The current token bucket of an operation (QuotaView). */
  bucket(op: AmazonOperation): TokenBucket {
    let b = this.buckets.get(op);
    if (!b) {
      const rate = AMAZON_RATES[op];
      b = fullBucket(rate.ratePerSecond, rate.burst, this.o.nowMs());
      this.buckets.set(op, b);
    }
    return b;
  }

  private async pace(op: AmazonOperation): Promise<void> {
    if (!this.o.rateLimits) return;
    const r = reserve(this.bucket(op), this.o.nowMs());
    this.buckets.set(op, r.bucket);
    if (r.waitMs > 0) await this.o.sleep(r.waitMs);
  }

  private adoptAnnouncedRate(op: AmazonOperation, header: string | null): void {
    if (header === null) return;
    this.buckets.set(op, withRate(this.bucket(op), Number(header)));
  }

  private async backoff(attempt: number): Promise<void> {
    if (attempt >= this.o.maxAttempts) return;
    const cap = Math.min(this.o.retryMaxDelayMs, this.o.retryBaseDelayMs * 2 ** (attempt - 1));
    await this.o.sleep(Math.round(cap / 2 + (this.o.random() * cap) / 2));
  }
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return { raw: text.slice(0, 500) };
  }
}
