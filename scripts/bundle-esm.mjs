#!/usr/bin/env node
// Bundles a package's entry into one ES module (dependencies stay imports), so
// `import('@webex-ts/client')` reads one file instead of a hundred: start-up is
// dominated by module count, and bundlers still tree-shake within the file.
//   node scripts/bundle-esm.mjs <entry.ts> <out.js>
import { build } from 'esbuild';

const [entry, outfile] = process.argv.slice(2);
if (!entry || !outfile) {
  console.error('usage: bundle-esm.mjs <entry.ts> <out.js>');
  process.exit(2);
}
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  packages: 'external',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
