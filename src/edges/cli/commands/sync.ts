import type { Command } from 'commander';
import { syncOrders } from '../../../app/sync-orders.js';
import type { CliContext } from '../context.js';
import { EXIT_CODES_HELP } from '../exit-codes.js';

export function registerSyncCommand(program: Command, ctx: CliContext): void {
  program
    .command('sync')
    .description(
      'Pull merchant-fulfilled orders updated since the last sync from Amazon, store them, and check that Amazon kept every package confirmed so far (read-back).',
    )
    .option('--json', 'print the result as JSON')
    .addHelpText('after', `\nThe first sync looks back 30 days.${EXIT_CODES_HELP}`)
    .action(async (opts: { json?: boolean }) => {
      const app = await ctx.openApp();
      try {
        if (!opts.json) ctx.stderr(`Talking to ${app.amazonLabel}`);
        const r = await syncOrders(app.deps, {
          sellerId: app.sellerId,
          marketplaceIds: app.marketplaceIds,
          onPage: (p) => {
            if (!opts.json) ctx.stderr(`  page ${p.page}: ${p.orders} orders`);
          },
        });
        if (opts.json) ctx.stdout(JSON.stringify(r));
        else
          ctx.stdout(
            `Synced ${r.inserted + r.updated} orders (${r.inserted} new, ${r.updated} updated) in ${r.pages} page(s).` +
              (r.cancelledPackages ? ` ${r.cancelledPackages} package(s) stopped: order cancelled.` : '') +
              (r.verified ? ` ${r.verified} confirmed package(s) verified at Amazon.` : '') +
              (r.resent ? ` ${r.resent} package(s) Amazon did not keep are queued to be sent again.` : ''),
          );
      } finally {
        await app.close();
      }
    });
}
