import type { Command } from 'commander';
import { recordShipment } from '../../../app/record-shipment.js';
import { replaceShipment } from '../../../app/replace-shipment.js';
import type { Refusal } from '../../../core/outcome.js';
import type { Package, PackageItem } from '../../../core/package.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT, EXIT_CODES_HELP } from '../exit-codes.js';
import { collect, parseIsoTimeFlag, parseItemFlag } from '../parse-flags.js';

interface ShipOptions {
  carrier?: string;
  carrierName?: string;
  service?: string;
  tracking?: string;
  parcelId?: string;
  item?: PackageItem[];
  shipDate?: string;
  replace?: string;
  json?: boolean;
}

export function registerShipCommand(program: Command, ctx: CliContext): void {
  program
    .command('ship')
    .description(
      'Record one package of an order (or correct one with --replace); it is checked and queued for Amazon at once.',
    )
    .argument('[ORDER_ID]', "Amazon's order id, e.g. 202-1234567-1234567 (optional with --replace)")
    .option(
      '--carrier <NAME>',
      'carrier: an Amazon carrier code or a known alias (Royal Mail, RM, DPD, Evri, Other...)',
    )
    .option('--carrier-name <NAME>', "the carrier's name when --carrier is Other")
    .option('--service <NAME>', 'shipping service, e.g. "Tracked 48", "Royal Mail 24", "Next Day"')
    .option('--tracking <ID>', 'tracking ID from the label')
    .option('--parcel-id <ID>', 'Royal Mail 24/48 parcel ID (printed above the 2D barcode)')
    .option(
      '--item <ORDER_ITEM_ID:QTY>',
      'an item and quantity in this package (repeat; default: all unshipped)',
      collect(parseItemFlag),
    )
    .option('--ship-date <ISO>', 'when the parcel was handed over, with a zone (default: now)')
    .option(
      '--replace <PACKAGE_ID>',
      'correct this package instead of adding one (new tracking ID, re-shipped parcel); Amazon gets an edit of the same package',
    )
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
Examples:
  shipconfirm ship 202-1234567-1234567 --carrier "Royal Mail" --service "Tracked 48" --tracking AB123456785GB
  shipconfirm ship 202-1234567-1234567 --carrier RM --service "Royal Mail 48" --parcel-id 320019254000221BB4EFC
  shipconfirm ship 202-1234567-1234567 --carrier DPD --service "Next Day" --tracking 15501234567890 --item 12345678901234:1
  shipconfirm ship --replace pkg_abc123def456 --carrier "Royal Mail" --service "Tracked 48" --tracking AB123456785GB
${EXIT_CODES_HELP}`,
    )
    .action(async (orderId: string | undefined, opts: ShipOptions) => {
      if (!orderId && !opts.replace) {
        throw new CliError(EXIT.usage, 'Give the ORDER_ID, or --replace PACKAGE_ID to correct a package.');
      }
      if (!opts.replace && !opts.carrier?.trim()) {
        throw new CliError(
          EXIT.refused,
          'The carrier is missing. Add --carrier NAME, e.g. --carrier "Royal Mail".',
        );
      }
      if (!opts.replace && !opts.service?.trim()) {
        throw new CliError(
          EXIT.refused,
          'The shipping service is missing. Add --service NAME, e.g. --service "Tracked 48".',
        );
      }
      if (opts.tracking && opts.parcelId) {
        throw new CliError(EXIT.usage, 'Give either --tracking or --parcel-id, not both.');
      }
      const shipDate =
        opts.shipDate === undefined ? undefined : parseIsoTimeFlag('--ship-date', opts.shipDate);
      const input = {
        carrier: opts.carrier,
        carrierName: opts.carrierName ?? null,
        service: opts.service,
        trackingId: opts.tracking ?? null,
        parcelId: opts.parcelId ?? null,
        ...(opts.item ? { items: opts.item } : {}),
        ...(shipDate ? { shipDate } : {}),
      };
      /** Prints the outcome (JSON, or the package id and a line for people); a refusal exits 1. */
      const report = (
        r: { kind: string; refusals?: readonly Refusal[]; warnings: readonly Refusal[]; package?: Package },
        refusedTitle: string,
        doneLine: string,
      ) => {
        if (opts.json) ctx.stdout(JSON.stringify(r));
        if (!r.package || r.kind === 'refused' || r.kind === 'held') {
          const lines = (r.refusals ?? []).map((x) => `  - ${x.message} [${x.code}]`);
          throw new CliError(EXIT.refused, [refusedTitle, ...lines].join('\n'));
        }
        if (opts.json) return;
        ctx.stdout(r.package.packageId);
        for (const w of r.warnings) ctx.stderr(`warning: ${w.message} [${w.code}]`);
        ctx.stderr(doneLine);
      };
      const app = await ctx.openApp();
      try {
        if (opts.replace) {
          const r = await replaceShipment(app.deps, opts.replace.trim(), {
            ...input,
            ...(orderId ? { orderId: orderId.trim() } : {}),
          });
          if (r.kind === 'refused') report(r, 'Correction refused; the package is unchanged.', '');
          else
            report(
              r,
              '',
              `Corrected package ${r.package.referenceNo} of order ${r.package.orderId} (was ${r.previousState}); queued for Amazon` +
                (r.editsAmazon ? ' as an edit of the package Amazon already has.' : '.'),
            );
          return;
        }
        const r = await recordShipment(
          app.deps,
          { ...input, carrier: input.carrier ?? '', service: input.service ?? '', orderId: orderId!.trim() },
          'refuse',
        );
        if (r.kind === 'refused' || r.kind === 'held')
          report(r, 'Package refused; nothing was recorded.', '');
        else
          report(
            r,
            '',
            `Recorded package ${r.package.referenceNo} of order ${r.package.orderId}: ${r.package.carrierCode}, ${r.package.shippingService}, ${r.package.trackingId ?? 'no tracking'}; queued for Amazon.`,
          );
      } finally {
        await app.close();
      }
    });
}
