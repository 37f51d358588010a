import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedDir: string | undefined;

/**
 * The repository's `amazon-models/` folder. Walks up from this module because the code runs both from
 * source (simulator/src) and compiled (dist/simulator/src), at different depths.
 */
export function modelsDir(): string {
  if (cachedDir !== undefined) return cachedDir;
  const start = dirname(fileURLToPath(import.meta.url));
  let dir = start;
  for (;;) {
    const candidate = join(dir, 'amazon-models');
    if (existsSync(join(candidate, 'ordersV0.json'))) {
      cachedDir = candidate;
      return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`amazon-models/ not found in ${start} or any folder above it`);
    dir = parent;
  }
}

/** Parsed JSON of one file in `amazon-models/`. */
export function readModelFile(file: string): unknown {
  return JSON.parse(readFileSync(join(modelsDir(), file), 'utf8'));
}

let carrierCodes: ReadonlySet<string> | undefined;

/** Amazon's CarrierCode values, exact case. */
export function amazonCarrierCodes(): ReadonlySet<string> {
  if (carrierCodes === undefined) {
    const file = readModelFile('carrier-codes.json') as { values: string[] };
    carrierCodes = new Set(file.values);
  }
  return carrierCodes;
}
