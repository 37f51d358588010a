import type { PackageItem } from '../../core/package.js';
import { CliError, EXIT } from './exit-codes.js';

/**
 * `ORDER_ITEM_ID:QTY` -> item. A malformed value is refused with the expected shape.
 */
export function parseItemFlag(value: string): PackageItem {
  const m = /^([^:\s]+):(\d+)$/.exec(value.trim());
  if (!m) {
    throw new CliError(
      EXIT.refused,
      `--item "${value}" is not ORDER_ITEM_ID:QTY (for example --item 12345678901234:2).`,
    );
  }
  const quantity = Number(m[2]);
  if (quantity < 1) throw new CliError(EXIT.refused, `--item "${value}": the quantity must be at least 1.`);
  return { orderItemId: m[1]!, quantity };
}

/**
 * An ISO 8601 time with a zone (`Z` or `+01:00`), returned in UTC with `Z`. Times without a zone
 * are refused: a local time sent as UTC is a known cause of late or refused confirmations.
 */
export function parseIsoTimeFlag(flag: string, value: string): string {
  const v = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i.test(v)) {
    throw new CliError(
      EXIT.refused,
      `${flag} "${value}" is not an ISO 8601 time with a zone. Write it like 2026-11-25T14:30:00Z (UTC) or 2026-11-25T14:30:00+01:00.`,
    );
  }
  const d = new Date(v);
  if (Number.isNaN(d.getTime()))
    throw new CliError(EXIT.refused, `${flag} "${value}" is not a real date and time.`);
  return d.toISOString();
}

/** Collects a repeatable option into an array. */
export function collect<T>(parse: (v: string) => T) {
  return (value: string, previous: T[] | undefined): T[] => [...(previous ?? []), parse(value)];
}
