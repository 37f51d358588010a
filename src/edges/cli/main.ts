import { Command, CommanderError } from 'commander';
import { MarketplaceError } from '../../ports/marketplace.js';
import { StoreError } from '../../ports/order-store.js';
import { carrierRegistryFrom, openApp } from '../composition-root.js';
import { type Config, ConfigError, ENVIRONMENT_VARIABLES, loadConfig } from '../config/config.js';
import { createLogger } from '../logging.js';
import { registerCarriersCommand } from './commands/carriers.js';
import { registerDeadlinesCommand } from './commands/deadlines.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerDoctorCommand } from './commands/doctor.js';
import { registerMigrateCommand } from './commands/migrate.js';
import { registerRunCommand } from './commands/run.js';
import { registerShipCommand } from './commands/ship.js';
import { registerSimCommand } from './commands/sim.js';
import { registerStatusCommand } from './commands/status.js';
import { registerSyncCommand } from './commands/sync.js';
import { registerTrackingCommand } from './commands/tracking.js';
import { registerTransmitCommand } from './commands/transmit.js';
import type { CliContext } from './context.js';
import { CliError, EXIT, EXIT_CODES_HELP } from './exit-codes.js';

/** Builds the `shipconfirm` program. Exposed for tests, which run it in-process. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('shipconfirm')
    .description(
      "Confirm merchant-fulfilled Amazon orders within seconds: checked against Amazon's rules, proven, with VTR per category.",
    )
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({
      writeOut: (s) => ctx.stdout(s.replace(/\n$/, '')),
      writeErr: (s) => ctx.stderr(s.replace(/\n$/, '')),
    })
    .addHelpText(
      'after',
      `
Without LWA credentials every command uses the built-in Amazon simulator. Start with:
  npx shipconfirm demo

Settings (environment, or shipconfirm.config.json):
${Object.entries(ENVIRONMENT_VARIABLES)
  .map(([k, v]) => `  ${k.padEnd(22)} ${v}`)
  .join('\n')}
${EXIT_CODES_HELP}`,
    );
  registerDemoCommand(program, ctx);
  registerSyncCommand(program, ctx);
  registerShipCommand(program, ctx);
  registerTransmitCommand(program, ctx);
  registerStatusCommand(program, ctx);
  registerDeadlinesCommand(program, ctx);
  registerRunCommand(program, ctx);
  registerDoctorCommand(program, ctx);
  registerMigrateCommand(program, ctx);
  registerSimCommand(program, ctx);
  registerTrackingCommand(program, {
    registry: () => carrierRegistryFrom(ctx.config()),
    stdin: ctx.stdin,
    stdout: ctx.stdout,
  });
  registerCarriersCommand(program, { registry: () => carrierRegistryFrom(ctx.config()), stdout: ctx.stdout });
  for (const cmd of program.commands) {
    cmd.exitOverride().configureOutput({
      writeOut: (s) => ctx.stdout(s.replace(/\n$/, '')),
      writeErr: (s) => ctx.stderr(s.replace(/\n$/, '')),
    });
    cmd.showHelpAfterError('(add --help for usage)');
  }
  return program;
}

/** Maps any failure to one message and an exit code; never a stack trace for expected faults. */
export function exitCodeFor(e: unknown, stderr: (line: string) => void): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')
      return EXIT.ok;
    return EXIT.usage; // commander already printed the message
  }
  if (e instanceof CliError) {
    stderr(e.message);
    return e.exitCode;
  }
  if (e instanceof ConfigError) {
    stderr(`Configuration error: ${e.message}`);
    return EXIT.usage;
  }
  if (e instanceof StoreError) {
    stderr(`Database error: ${e.message}`);
    return EXIT.database;
  }
  if (e instanceof MarketplaceError) {
    stderr(`Amazon error: ${e.message}`);
    return EXIT.amazon;
  }
  stderr(`Unexpected error: ${(e as Error)?.stack ?? String(e)}`);
  stderr('This is a bug in ShipConfirm; please report it with the lines above.');
  return 70;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(
  argv: readonly string[],
  io: {
    env: NodeJS.ProcessEnv;
    cwd: string;
    stdout: (l: string) => void;
    stderr: (l: string) => void;
    stdin: NodeJS.ReadableStream;
  },
): Promise<number> {
  let config: Config | null = null;
  const getConfig = () => {
    config ??= loadConfig(io.env, io.cwd);
    return config;
  };
  const ctx: CliContext = {
    stdout: io.stdout,
    stderr: io.stderr,
    stdin: io.stdin,
    config: getConfig,
    openApp: async (options = {}) => {
      const c = getConfig();
      const { serviceLogger, ...rest } = options;
      const logger = serviceLogger
        ? createLogger(c.logLevel, 1)
        : createLogger(c.logLevel === 'info' ? 'warn' : c.logLevel, 2);
      return openApp(c, { logger, ...rest });
    },
  };
  try {
    await buildProgram(ctx).parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    return exitCodeFor(e, io.stderr);
  }
}

/** Entry point of the `shipconfirm` binary. */
export async function main(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2), {
    env: process.env,
    cwd: process.cwd(),
    stdout: (l) => process.stdout.write(`${l}\n`),
    stderr: (l) => process.stderr.write(`${l}\n`),
    stdin: process.stdin,
  });
}
