import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// DESIGN.md: dependencies point inward only. This reads every import and checks the layers.
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'generated' ? [] : files(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'";]*?from\s+'([^']+)'|import\('([^']+)'\)/g)].map(
    (m) => m[1] ?? m[2]!,
  );
}

/** The layer of a resolved import target, or 'package' for npm packages and built-ins. */
function layerOf(target: string): string {
  const rel = relative(root, target).replaceAll('\\', '/');
  if (rel.startsWith('simulator/')) return 'simulator';
  if (rel.startsWith('amazon-models/')) return 'amazon-models';
  const m = /^src\/([^/]+)\//.exec(rel);
  return m ? m[1]! : rel;
}

const ALLOWED: Record<string, string[]> = {
  core: ['core'],
  ports: ['core', 'ports'],
  app: ['core', 'ports', 'app'],
  adapters: ['core', 'ports', 'adapters'],
  edges: ['core', 'ports', 'app', 'adapters', 'edges', 'simulator'],
  simulator: ['simulator'],
};

function violations(layer: string, dir: string) {
  const found: string[] = [];
  for (const file of files(dir)) {
    for (const spec of imports(file)) {
      if (!spec.startsWith('.')) {
        if ((layer === 'core' || layer === 'ports' || layer === 'app') && spec.startsWith('node:')) {
          found.push(`${relative(root, file)} imports ${spec} (no I/O in ${layer})`);
        }
        continue;
      }
      const target = layerOf(resolve(join(file, '..'), spec));
      if (!ALLOWED[layer]!.includes(target))
        found.push(`${relative(root, file)} imports ${spec} (${target})`);
    }
  }
  return found;
}

describe('architecture', () => {
  it.each(Object.keys(ALLOWED))('%s imports only what its layer may', (layer) => {
    const dir = layer === 'simulator' ? join(root, 'simulator') : join(root, 'src', layer);
    expect(violations(layer, dir)).toEqual([]);
  });

  it('only the config module reads the environment', () => {
    const readers = [...files(join(root, 'src'))]
      .filter((f) => /process\.env\b/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f).replaceAll('\\', '/'));
    expect(
      readers.filter((f) => !f.startsWith('src/edges/config/') && f !== 'src/edges/cli/main.ts'),
    ).toEqual([]);
  });

  it('core has no clock: no Date.now() or new Date() without an argument', () => {
    const offenders = files(join(root, 'src', 'core')).filter((f) =>
      /Date\.now\(\)|new Date\(\)/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });
});
