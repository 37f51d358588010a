import type { Command } from 'commander';
import { findSubmittedFeeds, followSubmittedFeeds } from '../../../app/transmit-by-feed.js';
import { recoverInterrupted } from '../../../app/transmit-pending.js';
import { transmitQueue } from '../../../app/transmit-queue.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT, EXIT_CODES_HELP } from '../exit-codes.js';

export function registerTransmitCommand(program: Command, ctx: CliContext): void {
  program
    .command('transmit')
    .description(
      'Send every queued package to Amazon now, most urgent ship-by first: per package (confirmShipment), or by bulk feed when that meets more deadlines or the package has no tracking number.',
    )
    .option('--json', 'print one JSON object per package')
    .addHelpText(
      'after',
      `\nPackages Amazon refuses go to needs-fix with the reason; temporary failures are retried later.${EXIT_CODES_HELP}`,
    )
    .action(async (opts: { json?: boolean }) => {
      const app = await ctx.openApp();
      try {
        const submitted = await findSubmittedFeeds(app.deps);
        const recovered = await recoverInterrupted(app.deps, submitted.packageIds);
        if (recovered && !opts.json)
          ctx.stderr(`${recovered} package(s) interrupted earlier are queued again.`);
        if (submitted.feeds.length > 0 && app.deps.feeds) {
          if (!opts.json)
            ctx.stderr(`Following ${submitted.feeds.length} feed(s) submitted before an earlier stop...`);
          const earlier = await followSubmittedFeeds({ ...app.deps, feeds: app.deps.feeds }, submitted);
          if (!opts.json)
            ctx.stdout(
              `earlier feed(s) ${earlier.feedIds.join(', ')}: ${earlier.confirmed} confirmed, ${earlier.needsFix} need a fix, ${earlier.retrying} to retry`,
            );
        }
        const t = app.config.transmit;
        const {
          perCall: summary,
          feed,
          planned,
        } = await transmitQueue(app.deps, {
          maxAttempts: t.maxAttempts,
          retryBaseDelayMs: t.retryBaseDelayMs,
          retryMaxDelayMs: t.retryMaxDelayMs,
          onOutcome: (o) => {
            const p = o.package;
            if (opts.json) {
              ctx.stdout(
                JSON.stringify({
                  packageId: p.packageId,
                  orderId: p.orderId,
                  outcome: o.kind,
                  state: p.state,
                  reason: p.stateReason,
                }),
              );
            } else {
              const what = `${p.packageId} (order ${p.orderId}, package ${p.referenceNo})`;
              if (o.kind === 'confirmed') ctx.stdout(`confirmed  ${what}`);
              else if (o.kind === 'needs-fix') ctx.stdout(`needs fix  ${what}: ${o.reason}`);
              else ctx.stdout(`retrying   ${what} at ${o.nextAttemptAt}: ${o.reason}`);
            }
          },
        });
        let byFeed = { confirmed: 0, needsFix: 0, retrying: 0, feedIds: [] as readonly string[] };
        if (feed) {
          if (!opts.json)
            ctx.stderr(`${planned.feed} package(s) go by bulk feed; waiting for Amazon to process it...`);
          byFeed = await feed;
          if (opts.json) ctx.stdout(JSON.stringify({ feed: byFeed }));
          else
            ctx.stdout(
              `feed ${byFeed.feedIds.join(', ')}: ${byFeed.confirmed} confirmed, ${byFeed.needsFix} need a fix, ${byFeed.retrying} to retry`,
            );
        }
        if (!opts.json) {
          ctx.stdout(
            `${summary.confirmed + byFeed.confirmed} confirmed, ${summary.needsFix + byFeed.needsFix} need a fix, ${summary.retrying + byFeed.retrying} to retry.` +
              (summary.outcomes.length === 0 && !feed ? ' Nothing was due.' : ''),
          );
        }
        if (summary.fault) throw new CliError(EXIT.amazon, summary.fault.message);
        if (
          summary.retrying > 0 &&
          summary.confirmed === 0 &&
          summary.needsFix === 0 &&
          byFeed.confirmed === 0
        ) {
          throw new CliError(
            EXIT.amazon,
            'Amazon could not be reached for any package; they stay queued and will be retried.',
          );
        }
      } finally {
        await app.close();
      }
    });
}
