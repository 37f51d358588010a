import { MarketplaceError } from '../../ports/marketplace.js';

/** Login with Amazon credentials of one seller authorisation. Secrets: never log them. */
export interface LwaCredentials {
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
}

export interface LwaTokenProviderOptions {
  /** Renew this long before the token expires. Default 60000 ms. */
  readonly renewBeforeExpiryMs?: number;
  /** Request timeout. Default 15000 ms. */
  readonly timeoutMs?: number;
  readonly nowMs?: () => number;
  readonly fetch?: typeof fetch;
}

/**
 * Exchanges the refresh token for an access token and caches it until shortly before it expires.
 * Concurrent callers share one exchange.
 */
export class LwaTokenProvider {
  private cached: { token: string; expiresAtMs: number } | null = null;
  private inFlight: Promise<string> | null = null;
  private readonly renewMs: number;
  private readonly timeoutMs: number;
  private readonly nowMs: () => number;
  private readonly fetchFn: typeof fetch;
  /** How many token exchanges were made (for tests and `doctor`). */
  exchanges = 0;

  constructor(
    private readonly credentials: LwaCredentials,
    options: LwaTokenProviderOptions = {},
  ) {
    this.renewMs = options.renewBeforeExpiryMs ?? 60_000;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.nowMs = options.nowMs ?? Date.now;
    this.fetchFn = options.fetch ?? fetch;
  }

  /** A valid access token, from the cache when it is still good. */
  async accessToken(): Promise<string> {
    if (this.cached && this.nowMs() < this.cached.expiresAtMs - this.renewMs) return this.cached.token;
    this.inFlight ??= this.exchange().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** Forgets the cached token (after Amazon said it is not valid any more). */
  invalidate(): void {
    this.cached = null;
  }

  private async exchange(): Promise<string> {
    const body = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: this.credentials.refreshToken,
      client_id: this.credentials.clientId,
      client_secret: this.credentials.clientSecret,
    });
    let response: Response;
    try {
      response = await this.fetchFn(this.credentials.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      throw new MarketplaceError(
        `Could not reach the Login with Amazon token URL ${this.credentials.tokenUrl}: ${describeNetworkError(e)}. Check LWA_TOKEN_URL and the network.`,
        true,
      );
    }
    this.exchanges++;
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // Not JSON: reported below with the status.
    }
    if (!response.ok) {
      const code = typeof json.error === 'string' ? json.error : `HTTP ${response.status}`;
      throw new MarketplaceError(
        lwaAdvice(code, response.status),
        response.status >= 500,
        response.status,
        code,
      );
    }
    const token = json.access_token;
    const expiresIn = Number(json.expires_in);
    if (typeof token !== 'string' || !Number.isFinite(expiresIn)) {
      throw new MarketplaceError(
        'Login with Amazon answered without an access token. Check LWA_TOKEN_URL.',
        true,
      );
    }
    this.cached = { token, expiresAtMs: this.nowMs() + expiresIn * 1000 };
    return token;
  }
}

function lwaAdvice(code: string, status: number): string {
  switch (code) {
    case 'invalid_client':
      return 'Login with Amazon refused the client id or client secret (invalid_client). Check LWA_CLIENT_ID and LWA_CLIENT_SECRET against your app in Seller Central > Develop Apps.';
    case 'invalid_grant':
      return 'Login with Amazon refused the refresh token (invalid_grant): it is wrong, revoked, or belongs to another app. Re-authorise the app for the seller and set LWA_REFRESH_TOKEN to the new token.';
    case 'unauthorized_client':
      return 'Login with Amazon says this client may not use refresh tokens (unauthorized_client). Check the app registration.';
    default:
      return `Login with Amazon refused the token exchange (${code}, HTTP ${status}).`;
  }
}

/** A short, secret-free description of a fetch failure. */
export function describeNetworkError(e: unknown): string {
  if (e instanceof Error) {
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'timed out';
    const cause = (e as Error & { cause?: { code?: string } }).cause;
    return cause?.code ?? e.message;
  }
  return String(e);
}
