import { adviceForAmazonRefusal } from '../core/amazon-refusal-advice.js';
import {
  buildOrderFulfillmentDocuments,
  type FeedLimits,
  type OrderFulfillmentDocument,
} from '../core/feeds/order-fulfillment-xml.js';
import {
  type MessageOutcome,
  messageOutcomes,
  parseProcessingReport,
} from '../core/feeds/processing-report.js';
import type { Package } from '../core/package.js';
import { retryDelayMs } from '../core/retry-delay.js';
import { type FeedStatus, type FeedsPort, FINAL_FEED_STATUSES } from '../ports/feeds.js';
import { MarketplaceError } from '../ports/marketplace.js';
import { StaleStateError, type TransmissionAttempt } from '../ports/order-store.js';
import { applyPackageEvent } from './apply-package-event.js';
import type { AppDeps } from './deps.js';

export interface TransmitByFeedOptions {
  /** First wait before asking Amazon about the feed; grows x1.5 up to 2 minutes. Default 15 s. */
  readonly pollIntervalMs?: number;
  /** Give up waiting for one feed after this long (its packages are retried). Default 1 hour. */
  readonly maxPollMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly onProgress?: (status: string) => void;
  /** Attempts before a package goes to needs-fix. Default 8 (as the per-package path). */
  readonly maxAttempts?: number;
  /** Retry backoff of failed packages. Defaults 2 s and 5 minutes (as the per-package path). */
  readonly retryBaseDelayMs?: number;
  readonly retryMaxDelayMs?: number;
  readonly random?: () => number;
  /** Document size limits (default 9 MB, 10,000 messages). */
  readonly limits?: FeedLimits;
}

export interface TransmitByFeedSummary {
  readonly confirmed: number;
  readonly needsFix: number;
  readonly retrying: number;
  /** The feeds submitted, in order. */
  readonly feedIds: readonly string[];
}

type Deps = AppDeps & { readonly feeds: FeedsPort };

const POLL_GROWTH = 1.5;
const MAX_POLL_INTERVAL_MS = 120_000;
/** Tries to download a finished feed's report before its packages are put back in the queue. */
const DOWNLOAD_TRIES = 3;

/** How one document ended: Amazon's verdict per message, or a failure that leaves every package to retry. */
type DocumentResult =
  | { readonly kind: 'reported'; readonly feedId: string; readonly outcomes: Map<number, MessageOutcome> }
  | {
      readonly kind: 'failed';
      readonly feedId: string | null;
      readonly reason: string;
      /** Set when the failure was a fault no retry cures, which stops the run. */
      readonly fault?: MarketplaceError;
    };

/**
 * Confirms packages in bulk with `POST_ORDER_FULFILLMENT_DATA` feeds. Every package is moved to
 * `sending` (one transaction, one counted attempt) before anything is submitted; then each
 * document is uploaded, polled until Amazon finishes it, and its processing report is reconciled
 * message by message: confirmed, or needs-fix with Amazon's reason turned into advice. A feed
 * that ends FATAL or CANCELLED, or that cannot be submitted or followed, puts its packages back
 * in the queue (retrying), so nothing is lost. Packages must belong to one seller (the feed's
 * MerchantIdentifier, and the seller whose credentials `deps.feeds` uses).
 *
 * A fault that no retry can cure (bad credentials) is thrown after the packages are re-queued.
 * Any other error (the store failing) is thrown as is and leaves packages in `sending`, where
 * `recoverInterrupted` finds them, as after a crash.
 */
export async function transmitByFeed(
  deps: Deps,
  packages: readonly Package[],
  options: TransmitByFeedOptions = {},
): Promise<TransmitByFeedSummary> {
  const { store, clock } = deps;
  const sellers = new Set(packages.map((p) => p.sellerId));
  if (sellers.size > 1) {
    throw new RangeError(`one feed carries one seller's packages; got sellers ${[...sellers].join(', ')}`);
  }
  const sellerId = packages[0]?.sellerId;
  if (sellerId === undefined) return { confirmed: 0, needsFix: 0, retrying: 0, feedIds: [] };
  for (const orderId of new Set(packages.map((p) => p.orderId))) {
    if (!(await store.getOrder(orderId))) throw new Error(`a package belongs to unknown order ${orderId}`);
  }

  const startedAt = clock.now().toISOString();
  const sending = await store.transaction(async (tx) => {
    const taken: Package[] = [];
    for (const p of packages) {
      // Read again inside the transaction: another worker may have taken or changed it.
      const fresh = await tx.getPackage(p.packageId);
      if (!fresh) continue;
      const moved = await applyPackageEvent(tx, fresh, 'send-started', null, startedAt, {
        countAttempt: true,
      });
      if (moved) taken.push(moved);
    }
    return taken;
  });
  const byId = new Map(sending.map((p) => [p.packageId, p]));
  const documents = buildOrderFulfillmentDocuments(sellerId, sending, options.limits);

  const tally = { confirmed: 0, needsFix: 0, retrying: 0 };
  const feedIds: string[] = [];
  // A fault no retry cures (bad credentials): later documents are not even tried.
  const stop: { fault: MarketplaceError | null } = { fault: null };
  for (const doc of documents) {
    const members = [...doc.messageIds].map(([messageId, packageId]) => ({
      messageId,
      pkg: byId.get(packageId)!,
    }));
    const result: DocumentResult =
      stop.fault === null
        ? await sendDocument(deps, sellerId, doc, options)
        : { kind: 'failed', feedId: null, reason: `Not sent: ${stop.fault.message}` };
    if (result.feedId !== null) feedIds.push(result.feedId);
    if (result.kind === 'failed' && result.fault) stop.fault = result.fault;

    for (const { messageId, pkg } of members) {
      const outcome = result.kind === 'reported' ? result.outcomes.get(messageId) : undefined;
      const ended = await settle(
        deps,
        pkg,
        startedAt,
        result.feedId,
        outcome ?? failureReason(result),
        options,
      );
      if (ended) tally[ended]++;
    }
    options.onProgress?.(
      result.kind === 'reported'
        ? `feed ${result.feedId}: ${members.length} packages reconciled`
        : `feed ${result.feedId ?? '(not created)'} failed, ${members.length} packages will be retried: ${result.reason}`,
    );
  }
  if (stop.fault !== null) throw stop.fault;
  return { ...tally, feedIds };
}

function failureReason(result: DocumentResult): string {
  return result.kind === 'failed'
    ? result.reason
    : 'Amazon’s processing report did not mention this package.';
}

/**
 * Submits one document and follows it to a processing report, or to a failure its packages retry
 * from. Marketplace faults become failures that keep the feed id (when there is one).
 */
async function sendDocument(
  deps: Deps,
  sellerId: string,
  doc: OrderFulfillmentDocument,
  options: TransmitByFeedOptions,
): Promise<DocumentResult> {
  let feedId: string | null = null;
  try {
    feedId = (await deps.feeds.submitOrderFulfillmentFeed(doc.xml)).feedId;
    options.onProgress?.(`feed ${feedId} submitted with ${doc.messageIds.size} packages`);
    await recordSubmission(deps, sellerId, feedId, doc.messageIds);
    return await followFeed(deps, feedId, doc.messageIds, options);
  } catch (e) {
    if (!(e instanceof MarketplaceError)) throw e;
    return { kind: 'failed', feedId, reason: e.message, ...(e.retryable ? {} : { fault: e }) };
  }
}

/**
 * Which feed and message carries each package, so that a person, or the next start after a stop,
 * can find Amazon's verdict instead of sending the package again (see `resumeSubmittedFeeds`).
 */
async function recordSubmission(
  deps: Deps,
  sellerId: string,
  feedId: string,
  messageIds: ReadonlyMap<number, string>,
): Promise<void> {
  const { store, clock } = deps;
  const at = clock.now().toISOString();
  await store.transaction(async (tx) => {
    for (const [messageId, packageId] of messageIds) {
      await tx.appendEvent({
        at,
        sellerId,
        entityType: 'package',
        entityId: packageId,
        type: 'package.feed-submitted',
        fromState: null,
        toState: null,
        reason: null,
        data: { feedId, messageId },
      });
    }
  });
}

/** Polls the feed to its end and reads its report. */
async function followFeed(
  deps: Deps,
  feedId: string,
  messageIds: ReadonlyMap<number, string>,
  options: TransmitByFeedOptions,
): Promise<DocumentResult> {
  const { feeds } = deps;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const maxPollMs = options.maxPollMs ?? 3_600_000;
  // Once Amazon holds the feed it may apply it whatever happens here, so transient faults while
  // following it are waited out rather than turned into a second submission.
  let interval = options.pollIntervalMs ?? 15_000;
  let waited = 0;
  let status: FeedStatus = 'IN_QUEUE';
  let resultDocumentId: string | null = null;
  let lastFault = '';
  while (!FINAL_FEED_STATUSES.includes(status)) {
    if (waited >= maxPollMs) {
      return {
        kind: 'failed',
        feedId,
        reason: `Amazon had not finished feed ${feedId} after ${Math.round(waited / 1000)} s (last status ${status}${lastFault ? `, last fault: ${lastFault}` : ''}); it will be sent again.`,
      };
    }
    await sleep(interval);
    waited += interval;
    interval = Math.min(Math.round(interval * POLL_GROWTH), MAX_POLL_INTERVAL_MS);
    try {
      const s = await feeds.getFeedStatus(feedId);
      if (s.status !== status) options.onProgress?.(`feed ${feedId}: ${s.status}`);
      status = s.status;
      resultDocumentId = s.resultDocumentId;
    } catch (e) {
      if (!(e instanceof MarketplaceError) || !e.retryable) throw e;
      lastFault = e.message;
    }
  }
  if (status !== 'DONE') {
    return {
      kind: 'failed',
      feedId,
      reason: `Amazon ended feed ${feedId} as ${status}: none of its packages were applied; they will be sent again.`,
    };
  }
  if (resultDocumentId === null) {
    return { kind: 'failed', feedId, reason: `Amazon finished feed ${feedId} without a processing report.` };
  }

  let text: string | null = null;
  for (let i = 1; text === null; i++) {
    try {
      text = await feeds.downloadResult(resultDocumentId);
    } catch (e) {
      if (!(e instanceof MarketplaceError) || !e.retryable || i >= DOWNLOAD_TRIES) throw e;
      await sleep(interval);
    }
  }
  let report: ReturnType<typeof parseProcessingReport>;
  try {
    report = parseProcessingReport(text);
  } catch (e) {
    return {
      kind: 'failed',
      feedId,
      reason: `The processing report of feed ${feedId} could not be read (${(e as Error).message}).`,
    };
  }
  if (report.documentErrors.length > 0) {
    const said = report.documentErrors.map((r) => `${r.code} - ${r.description}`).join(' ');
    return { kind: 'failed', feedId, reason: `Amazon refused feed ${feedId} as a whole: ${said}` };
  }
  if (report.summary?.processed === 0 && report.results.length === 0) {
    // Silence about every message is not acceptance when Amazon says it processed none of them.
    return { kind: 'failed', feedId, reason: `Amazon processed no message of feed ${feedId}.` };
  }
  return { kind: 'reported', feedId, outcomes: messageOutcomes(report, messageIds.keys()) };
}

/**
 * Records one package's attempt and moves it by Amazon's verdict, or back to the queue when
 * `verdict` is a failure reason. Returns which tally it joins; null when another worker moved it.
 */
async function settle(
  deps: Deps,
  pkg: Package,
  startedAt: string,
  feedId: string | null,
  verdict: MessageOutcome | string,
  options: TransmitByFeedOptions,
): Promise<'confirmed' | 'needsFix' | 'retrying' | null> {
  const { store, clock, logger } = deps;
  const finishedAt = clock.now().toISOString();
  const attempt = (
    outcome: TransmissionAttempt['outcome'],
    errorCode: string | null,
    errorMessage: string | null,
  ): TransmissionAttempt => ({
    packageId: pkg.packageId,
    attemptNo: pkg.attempts,
    channel: 'feed',
    startedAt,
    finishedAt,
    outcome,
    httpStatus: null,
    errorCode,
    errorMessage,
    // The feed id is the handle Amazon knows this attempt by.
    amazonRequestId: feedId,
  });
  try {
    return await store.transaction(async (tx) => {
      if (typeof verdict === 'string') {
        const delay = retryDelayMs(
          pkg.attempts,
          options.retryBaseDelayMs ?? 2000,
          options.retryMaxDelayMs ?? 300_000,
          (options.random ?? Math.random)(),
        );
        const nextAttemptAt = new Date(clock.now().getTime() + delay).toISOString();
        await tx.recordAttempt(attempt('temporary-failure', null, verdict));
        const retrying = await applyPackageEvent(tx, pkg, 'send-failed-temporarily', verdict, finishedAt, {
          nextAttemptAt,
        });
        if (retrying && pkg.attempts >= (options.maxAttempts ?? 8)) {
          const reason = `Amazon could not take this package after ${pkg.attempts} attempts (last: ${verdict}). Check the connection with \`shipconfirm doctor\`, then send it again.`;
          await applyPackageEvent(tx, retrying, 'retries-exhausted', reason, finishedAt);
          return 'needsFix';
        }
        return retrying ? 'retrying' : null;
      }
      if (verdict.kind === 'accepted') {
        const warned = verdict.warnings.map((w) => `${w.code} - ${w.description}`).join(' ');
        const first = verdict.warnings[0];
        await tx.recordAttempt(attempt('accepted', first?.code ?? null, warned || null));
        const p = await applyPackageEvent(
          tx,
          pkg,
          'amazon-accepted',
          warned ? `Amazon accepted it with a warning: ${warned}` : null,
          finishedAt,
        );
        if (p) logger.info({ packageId: pkg.packageId, orderId: pkg.orderId, feedId }, 'package confirmed');
        return p ? 'confirmed' : null;
      }
      const reason = adviceForAmazonRefusal(verdict.code, verdict.description);
      await tx.recordAttempt(attempt('refused', verdict.code, verdict.description));
      const p = await applyPackageEvent(tx, pkg, 'amazon-refused', reason, finishedAt);
      logger.warn(
        { packageId: pkg.packageId, orderId: pkg.orderId, feedId, code: verdict.code },
        'Amazon refused package',
      );
      return p ? 'needsFix' : null;
    });
  } catch (e) {
    if (e instanceof StaleStateError) return null; // recovered or edited meanwhile; its new state stands
    throw e;
  }
}

/** Feeds Amazon holds whose packages a stopped process left in `sending`. */
export interface SubmittedFeeds {
  readonly feeds: ReadonlyArray<{
    readonly feedId: string;
    readonly sellerId: string;
    readonly startedAt: string;
    /** MessageID -> package id. */
    readonly messageIds: ReadonlyMap<number, string>;
  }>;
  /** Every package id in those feeds (for `recoverInterrupted` to leave alone). */
  readonly packageIds: ReadonlySet<string>;
}

/**
 * After a stop or crash: finds the packages in `sending` whose current attempt went out in a feed
 * that Amazon accepted (a `package.feed-submitted` event after the move to `sending`). Sending
 * those again could apply them twice, since a feed message carries no reference of ours; they are
 * followed to their verdict instead (`followSubmittedFeeds`).
 */
export async function findSubmittedFeeds(deps: Pick<AppDeps, 'store'>): Promise<SubmittedFeeds> {
  const groups = new Map<
    string,
    { feedId: string; sellerId: string; startedAt: string; messageIds: Map<number, string> }
  >();
  const packageIds = new Set<string>();
  for (const p of await deps.store.listPackages({ states: ['sending'] })) {
    const events = await deps.store.listEvents({ entityId: p.packageId });
    const sent = events.findLast((e) => e.type === 'package.state-changed' && e.toState === 'sending');
    if (!sent) continue;
    const submitted = events.findLast((e) => e.type === 'package.feed-submitted' && e.seq > sent.seq);
    const feedId = submitted?.data?.feedId;
    const messageId = submitted?.data?.messageId;
    if (typeof feedId !== 'string' || typeof messageId !== 'number') continue;
    const g = groups.get(feedId) ?? {
      feedId,
      sellerId: p.sellerId,
      startedAt: sent.at,
      messageIds: new Map(),
    };
    g.messageIds.set(messageId, p.packageId);
    groups.set(feedId, g);
    packageIds.add(p.packageId);
  }
  return { feeds: [...groups.values()], packageIds };
}

/** Follows feeds found by `findSubmittedFeeds` to their end and settles their packages. */
export async function followSubmittedFeeds(
  deps: Deps,
  submitted: SubmittedFeeds,
  options: TransmitByFeedOptions = {},
): Promise<TransmitByFeedSummary> {
  const tally = { confirmed: 0, needsFix: 0, retrying: 0 };
  for (const feed of submitted.feeds) {
    options.onProgress?.(
      `following feed ${feed.feedId} (${feed.messageIds.size} packages) submitted before a stop`,
    );
    let result: DocumentResult;
    try {
      result = await followFeed(deps, feed.feedId, feed.messageIds, options);
    } catch (e) {
      if (!(e instanceof MarketplaceError)) throw e;
      result = { kind: 'failed', feedId: feed.feedId, reason: e.message };
    }
    for (const [messageId, packageId] of feed.messageIds) {
      const pkg = await deps.store.getPackage(packageId);
      if (pkg?.state !== 'sending') continue;
      const outcome = result.kind === 'reported' ? result.outcomes.get(messageId) : undefined;
      const ended = await settle(
        deps,
        pkg,
        feed.startedAt,
        feed.feedId,
        outcome ?? failureReason(result),
        options,
      );
      if (ended) tally[ended]++;
    }
  }
  return { ...tally, feedIds: submitted.feeds.map((f) => f.feedId) };
}
