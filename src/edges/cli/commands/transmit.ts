import type { Command } from 'commander';
import { recoverInterrupted, transmitPending } from '../../../app/transmit-pending.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT, EXIT_CODES_HELP } from '../exit-codes.js';

export function registerTransmitCommand(program: Command, ctx: CliContext): void {
  program
    .command('transmit')
    .description('Send every queued package to Amazon now (confirmShipment), most urgent ship-by first.')
    .option('--json', 'print one JSON object per package')
    .addHelpText(
      'after',
      `\nPackages Amazon refuses go to needs-fix with the reason; temporary failures are retried later.${EXIT_CODES_HELP}`,
    )
    .action(async (opts: { json?: boolean }) => {
      const app = await ctx.openApp();
      try {
        const recovered = await recoverInterrupted(app.deps);
        if (recovered && !opts.json)
          ctx.stderr(`${recovered} package(s) interrupted earlier are queued again.`);
        const t = app.config.transmit;
        const summary = await transmitPending(app.deps, {
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
        if (!opts.json) {
          ctx.stdout(
            `${summary.confirmed} confirmed, ${summary.needsFix} need a fix, ${summary.retrying} to retry.` +
              (summary.outcomes.length === 0 ? ' Nothing was due.' : ''),
          );
        }
        if (summary.fault) throw new CliError(EXIT.amazon, summary.fault.message);
        if (summary.retrying > 0 && summary.confirmed === 0 && summary.needsFix === 0) {
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
