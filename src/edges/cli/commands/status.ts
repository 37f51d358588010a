import type { Command } from 'commander';
import { getStatus } from '../../../app/get-status.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT, EXIT_CODES_HELP } from '../exit-codes.js';

export function registerStatusCommand(program: Command, ctx: CliContext): void {
  program
    .command('status')
    .description('Show orders and their packages with states and reasons (one order, or the 50 most recent).')
    .argument('[ORDER_ID]', 'show only this order')
    .option('--limit <N>', 'how many recent orders to show', '50')
    .option('--json', 'print JSON')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (orderId: string | undefined, opts: { json?: boolean; limit: string }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new CliError(EXIT.usage, `--limit "${opts.limit}" must be a whole number of at least 1.`);
      const app = await ctx.openApp();
      try {
        const view = await getStatus(app.deps, {
          sellerId: app.sellerId,
          ...(orderId ? { orderId } : {}),
          limit,
        });
        if (!view) {
          throw new CliError(
            EXIT.refused,
            `Order ${orderId} is not known here. Check the id, or run \`shipconfirm sync\` first.`,
          );
        }
        if (opts.json) {
          ctx.stdout(JSON.stringify(view));
          return;
        }
        const counts = Object.entries(view.packageCounts)
          .filter(([, n]) => n > 0)
          .map(([s, n]) => `${n} ${s}`)
          .join(', ');
        ctx.stdout(`${view.totalOrders} order(s); packages: ${counts || 'none yet'}`);
        for (const { order, packages } of view.orders) {
          ctx.stdout('');
          ctx.stdout(
            `${order.orderId}  ${order.status}  ship by ${order.shipByLatest ?? 'unknown'}  ${order.items.length} item line(s)${order.isPrime ? '  Prime' : ''}`,
          );
          for (const p of packages) {
            const items = p.items.map((i) => `${i.orderItemId}x${i.quantity}`).join(' ');
            ctx.stdout(
              `  #${p.referenceNo} ${p.packageId}  ${p.state.padEnd(9)} ${p.carrierCode}${p.carrierName ? ` (${p.carrierName})` : ''} / ${p.shippingService} / ${p.trackingId ?? 'no tracking'}  [${items}]`,
            );
            if (p.stateReason) ctx.stdout(`      ${p.stateReason}`);
          }
        }
      } finally {
        await app.close();
      }
    });
}
