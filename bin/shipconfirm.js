#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (prepare) or `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/src/edges/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write(
    'shipconfirm is not built yet. Run `npm install` (or `npm run build`) in the project folder first.\n',
  );
  process.exit(2);
}
const { main } = await import(entry.href);
await main();
