import { afterEach, describe, expect, it } from 'vitest';
import { transmitByFeed } from '../../../src/app/transmit-by-feed.js';
import type { Package } from '../../../src/core/package.js';
import { dpd, seededRng } from '../../../src/edges/demo/sample-tracking-numbers.js';
import type { FeedsPort } from '../../../src/ports/feeds.js';
import { MarketplaceError } from '../../../src/ports/marketplace.js';
import { type FeedHarness, startFeedHarness } from './feed-harness.js';

// Reports Amazon may send that the simulator does not produce, given through a scripted FeedsPort;
// orders and packages are still real (simulator and SQLite).
let h: FeedHarness;
afterEach(async () => h?.close());

const rng = seededRng(21);

function report(summary: string, results = ''): string {
  return `<?xml version="1.0"?><AmazonEnvelope><Header><DocumentVersion>1.02</DocumentVersion><MerchantIdentifier>A2SIMSELLERUK1</MerchantIdentifier></Header><MessageType>ProcessingReport</MessageType><Message><MessageID>1</MessageID><ProcessingReport><DocumentTransactionID>1</DocumentTransactionID><StatusCode>Complete</StatusCode>${summary}${results}</ProcessingReport></Message></AmazonEnvelope>`;
}

const summary = (processed: number) =>
  `<ProcessingSummary><MessagesProcessed>${processed}</MessagesProcessed><MessagesSuccessful>${processed}</MessagesSuccessful><MessagesWithError>0</MessagesWithError><MessagesWithWarning>0</MessagesWithWarning></ProcessingSummary>`;

/** A FeedsPort that finishes every feed at once and answers downloads from `answers`, in order. */
function scripted(answers: Array<string | Error>): FeedsPort & { downloads: number } {
  return {
    downloads: 0,
    async submitOrderFulfillmentFeed() {
      return { feedId: '50001' };
    },
    async getFeedStatus() {
      return { status: 'DONE', resultDocumentId: 'doc-1' };
    },
    async downloadResult() {
      const next = answers[this.downloads++];
      if (next === undefined) throw new Error('no more scripted answers');
      if (next instanceof Error) throw next;
      return next;
    },
  };
}

async function shipSome(n: number): Promise<Package[]> {
  const pkgs: Package[] = [];
  for (const o of h.orders.slice(0, n)) {
    pkgs.push(
      await h.ship({ orderId: o.orderId, carrier: 'DPD', service: 'Next Day', trackingId: dpd(rng) }),
    );
  }
  return pkgs;
}

describe('processing reports the simulator does not write', () => {
  it('a report with no Result elements confirms every package', async () => {
    h = await startFeedHarness(5);
    const pkgs = await shipSome(2);
    const feeds = scripted([report(summary(2))]);
    const r = await transmitByFeed({ ...h.deps, feeds }, pkgs, h.feedOptions);
    expect(r).toMatchObject({ confirmed: 2, needsFix: 0, retrying: 0 });
  });

  it('a report that says no message was processed confirms nothing: the packages retry', async () => {
    h = await startFeedHarness(5);
    const pkgs = await shipSome(2);
    const r = await transmitByFeed({ ...h.deps, feeds: scripted([report(summary(0))]) }, pkgs, h.feedOptions);
    expect(r).toMatchObject({ confirmed: 0, needsFix: 0, retrying: 2 });
  });

  it('a document-level error (MessageID 0) in a DONE report confirms nothing: the packages retry', async () => {
    h = await startFeedHarness(5);
    const pkgs = await shipSome(1);
    const fatal =
      '<Result><MessageID>0</MessageID><ResultCode>Error</ResultCode><ResultMessageCode>5001</ResultMessageCode><ResultDescription>XML Parsing Fatal Error</ResultDescription></Result>';
    const r = await transmitByFeed(
      { ...h.deps, feeds: scripted([report(summary(0), fatal)]) },
      pkgs,
      h.feedOptions,
    );
    expect(r.retrying).toBe(1);
    expect((await h.deps.store.getPackage(pkgs[0]!.packageId))!.stateReason).toContain(
      'XML Parsing Fatal Error',
    );
  });

  it('an unreadable report confirms nothing: the packages retry', async () => {
    h = await startFeedHarness(5);
    const pkgs = await shipSome(1);
    const r = await transmitByFeed(
      { ...h.deps, feeds: scripted(['\u001f\u008b garbage']) },
      pkgs,
      h.feedOptions,
    );
    expect(r.retrying).toBe(1);
  });

  it('a download that fails once for a transient reason is tried again', async () => {
    h = await startFeedHarness(5);
    const pkgs = await shipSome(1);
    const feeds = scripted([new MarketplaceError('HTTP 503', true, 503), report(summary(1))]);
    const r = await transmitByFeed({ ...h.deps, feeds }, pkgs, h.feedOptions);
    expect(r.confirmed).toBe(1);
    expect(feeds.downloads).toBe(2);
  });
});
