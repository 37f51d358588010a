import { randomBytes } from 'node:crypto';
import type { SimClock } from '../clock.js';

/** Test credentials of one selling partner (an app authorised by one seller). */
export interface SimCredentials {
  /** LWA client id of the application. */
  clientId: string;
  clientSecret: string;
  /** The seller's authorisation of the application; identifies the seller. */
  refreshToken: string;
  sellerId: string;
  /** Marketplaces the seller sells in. */
  marketplaceIds: string[];
}

/** Why a token was refused: the `details` Amazon gives. */
export type TokenCheck = { ok: true; credentials: SimCredentials } | { ok: false; details: string };

/** Access tokens issued by the LWA endpoint, each bound to the credentials it was issued for. */
export class AccessTokens {
  private readonly tokens = new Map<string, { credentials: SimCredentials; expiresAtMs: number }>();

  constructor(
    private readonly clock: SimClock,
    /** Lifetime of an access token in simulated seconds. */
    readonly ttlSeconds: number,
  ) {}

  issue(credentials: SimCredentials): string {
    const token = `Atza|${randomBytes(24).toString('base64url')}`;
    this.tokens.set(token, { credentials, expiresAtMs: this.clock.nowMs() + this.ttlSeconds * 1000 });
    return token;
  }

  check(token: string | undefined): TokenCheck {
    if (token === undefined || token === '')
      return { ok: false, details: 'Access token is missing in the request header.' };
    const entry = this.tokens.get(token);
    if (entry === undefined) {
      return { ok: false, details: 'The access token you provided is revoked, malformed or invalid.' };
    }
    if (this.clock.nowMs() >= entry.expiresAtMs) {
      return { ok: false, details: 'The access token you provided has expired.' };
    }
    return { ok: true, credentials: entry.credentials };
  }
}
