import type { Command } from 'commander';
import { operatesIn } from '../../../core/carriers/operates-in.js';
import type { Carrier, CarrierRegistry } from '../../../core/carriers/registry.js';
import { findMarketplace, MARKETPLACES } from '../../../core/marketplace.js';
import { TRACKING_FORMATS } from '../../../core/tracking/formats.js';
import { CliError, EXIT } from '../exit-codes.js';

/** What `carriers` needs: the carriers in force and a line printer. */
export interface CarriersCommandDeps {
  registry: () => CarrierRegistry;
  stdout: (line: string) => void;
}

const HELP_AFTER = `
Lists the carriers ShipConfirm knows: the exact Amazon carrier code each is confirmed with, the
names you can type for it, its services (tracked, untracked, parcel ID) and whether Amazon tracks
it in each marketplace. --marketplace keeps the carriers used there: those Amazon tracks there,
those whose "marketplaces" list names it, your own carriers that name no marketplace, and Other.
Carriers, aliases and services can be added in the "carriers" section of
shipconfirm.config.json (see docs/carriers-and-tracking.md). Evri's code is the "evriCode" setting.

Examples:
  shipconfirm carriers
  shipconfirm carriers --marketplace UK
  shipconfirm carriers --json`;

/** Adds `carriers [--marketplace CODE] [--json]`. */
export function registerCarriersCommand(program: Command, deps: CarriersCommandDeps): void {
  program
    .command('carriers')
    .description('List carriers: Amazon codes, names you can type, services, integration per marketplace.')
    .option(
      '--marketplace <CODE>',
      `only carriers used there (${MARKETPLACES.map((m) => m.code).join(', ')})`,
    )
    .option('--json', 'print as one JSON document')
    .addHelpText('after', HELP_AFTER)
    .action((opts: { marketplace?: string; json?: boolean }) => {
      const registry = deps.registry();
      let market: string | undefined;
      if (opts.marketplace !== undefined) {
        const found = findMarketplace(opts.marketplace);
        if (!found) {
          throw new CliError(
            EXIT.usage,
            `--marketplace "${opts.marketplace}" is not a marketplace ShipConfirm knows: use one of ` +
              `${MARKETPLACES.map((m) => m.code).join(', ')}.`,
          );
        }
        market = found.code;
      }
      const carriers = registry.carriers.filter(
        (c) => market === undefined || operatesIn(c, market) || c.id === 'other',
      );
      if (opts.json) {
        deps.stdout(
          JSON.stringify({
            marketplace: market ?? null,
            evriCode: registry.evriCode,
            carriers: carriers.map((c) => ({
              id: c.id,
              displayName: c.displayName,
              amazonCode: c.amazonCode,
              carrierName: c.carrierName ?? null,
              aliases: c.aliases,
              marketplaceAliases: c.marketplaceAliases ?? {},
              integrated: c.integrated,
              marketplaces: c.marketplaces ?? null,
              services: c.services,
              trackingFormats: c.trackingFormatIds.map((id) => ({
                id,
                name: TRACKING_FORMATS.get(id)?.name ?? id,
                verified: TRACKING_FORMATS.get(id)?.verified ?? false,
              })),
            })),
          }),
        );
        return;
      }
      deps.stdout(
        market
          ? `Carriers used in ${market} (${carriers.length - 1}), and Other:`
          : `${carriers.length} carriers (Evri is confirmed as "${registry.evriCode}"):`,
      );
      for (const c of carriers) deps.stdout(describe(c));
    });
}

function describe(c: Carrier): string {
  const code =
    c.amazonCode === 'Other' ? `Other, carrier name "${c.carrierName ?? 'you give it'}"` : c.amazonCode;
  const markets = Object.entries(c.integrated)
    .filter(([, on]) => on)
    .map(([m]) => m);
  const services = c.services.map(
    (s) => `${s.name} (${s.needsParcelId ? 'parcel ID' : s.tracked ? 'tracked' : 'untracked'})`,
  );
  const formats = c.trackingFormatIds.map((id) => {
    const f = TRACKING_FORMATS.get(id);
    return f ? `${f.name}${f.verified ? '' : ' [unverified]'}` : id;
  });
  return [
    '',
    `${c.displayName}  [${c.id}]`,
    `  Amazon code: ${code}`,
    `  integrated:  ${markets.length > 0 ? markets.join(', ') : 'no (counts against your VTR)'}`,
    ...(c.marketplaces ? [`  used in:     ${c.marketplaces.join(', ')}`] : []),
    ...(c.aliases.length > 0 ? [`  also typed:  ${c.aliases.join(', ')}`] : []),
    ...(services.length > 0 ? [`  services:    ${services.join(', ')}`] : []),
    ...(formats.length > 0 ? [`  formats:     ${formats.join('; ')}`] : []),
  ].join('\n');
}
