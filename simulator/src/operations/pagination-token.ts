import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a searchOrders `nextToken` carries between pages. */
export interface PageCursor {
  sellerId: string;
  /** Canonical form of the filters the first page was asked with. */
  filters: string;
  /** Upper time bound fixed by the first page, epoch ms. */
  boundMs: number;
  /** Sort key of the last order returned: creation time (ms) and order id. */
  afterCreatedMs: number;
  afterOrderId: string;
  /** Simulated time the token stops being accepted, epoch ms. */
  expiresAtMs: number;
}

/**
 * Opaque, signed pagination tokens: a client can carry them between calls but cannot forge or alter
 * one, and a token from another simulator run is refused.
 */
export class PaginationTokens {
  private readonly secret = randomBytes(32);

  encode(cursor: PageCursor | object): string {
    const payload = Buffer.from(JSON.stringify(cursor)).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** The cursor, or null when the token is malformed or was not issued by this simulator. */
  decode<T = PageCursor>(token: string): T | null {
    const [payload, signature, extra] = token.split('.');
    if (payload === undefined || signature === undefined || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as T;
    } catch {
      return null;
    }
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
