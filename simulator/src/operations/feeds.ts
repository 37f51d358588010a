import { invalidInput, notFound } from '../errors.js';
import { SUPPORTED_FEED_TYPES } from '../feeds/feed-processor.js';
import type { FeedRecord } from '../feeds/feed-store.js';
import { type OperationRequest, type OperationResult, stringList } from './operation.js';

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/** Feeds 2021-06-30 `createFeedDocument`: a document id and a presigned upload URL (5 minutes). */
export function createFeedDocument(request: OperationRequest): OperationResult {
  const { world } = request;
  const { contentType } = request.body as { contentType: string };
  const nowMs = world.clock.nowMs();
  const id = world.feeds.nextDocumentId();
  const expiresAtMs = request.takeFault('expired-upload-url')
    ? nowMs - 1
    : nowMs + world.feedSettings.urlLifetimeMs;
  world.feeds.documents.set(id, {
    feedDocumentId: id,
    sellerId: request.credentials.sellerId,
    contentType,
    createdMs: nowMs,
    uploadExpiresAtMs: expiresAtMs,
  });
  return {
    status: 201,
    body: { feedDocumentId: id, url: `${request.baseUrl}${request.urls.sign('PUT', id, expiresAtMs)}` },
  };
}

/** Feeds 2021-06-30 `createFeed`: queues a feed; it is processed as the simulated clock passes. */
export function createFeed(request: OperationRequest): OperationResult {
  const { world, credentials } = request;
  const spec = request.body as { feedType: string; marketplaceIds: string[]; inputFeedDocumentId: string };
  if (!(SUPPORTED_FEED_TYPES as readonly string[]).includes(spec.feedType)) {
    throw invalidInput(
      `Invalid feedType ${spec.feedType}: the simulator processes ${SUPPORTED_FEED_TYPES.join(' and ')}.`,
      'feedType',
    );
  }
  for (const id of spec.marketplaceIds) {
    if (!credentials.marketplaceIds.includes(id)) {
      throw invalidInput(`Invalid marketplace id ${id}: the seller does not sell in it.`, 'marketplaceIds');
    }
  }
  const document = world.feeds.documents.get(spec.inputFeedDocumentId);
  if (document === undefined || document.sellerId !== credentials.sellerId) {
    throw invalidInput(`Invalid inputFeedDocumentId ${spec.inputFeedDocumentId}.`, 'inputFeedDocumentId');
  }
  const nowMs = world.clock.nowMs();
  const feed: FeedRecord = {
    feedId: world.feeds.nextFeedId(),
    sellerId: credentials.sellerId,
    feedType: spec.feedType,
    marketplaceIds: [...spec.marketplaceIds],
    inputFeedDocumentId: spec.inputFeedDocumentId,
    createdMs: nowMs,
    status: 'IN_QUEUE',
    startsAtMs: nowMs + world.feedSettings.queueMs,
    endsAtMs: nowMs + world.feedSettings.queueMs + world.feedSettings.processingMs,
    forceFatal: request.takeFault('feed-fatal'),
  };
  world.feeds.feeds.set(feed.feedId, feed);
  return { status: 202, body: { feedId: feed.feedId } };
}

function ownFeed(request: OperationRequest): FeedRecord {
  const feedId = String(request.params.feedId);
  const feed = request.world.feeds.feeds.get(feedId);
  if (feed === undefined || feed.sellerId !== request.credentials.sellerId) {
    throw notFound(`Feed ${feedId} was not found.`, feedId);
  }
  return feed;
}

interface FeedsCursor {
  sellerId: string;
  filters: string;
  offset: number;
}

const DAY_MS = 86_400_000;

/** Feeds 2021-06-30 `getFeeds`: the seller's feeds, newest first, filtered and paged. */
export function getFeeds(request: OperationRequest): OperationResult {
  const { params, world, credentials } = request;
  const nowMs = world.clock.nowMs();
  let filters: {
    types?: string[];
    marketplaces?: string[];
    statuses?: string[];
    sinceMs: number;
    untilMs: number;
  };
  let offset = 0;
  if (typeof params.nextToken === 'string') {
    const cursor = request.pagination.decode<FeedsCursor>(params.nextToken);
    if (cursor === null || cursor.sellerId !== credentials.sellerId)
      throw invalidInput('Invalid nextToken.', 'nextToken');
    filters = JSON.parse(cursor.filters) as typeof filters;
    offset = cursor.offset;
  } else {
    const types = stringList(params.feedTypes);
    if (types === undefined)
      throw invalidInput('feedTypes is required unless nextToken is given.', 'feedTypes');
    const sinceMs =
      typeof params.createdSince === 'string' ? Date.parse(params.createdSince) : nowMs - 90 * DAY_MS;
    const untilMs = typeof params.createdUntil === 'string' ? Date.parse(params.createdUntil) : nowMs;
    if (sinceMs < nowMs - 90 * DAY_MS)
      throw invalidInput('createdSince cannot be more than 90 days ago.', 'createdSince');
    if (untilMs < sinceMs) throw invalidInput('createdUntil must be after createdSince.', 'createdUntil');
    const marketplaces = stringList(params.marketplaceIds);
    const statuses = stringList(params.processingStatuses);
    filters = {
      types,
      sinceMs,
      untilMs,
      ...(marketplaces === undefined ? {} : { marketplaces }),
      ...(statuses === undefined ? {} : { statuses }),
    };
  }
  const pageSize = (params.pageSize as number | undefined) ?? 10;
  const matches = [...world.feeds.feeds.values()]
    .filter(
      (f) =>
        f.sellerId === credentials.sellerId &&
        (filters.types === undefined || filters.types.includes(f.feedType)) &&
        (filters.marketplaces === undefined ||
          f.marketplaceIds.some((m) => filters.marketplaces?.includes(m))) &&
        (filters.statuses === undefined || filters.statuses.includes(f.status)) &&
        f.createdMs >= filters.sinceMs &&
        f.createdMs <= filters.untilMs,
    )
    .sort((a, b) => b.createdMs - a.createdMs || b.feedId.localeCompare(a.feedId));
  const page = matches.slice(offset, offset + pageSize);
  const body: Record<string, unknown> = { feeds: page.map(feedView) };
  if (offset + pageSize < matches.length) {
    body.nextToken = request.pagination.encode({
      sellerId: credentials.sellerId,
      filters: JSON.stringify(filters),
      offset: offset + pageSize,
    } satisfies FeedsCursor);
  }
  return { status: 200, body };
}

/** Feeds 2021-06-30 `getFeed`. */
export function getFeed(request: OperationRequest): OperationResult {
  return { status: 200, body: feedView(ownFeed(request)) };
}

function feedView(feed: FeedRecord): Record<string, unknown> {
  const body: Record<string, unknown> = {
    feedId: feed.feedId,
    feedType: feed.feedType,
    marketplaceIds: feed.marketplaceIds,
    createdTime: iso(feed.createdMs),
    processingStatus: feed.status,
  };
  if (feed.status !== 'IN_QUEUE' && feed.status !== 'CANCELLED')
    body.processingStartTime = iso(feed.startsAtMs);
  if (feed.status === 'DONE' || feed.status === 'FATAL') body.processingEndTime = iso(feed.endsAtMs);
  if (feed.resultFeedDocumentId !== undefined) body.resultFeedDocumentId = feed.resultFeedDocumentId;
  return body;
}

/** Feeds 2021-06-30 `cancelFeed`: only a feed still IN_QUEUE can be cancelled. */
export function cancelFeed(request: OperationRequest): OperationResult {
  const feed = ownFeed(request);
  if (feed.status !== 'IN_QUEUE') {
    throw invalidInput(`Feed ${feed.feedId} is ${feed.status} and can no longer be cancelled.`, feed.feedId);
  }
  feed.status = 'CANCELLED';
  return { status: 200 };
}

/** Feeds 2021-06-30 `getFeedDocument`: a presigned download URL (5 minutes) and the compression. */
export function getFeedDocument(request: OperationRequest): OperationResult {
  const id = String(request.params.feedDocumentId);
  const document = request.world.feeds.documents.get(id);
  // Amazon keeps feed documents for 28 days.
  const expired = document !== undefined && request.world.clock.nowMs() - document.createdMs > 28 * DAY_MS;
  if (document === undefined || document.sellerId !== request.credentials.sellerId || expired) {
    throw notFound(`Feed document ${id} was not found.`, id);
  }
  const expiresAtMs = request.world.clock.nowMs() + request.world.feedSettings.urlLifetimeMs;
  const body: Record<string, unknown> = {
    feedDocumentId: id,
    url: `${request.baseUrl}${request.urls.sign('GET', id, expiresAtMs)}`,
  };
  if (document.compression !== undefined) body.compressionAlgorithm = document.compression;
  return { status: 200, body };
}
