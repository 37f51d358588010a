/** Feed processing states of Feeds 2021-06-30. */
export type FeedStatus = 'IN_QUEUE' | 'IN_PROGRESS' | 'DONE' | 'FATAL' | 'CANCELLED';

/** A feed document: uploaded input, or a processing report Amazon produced. */
export interface FeedDocumentRecord {
  feedDocumentId: string;
  sellerId: string;
  /** Content-Type declared in createFeedDocument; the upload must send the same. */
  contentType: string;
  createdMs: number;
  /** The presigned upload URL stops working at this simulated time (epoch ms). */
  uploadExpiresAtMs: number;
  /** Bytes as stored (GZIP-compressed when `compression` is set). */
  content?: Buffer;
  compression?: 'GZIP';
}

/** A submitted feed. Times are simulated epoch ms. */
export interface FeedRecord {
  feedId: string;
  sellerId: string;
  feedType: string;
  marketplaceIds: string[];
  inputFeedDocumentId: string;
  createdMs: number;
  status: FeedStatus;
  /** Moves to IN_PROGRESS at this time. */
  startsAtMs: number;
  /** Finishes (DONE or FATAL) at this time. */
  endsAtMs: number;
  /** An injected fault: finish FATAL whatever the document says. */
  forceFatal: boolean;
  resultFeedDocumentId?: string;
}

/** How feeds are processed; times on the simulated clock (so speedFactor scales them). */
export interface FeedSettings {
  /** Time spent IN_QUEUE, in ms. */
  queueMs: number;
  /** Time spent IN_PROGRESS, in ms. */
  processingMs: number;
  /** Compress processing reports with GZIP (getFeedDocument then says compressionAlgorithm GZIP). */
  gzipReports: boolean;
  /** Lifetime of presigned upload and download URLs, in ms. */
  urlLifetimeMs: number;
}

export const DEFAULT_FEED_SETTINGS: FeedSettings = {
  queueMs: 30_000,
  processingMs: 90_000,
  gzipReports: false,
  urlLifetimeMs: 5 * 60_000,
};

/** Feeds and feed documents Amazon holds, with ids in Amazon's shapes. */
export class FeedStore {
  readonly documents = new Map<string, FeedDocumentRecord>();
  readonly feeds = new Map<string, FeedRecord>();
  private sequence = 0;

  nextFeedId(): string {
    this.sequence += 1;
    return String(50_000_000_000 + this.sequence);
  }

  nextDocumentId(): string {
    this.sequence += 1;
    return `amzn1.tortuga.4.eu.${crypto.randomUUID()}.T${String(this.sequence).padStart(6, '0')}`;
  }
}
