import type { Command } from 'commander';
import { formatBanner, startSimulator } from '../../../../simulator/index.js';
import { writeRegistration } from '../../simulator-registration.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';

export function registerSimCommand(program: Command, ctx: CliContext): void {
  program
    .command('sim')
    .description('Run the Amazon simulator alone (SP-API, Login with Amazon, admin API) until Ctrl-C.')
    .option('--port <N>', 'port to listen on (default: a free port)', '0')
    .option('--seed-orders <N>', 'seed this many orders for the test seller', '0')
    .option('--speed <FACTOR>', 'run simulated time and rate limits this many times faster', '1')
    .option('--no-rate-limits', "turn Amazon's rate limits off")
    .addHelpText(
      'after',
      '\nOther shipconfirm commands without LWA credentials use this simulator while it runs (same database folder).\nSee docs/simulator.md for the admin API.',
    )
    .action(async (opts: { port: string; seedOrders: string; speed: string; rateLimits: boolean }) => {
      const port = Number(opts.port);
      const seed = Number(opts.seedOrders);
      const speed = Number(opts.speed);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliError(EXIT.usage, `--port "${opts.port}" is not a port number (0-65535).`);
      if (!Number.isInteger(seed) || seed < 0)
        throw new CliError(EXIT.usage, `--seed-orders "${opts.seedOrders}" must be a whole number.`);
      if (!(speed > 0)) throw new CliError(EXIT.usage, `--speed "${opts.speed}" must be a positive number.`);
      const sim = await startSimulator({ port, speedFactor: speed, rateLimits: opts.rateLimits });
      for (const marketplaceId of sim.credentials.marketplaceIds) {
        if (seed > 0)
          sim.world.seedOrders({
            sellerId: sim.credentials.sellerId,
            marketplaceId,
            count: seed,
            spreadDays: 30,
            seed: 1,
          });
      }
      const unregister = writeRegistration(ctx.config().databasePath, {
        baseUrl: sim.baseUrl,
        tokenUrl: sim.tokenUrl,
        pid: process.pid,
      });
      ctx.stdout(formatBanner(sim));
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      unregister();
      await sim.close();
      ctx.stderr('Simulator stopped.');
    });
}
