import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Presigned document URLs like S3's: anyone with the URL may use it until it expires, nobody can
 * forge one or extend its expiry.
 */
export class PresignedUrls {
  private readonly secret = randomBytes(32);

  /** A URL path with query for one document and verb, valid until `expiresAtMs` (simulated epoch ms). */
  sign(verb: 'PUT' | 'GET', feedDocumentId: string, expiresAtMs: number): string {
    const signature = this.signature(verb, feedDocumentId, expiresAtMs);
    return `/_documents/${encodeURIComponent(feedDocumentId)}?X-Amz-Expires-At=${expiresAtMs}&X-Amz-Signature=${signature}`;
  }

  /** 'ok', 'expired' or 'invalid' for a presented URL. */
  check(
    verb: 'PUT' | 'GET',
    feedDocumentId: string,
    query: URLSearchParams,
    nowMs: number,
  ): 'ok' | 'expired' | 'invalid' {
    const expiresAtMs = Number(query.get('X-Amz-Expires-At'));
    const given = Buffer.from(query.get('X-Amz-Signature') ?? '');
    const expected = Buffer.from(this.signature(verb, feedDocumentId, expiresAtMs));
    if (
      !Number.isFinite(expiresAtMs) ||
      given.length !== expected.length ||
      !timingSafeEqual(given, expected)
    ) {
      return 'invalid';
    }
    return nowMs > expiresAtMs ? 'expired' : 'ok';
  }

  private signature(verb: string, feedDocumentId: string, expiresAtMs: number): string {
    return createHmac('sha256', this.secret)
      .update(`${verb}\n${feedDocumentId}\n${expiresAtMs}`)
      .digest('hex');
  }
}
