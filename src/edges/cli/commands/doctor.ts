import type { Command } from 'commander';
import { redactedConfig } from '../../config/redact.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT, EXIT_CODES_HELP } from '../exit-codes.js';

export function registerDoctorCommand(program: Command, ctx: CliContext): void {
  program
    .command('doctor')
    .description(
      'Print the effective settings (secrets hidden) and check the database and the Amazon connection.',
    )
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async () => {
      const config = ctx.config();
      ctx.stdout('Settings:');
      for (const line of JSON.stringify(redactedConfig(config), null, 2).split('\n')) ctx.stdout(`  ${line}`);
      const app = await ctx.openApp();
      try {
        const orders = await app.deps.store.countOrders(app.sellerId);
        ctx.stdout(`Database: ok (${config.databasePath}, ${orders} order(s) for seller ${app.sellerId})`);
        ctx.stdout(`Amazon: ${app.amazonLabel}`);
        try {
          await app.deps.marketplace.checkConnection();
          ctx.stdout('Amazon connection: ok (token exchange succeeded)');
        } catch (e) {
          throw new CliError(EXIT.amazon, `Amazon connection: FAILED. ${(e as Error).message}`);
        }
      } finally {
        await app.close();
      }
    });
}
