import { join } from 'node:path';
import type { Command } from 'commander';
import { formatDemoSummary, runDemo } from '../../demo/run-demo.js';
import { createLogger } from '../../logging.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT, EXIT_CODES_HELP } from '../exit-codes.js';

export function registerDemoCommand(program: Command, ctx: CliContext): void {
  program
    .command('demo')
    .description(
      "See it work in one command: a simulated UK seller's month of orders, shipped, checked, confirmed, summarised.",
    )
    .option('--orders <N>', 'how many orders to simulate', '200')
    .option('--db <FILE>', 'database file to create (default: a new file in ./data)')
    .option('--speed <FACTOR>', 'simulated Amazon runs this many times faster, rate limits included', '20')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      `\nRuns against the built-in simulator whatever the settings; never touches a real Amazon account.${EXIT_CODES_HELP}`,
    )
    .action(async (opts: { orders: string; db?: string; speed: string; json?: boolean }) => {
      const orders = Number(opts.orders);
      const speed = Number(opts.speed);
      if (!Number.isInteger(orders) || orders < 1 || orders > 100_000) {
        throw new CliError(EXIT.usage, `--orders "${opts.orders}" must be a whole number from 1 to 100000.`);
      }
      if (!(speed >= 1 && speed <= 1000))
        throw new CliError(EXIT.usage, `--speed "${opts.speed}" must be between 1 and 1000.`);
      const base = ctx.config();
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
      const databasePath = opts.db ?? join(process.cwd(), 'data', `demo-${stamp}.db`);
      const config = {
        ...base,
        databasePath,
        amazon: { mode: 'simulator' as const, marketplaceIds: ['A1F83G8C2ARO7P'] },
      };
      const summary = await runDemo(config, createLogger('error', 2), {
        orders,
        speedFactor: speed,
        progress: (l) => {
          if (!opts.json) ctx.stderr(l);
        },
      });
      ctx.stdout(opts.json ? JSON.stringify(summary) : formatDemoSummary(summary));
    });
}
