import type { AmazonOperation } from '../core/rate-limit/amazon-rates.js';
import type { TokenBucket } from '../core/rate-limit/token-bucket.js';

/** Where the Amazon client's token buckets stand now, for planning which path to use. */
export interface QuotaView {
  /** The current bucket of an operation (Amazon's published plan until Amazon says otherwise). */
  bucket(operation: AmazonOperation): TokenBucket;
}
