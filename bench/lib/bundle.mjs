// The bundle-size recipe, shared by the size benchmark (bench/size.mjs) and the test that keeps the README's sizes
// true (docs-test/readme-numbers.test.ts): esbuild (bundle, minify, ESM, platform neutral, ES2022), then gzip level 9.
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { BENCH_DIR } from './util.mjs';

/** The most the small-bundle consumer may weigh, min+gzip, in KB (1024 bytes): the budget the README states. */
export const SMALL_BUNDLE_BUDGET_KB = 10;

/**
 * The consumers the recipe bundles, by name: the README's small-bundle recipe, the same through `new Webex()`, a
 * Contact Center-only consumer (skills), bare openapi-fetch.
 */
export const CONSUMERS = {
  webex: 'fixtures/consumer.ts',
  'webex-facade': 'fixtures/consumer-facade.ts',
  'contact-center': 'fixtures/consumer-contact-center.ts',
  'openapi-fetch': 'fixtures/consumer-openapi-fetch.ts',
};

/** Bundles one consumer (a key of CONSUMERS) and returns its code, its sizes in bytes and its largest inputs. */
export async function bundleConsumer(name) {
  const entry = CONSUMERS[name];
  if (!entry) throw new Error(`bundleConsumer: expected one of ${Object.keys(CONSUMERS).join(', ')}, got ${name}`);
  const result = await build({
    entryPoints: [join(BENCH_DIR, entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const inputs = Object.entries(result.metafile.outputs[Object.keys(result.metafile.outputs)[0]].inputs)
    .map(([path, info]) => [
      path.replace(/^.*node_modules\//, '').replace(/^\.\.\/packages\//, 'packages/'),
      info.bytesInOutput,
    ])
    .sort((a, b) => b[1] - a[1]);
  return { code, minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, inputs };
}
