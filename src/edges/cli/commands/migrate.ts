import type { Command } from 'commander';
import { openSqliteStore } from '../../../adapters/store/open-sqlite-store.js';
import type { CliContext } from '../context.js';
import { EXIT_CODES_HELP } from '../exit-codes.js';

export function registerMigrateCommand(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .description('Create the database or bring it up to date (every command also does this at start).')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async () => {
      const file = ctx.config().databasePath;
      const store = await openSqliteStore(file, { migrate: false });
      try {
        const { applied } = await store.migrate();
        ctx.stdout(applied.length ? `Applied ${applied.join(', ')} to ${file}.` : `${file} is up to date.`);
      } finally {
        await store.close();
      }
    });
}
