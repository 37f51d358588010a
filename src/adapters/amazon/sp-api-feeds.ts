import { gunzipSync } from 'node:zlib';
import type { FeedStatus, FeedsPort } from '../../ports/feeds.js';
import { MarketplaceError } from '../../ports/marketplace.js';
import type { components } from './generated/feeds-2021-06-30.js';
import { describeNetworkError } from './lwa-token-provider.js';
import { amazonError, type SpApiHttp, type SpApiResponse } from './sp-api-http.js';

type Schemas = components['schemas'];

const FEEDS = '/feeds/2021-06-30';
/** The declared type of the upload; the PUT must repeat it byte for byte or S3 refuses the signature. */
export const ORDER_FULFILLMENT_CONTENT_TYPE = 'text/xml; charset=UTF-8';
const FEED_TYPE = 'POST_ORDER_FULFILLMENT_DATA';
const DOCUMENT_TIMEOUT_MS = 120_000;

export interface SpApiFeedsOptions {
  /** For the presigned-URL requests (upload and download), which go to S3, not SP-API. */
  readonly fetch?: typeof fetch;
}

/**
 * Feeds 2021-06-30 through SP-API: createFeedDocument, upload to the presigned URL, createFeed,
 * getFeed, getFeedDocument and download. SP-API calls go through SpApiHttp (token, pacing,
 * retries); the presigned URLs are plain HTTPS and must not carry the access token.
 */
export class SpApiFeeds implements FeedsPort {
  private readonly fetch: typeof fetch;

  constructor(
    private readonly http: SpApiHttp,
    private readonly marketplaceIds: string[],
    options: SpApiFeedsOptions = {},
  ) {
    this.fetch = options.fetch ?? fetch;
  }

  async submitOrderFulfillmentFeed(xml: string): Promise<{ feedId: string }> {
    let documentId = await this.createAndUpload(xml);
    if (documentId === 'expired') {
      // The URL lives 5 minutes; pacing or a slow network can outlast it. A new document, once.
      documentId = await this.createAndUpload(xml);
      if (documentId === 'expired') {
        throw new MarketplaceError(
          'The feed upload URL had expired twice in a row; will try again later.',
          true,
          403,
        );
      }
    }
    const body: Schemas['CreateFeedSpecification'] = {
      feedType: FEED_TYPE,
      marketplaceIds: this.marketplaceIds,
      inputFeedDocumentId: documentId,
    };
    const res = await this.http.call('createFeed', 'POST', `${FEEDS}/feeds`, { body });
    const created = expectStatus<Schemas['CreateFeedResponse']>('createFeed', res, 202);
    return { feedId: created.feedId };
  }

  async getFeedStatus(feedId: string): Promise<{ status: FeedStatus; resultDocumentId: string | null }> {
    const res = await this.http.call('getFeed', 'GET', `${FEEDS}/feeds/${encodeURIComponent(feedId)}`);
    const feed = expectStatus<Schemas['Feed']>('getFeed', res, 200);
    return { status: feed.processingStatus, resultDocumentId: feed.resultFeedDocumentId ?? null };
  }

  async downloadResult(documentId: string): Promise<string> {
    const res = await this.http.call(
      'getFeedDocument',
      'GET',
      `${FEEDS}/documents/${encodeURIComponent(documentId)}`,
    );
    const doc = expectStatus<Schemas['FeedDocument']>('getFeedDocument', res, 200);
    const response = await this.document(doc.url, { method: 'GET' }, 'download the feed result');
    if (!response.ok) {
      const message = await s3Message(response);
      throw new MarketplaceError(
        `Downloading feed result ${documentId} failed: HTTP ${response.status} ${message}`,
        // An expired URL is cured by asking getFeedDocument for a fresh one.
        response.status >= 500 || (response.status === 403 && /expired/i.test(message)),
        response.status,
      );
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    if (doc.compressionAlgorithm !== 'GZIP') return bytes.toString('utf8');
    try {
      return gunzipSync(bytes).toString('utf8');
    } catch (e) {
      throw new MarketplaceError(
        `Feed result ${documentId} was announced as GZIP but could not be decompressed: ${(e as Error).message}`,
        true,
      );
    }
  }

  /** Creates a document and uploads `xml` to it; 'expired' when the presigned URL had expired. */
  private async createAndUpload(xml: string): Promise<string | 'expired'> {
    const spec: Schemas['CreateFeedDocumentSpecification'] = { contentType: ORDER_FULFILLMENT_CONTENT_TYPE };
    const res = await this.http.call('createFeedDocument', 'POST', `${FEEDS}/documents`, { body: spec });
    const doc = expectStatus<Schemas['CreateFeedDocumentResponse']>('createFeedDocument', res, 201);
    const put = await this.document(
      doc.url,
      { method: 'PUT', headers: { 'content-type': ORDER_FULFILLMENT_CONTENT_TYPE }, body: xml },
      'upload the feed',
    );
    if (put.ok) return doc.feedDocumentId;
    const message = await s3Message(put);
    if (put.status === 403 && /expired/i.test(message)) return 'expired';
    throw new MarketplaceError(
      `Uploading the feed document failed: HTTP ${put.status} ${message}`,
      put.status >= 500,
      put.status,
    );
  }

  private async document(url: string, init: RequestInit, what: string): Promise<Response> {
    try {
      return await this.fetch(url, { ...init, signal: AbortSignal.timeout(DOCUMENT_TIMEOUT_MS) });
    } catch (e) {
      throw new MarketplaceError(`Could not ${what}: ${describeNetworkError(e)}`, true);
    }
  }
}

/** The body of an answer with the expected status; anything else is a fault of the request. */
function expectStatus<T>(operation: string, res: SpApiResponse, expected: number): T {
  if (res.status === expected && res.body !== null && typeof res.body === 'object') return res.body as T;
  const err = amazonError(res.body);
  throw new MarketplaceError(
    `Amazon answered ${operation} with HTTP ${res.status}${err ? ` ${err.code}: ${err.message}` : ''}${res.requestId ? ` (request ${res.requestId})` : ''}.`,
    // 2xx with an unexpected shape or status may be transient; a 4xx will fail the same way again.
    res.status < 400,
    res.status,
    err?.code ?? null,
  );
}

/** S3 explains presigned-URL failures in a small XML body: `<Error><Code/><Message/></Error>`. */
async function s3Message(res: Response): Promise<string> {
  const body = await res.text().catch(() => '');
  const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
  const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1];
  return [code, message].filter(Boolean).join(': ') || body.slice(0, 200);
}
