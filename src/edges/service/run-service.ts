import { syncOrders } from '../../app/sync-orders.js';
import { findSubmittedFeeds, followSubmittedFeeds } from '../../app/transmit-by-feed.js';
import { recoverInterrupted } from '../../app/transmit-pending.js';
import { transmitQueue } from '../../app/transmit-queue.js';
import { watchDeadlines } from '../../app/watch-deadlines.js';
import { MarketplaceError } from '../../ports/marketplace.js';
import type { App } from '../composition-root.js';

/**
 * The long-running service until `signal` aborts: a sync loop (every `syncIntervalMs`, within
 * searchOrders' quota; it also reads back confirmed packages), a transmit loop (every
 * `transmitIntervalMs`) and a deadline watch (every `deadlineCheckIntervalMs`). On abort the calls
 * in flight finish, so the queue is left consistent.
 */
export async function runService(app: App, signal: AbortSignal): Promise<void> {
  const { deps, config } = app;
  const log = deps.logger;
  let feedsInFlight = 0;
  // Feeds Amazon already holds are followed, not sent again; other interrupted packages are re-queued.
  const submitted = await findSubmittedFeeds(deps);
  const recovered = await recoverInterrupted(deps, submitted.packageIds);
  if (recovered) log.info({ recovered }, 'packages interrupted by an earlier stop are queued again');
  if (submitted.feeds.length > 0 && deps.feeds) {
    const feeds = deps.feeds;
    feedsInFlight += submitted.feeds.length;
    log.info({ feeds: submitted.feeds.map((f) => f.feedId) }, 'following feeds submitted before the stop');
    followSubmittedFeeds({ ...deps, feeds }, submitted, {
      maxAttempts: config.transmit.maxAttempts,
      retryBaseDelayMs: config.transmit.retryBaseDelayMs,
      retryMaxDelayMs: config.transmit.retryMaxDelayMs,
    })
      .then((f) => log.info({ ...f }, 'feeds submitted before the stop finished'))
      .catch((e: Error) => log.warn({ error: e.message }, 'following an earlier feed failed'))
      .finally(() => {
        feedsInFlight -= submitted.feeds.length;
      });
  }

  const loop = async (name: string, intervalMs: number, work: () => Promise<void>) => {
    while (!signal.aborted) {
      try {
        await work();
      } catch (e) {
        if (e instanceof MarketplaceError)
          log.warn({ loop: name, retryable: e.retryable, error: e.message }, `${name} failed`);
        else
          log.error(
            { loop: name, error: (e as Error).message, stack: (e as Error).stack },
            `${name} crashed`,
          );
      }
      await sleep(intervalMs, signal);
    }
  };

  await Promise.all([
    loop('sync', config.service.syncIntervalMs, async () => {
      const r = await syncOrders(deps, { sellerId: app.sellerId, marketplaceIds: app.marketplaceIds });
      if (r.inserted || r.updated) log.info({ ...r }, 'sync finished');
    }),
    loop('transmit', config.service.transmitIntervalMs, async () => {
      const r = await transmitQueue(deps, {
        maxAttempts: config.transmit.maxAttempts,
        retryBaseDelayMs: config.transmit.retryBaseDelayMs,
        retryMaxDelayMs: config.transmit.retryMaxDelayMs,
        feedsInFlight,
      });
      const s = r.perCall;
      if (s.outcomes.length)
        log.info({ confirmed: s.confirmed, needsFix: s.needsFix, retrying: s.retrying }, 'transmit pass');
      if (r.feed) {
        // A feed takes minutes: it runs on while the loop keeps sending per call.
        feedsInFlight++;
        r.feed
          .then((f) => log.info({ ...f }, 'feed finished'))
          .catch((e: Error) => log.warn({ error: e.message }, 'feed failed; its packages are queued again'))
          .finally(() => {
            feedsInFlight--;
          });
      }
      if (s.fault) throw s.fault;
    }),
    loop('deadlines', config.service.deadlineCheckIntervalMs, async () => {
      await watchDeadlines(deps, {
        sellerId: app.sellerId,
        unshippedWarnMinutes: config.service.unshippedWarnMinutes,
        unconfirmedWarnMinutes: config.service.unconfirmedWarnMinutes,
      });
    }),
  ]);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
