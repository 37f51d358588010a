import type { Command } from 'commander';
import { watchDeadlines } from '../../../app/watch-deadlines.js';
import type { CliContext } from '../context.js';
import { EXIT_CODES_HELP } from '../exit-codes.js';

export function registerDeadlinesCommand(program: Command, ctx: CliContext): void {
  program
    .command('deadlines')
    .description('List orders and packages close to (or past) their ship-by that still need action.')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `\nThresholds: service.unshippedWarnMinutes (default 60) and service.unconfirmedWarnMinutes (default 15) in shipconfirm.config.json.
New alerts are also written to the event log, once each; \`shipconfirm run\` checks every minute.${EXIT_CODES_HELP}`,
    )
    .action(async (opts: { json?: boolean }) => {
      const app = await ctx.openApp();
      try {
        const s = app.config.service;
        const { current } = await watchDeadlines(app.deps, {
          sellerId: app.sellerId,
          unshippedWarnMinutes: s.unshippedWarnMinutes,
          unconfirmedWarnMinutes: s.unconfirmedWarnMinutes,
        });
        if (opts.json) {
          ctx.stdout(JSON.stringify({ alerts: current }));
          return;
        }
        if (current.length === 0) ctx.stdout('Nothing is close to its ship-by. All clear.');
        for (const a of current) ctx.stdout(`${String(a.minutesLeft).padStart(6)} min  ${a.message}`);
      } finally {
        await app.close();
      }
    });
}
