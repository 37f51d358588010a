import type { Command } from 'commander';
import { runService } from '../../service/run-service.js';
import { writeRegistration } from '../../simulator-registration.js';
import type { CliContext } from '../context.js';

export function registerRunCommand(program: Command, ctx: CliContext): void {
  program
    .command('run')
    .description(
      'Run the service: pull orders and send queued packages to Amazon continuously (what `npm start` runs).',
    )
    .option(
      '--seed-orders <N>',
      'without credentials: seed the built-in simulator with this many orders',
      '200',
    )
    .addHelpText(
      'after',
      `
Logs are JSON lines on standard output. Stop with Ctrl-C or SIGTERM: calls in flight finish first.
Without LWA credentials the service serves the built-in simulator, and other shipconfirm commands
using the same database folder talk to it (try \`npx shipconfirm status\` in another terminal).`,
    )
    .action(async (opts: { seedOrders: string }) => {
      const config = ctx.config();
      const seed = Math.max(0, Number(opts.seedOrders) || 0);
      const app = await ctx.openApp({
        ...(config.amazon.mode === 'simulator' ? { seedSimulatorOrders: seed, simulatorOptions: {} } : {}),
        serviceLogger: true,
      });
      const log = app.deps.logger;
      log.info(
        { amazon: app.amazonLabel, database: config.databasePath },
        `ShipConfirm talks to ${app.amazonLabel}`,
      );
      const unregister = app.simulator
        ? writeRegistration(config.databasePath, {
            baseUrl: app.simulator.baseUrl,
            tokenUrl: app.simulator.tokenUrl,
            pid: process.pid,
          })
        : () => {};
      const stop = new AbortController();
      const onSignal = (signal: string) => {
        log.info({ signal }, 'stopping: finishing calls in flight');
        stop.abort();
      };
      process.once('SIGINT', () => onSignal('SIGINT'));
      process.once('SIGTERM', () => onSignal('SIGTERM'));
      try {
        await runService(app, stop.signal);
      } finally {
        unregister();
        await app.close();
        log.info({}, 'stopped');
      }
    });
}
