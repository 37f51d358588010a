import type { Command } from 'commander';
import type { Carrier, CarrierRegistry } from '../../../core/carriers/registry.js';
import { resolveCarrier } from '../../../core/carriers/resolve-carrier.js';
import { resolveService } from '../../../core/carriers/resolve-service.js';
import { findMarketplace, MARKETPLACES } from '../../../core/marketplace.js';
import type { Refusal } from '../../../core/outcome.js';
import { POLICY_REASONS } from '../../../core/policy/reason-codes.js';
import { detectCarriers } from '../../../core/tracking/detect.js';
import { TRACKING_FORMATS } from '../../../core/tracking/formats.js';
import { normalizeTrackingNumber } from '../../../core/tracking/normalize.js';
import { TRACKING_REASONS } from '../../../core/tracking/tracking-reasons.js';
import { validateTrackingForCarrier } from '../../../core/tracking/validate.js';
import { CliError, EXIT } from '../exit-codes.js';

/** What `tracking validate` needs: the carriers in force, standard input and a line printer. */
export interface TrackingCommandDeps {
  registry: () => CarrierRegistry;
  stdin: NodeJS.ReadableStream;
  stdout: (line: string) => void;
}

/** One line of `tracking validate --json`. */
interface ValidationLine {
  input: string;
  normalized: string;
  valid: boolean;
  /** Registry id of the carrier checked against (or detected); null when none. */
  carrier: string | null;
  kind: 'tracking' | 'parcel-id';
  reasons: Refusal[];
  warnings: Refusal[];
}

const HELP_AFTER = `
Checks each number against the carrier's formats and check digits without touching the database
or Amazon. With --carrier the number is checked against that carrier only (what the product does
when a package is recorded); without it the carrier is detected, best match first. --service
decides between a tracking number and a Royal Mail 24/48 parcel ID. --marketplace reads carrier
names that differ by country as there (default UK: "Hermes" is Evri) and, when given, limits
detection and "looks like another carrier" advice to carriers that operate in that marketplace,
as when a package of an order there is recorded.

With no NUMBER, reads one number per line from standard input.

Examples:
  shipconfirm tracking validate --carrier "Royal Mail" --service "Tracked 48" AB192837461GB
  shipconfirm tracking validate --carrier RM --service 48 320019254000221BB4EFC
  shipconfirm tracking validate 1Z5R89390357567127
  shipconfirm tracking validate --marketplace UK --carrier Evri 9664303568020479
  cut -f3 shipments.tsv | shipconfirm tracking validate --carrier dpd --json

--json prints one object per line:
  {"input","normalized","valid","carrier","kind","reasons":[],"warnings":[]}

Exit codes: 0 when every number was checked (even if some are invalid: the output says which),
2 for usage errors (unknown carrier, service or marketplace, --service without --carrier).`;

/** Adds `tracking validate [--carrier NAME] [--service NAME] [--marketplace CODE] [--json] [NUMBER...]`. */
export function registerTrackingCommand(program: Command, deps: TrackingCommandDeps): void {
  const tracking = program
    .command('tracking')
    .description('Check tracking numbers and Royal Mail parcel IDs (offline: no database, no Amazon).');
  tracking
    .command('validate')
    .description('Validate tracking numbers or parcel IDs for a carrier and service.')
    .argument('[NUMBER...]', 'numbers to check; read one per line from standard input when none')
    .option('--carrier <NAME>', 'carrier as you would type it: "Royal Mail", RM, DPD, Evri, Other...')
    .option('--service <NAME>', 'the service, e.g. "Tracked 48", "Royal Mail 24" (needs --carrier)')
    .option(
      '--marketplace <CODE>',
      `the order's marketplace (${MARKETPLACES.map((m) => m.code).join(', ')}): carrier names as there, ` +
        'and only its carriers in detection and advice (default: names as in UK, every carrier)',
    )
    .option('--json', 'one JSON object per line')
    .addHelpText('after', HELP_AFTER)
    .action(
      async (
        numbers: string[],
        opts: { carrier?: string; service?: string; marketplace?: string; json?: boolean },
      ): Promise<void> => {
        const registry = deps.registry();
        if (opts.service !== undefined && opts.carrier === undefined) {
          throw new CliError(EXIT.usage, '--service needs --carrier: a service belongs to a carrier.');
        }
        const market = marketplaceOption(opts.marketplace);
        let carrier: ReturnType<typeof resolveCarrier> | undefined;
        if (opts.carrier !== undefined) {
          // Names that differ by country ("Hermes") are read as in the UK unless told otherwise.
          carrier = resolveCarrier(registry, opts.carrier, market ?? 'UK');
          if (!carrier.ok) {
            const hint =
              carrier.suggestions.length > 0 ? ` Did you mean: ${carrier.suggestions.join(', ')}?` : '';
            throw new CliError(
              EXIT.usage,
              `${carrier.message}${hint} (list them with "shipconfirm carriers")`,
            );
          }
        }
        const service = opts.service ?? (carrier?.ok ? carrier.service?.name : undefined);
        if (carrier?.ok && opts.service !== undefined && carrier.carrier.services.length > 0) {
          if (!resolveService(carrier.carrier, opts.service)) {
            throw new CliError(
              EXIT.usage,
              `"${opts.service}" is not a ${carrier.carrier.displayName} service. Known: ` +
                `${carrier.carrier.services.map((s) => s.name).join(', ')}.`,
            );
          }
        }
        const inputs = numbers.length > 0 ? numbers : await readLines(deps.stdin);
        let invalid = 0;
        for (const input of inputs) {
          const options = market === undefined ? {} : { marketplaceCode: market };
          const line = carrier?.ok
            ? fromValidation(
                input,
                validateTrackingForCarrier(input, carrier.carrier, service, registry, options),
                carrier.carrier,
              )
            : fromDetection(input, registry, market);
          if (!line.valid) invalid++;
          const name = carrier?.ok ? carrier.carrier.displayName : undefined;
          deps.stdout(opts.json ? JSON.stringify(line) : humanLine(line, registry, name));
        }
        if (!opts.json) {
          deps.stdout(
            `${inputs.length} checked: ${inputs.length - invalid} valid, ${invalid} invalid.` +
              (invalid > 0 ? ' Fix the invalid ones before they are confirmed to Amazon.' : ''),
          );
        }
      },
    );
}

function fromValidation(
  input: string,
  v: ReturnType<typeof validateTrackingForCarrier>,
  carrier: Carrier,
): ValidationLine {
  // A code from Amazon's list that the registry does not describe has no formats: say that
  // "valid" means "not checked", as the policy does when such a package is recorded.
  const unchecked: Refusal[] = carrier.id.startsWith('amazon:')
    ? [
        {
          code: POLICY_REASONS.carrierNotInRegistry,
          message:
            `ShipConfirm cannot check ${carrier.amazonCode} tracking numbers; add the carrier to the ` +
            '"carriers" config to get those checks.',
        },
      ]
    : [];
  return {
    input,
    normalized: v.normalized,
    valid: v.ok,
    carrier: v.carrier,
    kind: v.kind,
    reasons: v.reasons,
    warnings: [...unchecked, ...v.warnings],
  };
}

/** The marketplace code of `--marketplace`, undefined when absent; a usage error when unknown. */
function marketplaceOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const found = findMarketplace(value);
  if (!found) {
    throw new CliError(
      EXIT.usage,
      `--marketplace "${value}" is not a marketplace ShipConfirm knows: use one of ` +
        `${MARKETPLACES.map((m) => m.code).join(', ')}.`,
    );
  }
  return found.code;
}

function fromDetection(input: string, registry: CarrierRegistry, market: string | undefined): ValidationLine {
  const normalized = normalizeTrackingNumber(input);
  const found = detectCarriers(normalized, registry, market);
  const best = found[0];
  if (!best) {
    return {
      input,
      normalized,
      valid: false,
      carrier: null,
      kind: 'tracking',
      reasons: [
        {
          code: TRACKING_REASONS.unrecognised,
          message:
            `${normalized || '(empty)'} fits no carrier ShipConfirm knows` +
            `${market ? ` in ${market}` : ''}: check it, or give --carrier.`,
        },
      ],
      warnings: [],
    };
  }
  const others = found.slice(1, 4).map((d) => registry.byId.get(d.carrierId)?.displayName ?? d.carrierId);
  const warnings: Refusal[] =
    others.length > 0
      ? [
          {
            code: TRACKING_REASONS.looksLikeOtherCarrier,
            message: `Could also be: ${others.join(', ')}. Give --carrier to check against the carrier used.`,
          },
        ]
      : [];
  const kind = TRACKING_FORMATS.get(best.formatId)?.kind ?? 'tracking';
  return { input, normalized, valid: true, carrier: best.carrierId, kind, reasons: [], warnings };
}

function humanLine(line: ValidationLine, registry: CarrierRegistry, displayName?: string): string {
  const name =
    displayName ??
    (line.carrier ? (registry.byId.get(line.carrier)?.displayName ?? line.carrier) : 'unknown carrier');
  const head = `${line.valid ? 'valid  ' : 'INVALID'}  ${line.normalized || JSON.stringify(line.input)}  ${name}  ${line.kind}`;
  const details = [
    ...line.reasons.map((r) => `    refused (${r.code}): ${r.message}`),
    ...line.warnings.map((w) => `    warning (${w.code}): ${w.message}`),
  ];
  return [head, ...details].join('\n');
}

async function readLines(stdin: NodeJS.ReadableStream): Promise<string[]> {
  let text = '';
  for await (const chunk of stdin)
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}
