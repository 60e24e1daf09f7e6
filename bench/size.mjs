// 6. Size and start-up:
//  - a small consumer (rooms.list + messages.create) bundled with esbuild
//    (bundle, minify, esm, platform neutral) and gzipped; the same consumer on
//    bare openapi-fetch is the baseline. Each bundle is then run against the
//    loopback server, so a bundle that builds but does not work fails.
//  - importing the client in a fresh Node process (median of 10) vs openapi-fetch.
//  - `tsc --noEmit` on an app calling 20 operations through the client vs the
//    same app on bare openapi-fetch with the client's `paths` type (median of 3).
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleConsumer, CONSUMERS, SMALL_BUNDLE_BUDGET_KB } from './lib/bundle.mjs';
import { BENCH_DIR, fmtKB, fmtMs, median, Report, ROOT_DIR, run, startServer, TOKEN } from './lib/util.mjs';

const IMPORT_RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 10);
const TSC_RUNS = Number(process.env.BENCH_TSC_RUNS ?? 3);
const TMP = join(BENCH_DIR, '.tmp');
const report = new Report();
mkdirSync(TMP, { recursive: true });

// --- bundle size -----------------------------------------------------------
const server = await startServer({ pages: 3 });
const bundles = {};
for (const name of Object.keys(CONSUMERS)) {
  const { code, minified, gzipped, inputs } = await bundleConsumer(name);
  const file = join(TMP, `consumer-${name}.bundle.mjs`);
  writeFileSync(file, code);
  bundles[name] = { minified, gzipped, inputs };
  // Run it: the bundle must list 300 rooms over 3 pages and post one message.
  let outcome;
  try {
    const { run: consumer } = await import(pathToFileURL(file).href);
    outcome = await consumer(server.baseUrl, TOKEN);
  } catch (error) {
    outcome = { error: String(error) };
  }
  report.check(
    `bundle ${name}: runs, lists 300 rooms, posts a message`,
    outcome.rooms === 300 && typeof outcome.messageId === 'string',
    JSON.stringify(outcome),
  );
}
const stats = await server.stats();
await server.close();
const consumers = Object.keys(CONSUMERS).length;
report.check(
  `bundle: the server saw all ${consumers} consumers (3 pages + 1 post each)`,
  stats.pagesServed === 3 * consumers && stats.accepted === consumers,
  JSON.stringify({ pages: stats.pagesServed, posts: stats.accepted }),
);

const kb = bundles.webex.gzipped / 1024;
report.row({
  benchmark: '6. bundle: rooms.list + messages.create consumer (README small-bundle recipe), min+gzip',
  measured: fmtKB(bundles.webex.gzipped),
  baseline: `${fmtKB(bundles['openapi-fetch'].gzipped)} bare openapi-fetch`,
  ratio: bundles.webex.gzipped / bundles['openapi-fetch'].gzipped,
  target: `<= ${SMALL_BUNDLE_BUDGET_KB} KB`,
  met: kb <= SMALL_BUNDLE_BUDGET_KB,
});
report.row({
  benchmark: '6. bundle: Contact Center only, skills.list + skills.create on createContactCenterCore, min+gzip',
  measured: fmtKB(bundles['contact-center'].gzipped),
  baseline: `${fmtKB(bundles['openapi-fetch'].gzipped)} bare openapi-fetch`,
  ratio: bundles['contact-center'].gzipped / bundles['openapi-fetch'].gzipped,
  target: `<= ${SMALL_BUNDLE_BUDGET_KB} KB`,
  met: bundles['contact-center'].gzipped / 1024 <= SMALL_BUNDLE_BUDGET_KB,
});
report.row({
  benchmark: '6. bundle: the same consumer through new Webex() (every resource), min+gzip',
  measured: fmtKB(bundles['webex-facade'].gzipped),
  baseline: `${fmtKB(bundles['openapi-fetch'].gzipped)} bare openapi-fetch`,
  ratio: bundles['webex-facade'].gzipped / bundles['openapi-fetch'].gzipped,
  target: '— (reference)',
  met: undefined,
});
report.note(
  `bundle: ${fmtKB(bundles.webex.minified)} minified; largest inputs (minified bytes): ` +
    bundles.webex.inputs
      .slice(0, 8)
      .map(([path, bytes]) => `${path} ${fmtKB(bytes)}`)
      .join(', '),
);

// --- import time -----------------------------------------------------------
const importScript = (specifier, exportName) =>
  `const t = performance.now(); const m = await import('${specifier}'); const ms = performance.now() - t; ` +
  `if (typeof m.${exportName} !== 'function') process.exit(3); console.log(ms);`;
const importTimes = { client: [], 'openapi-fetch': [] };
let importFailures = 0;
for (let i = 0; i < IMPORT_RUNS; i++) {
  for (const [name, specifier, exportName] of [
    ['client', '@webex-ts/client', 'Webex'],
    ['openapi-fetch', 'openapi-fetch', 'default'],
  ]) {
    const child = await run(process.execPath, ['--input-type=module', '-e', importScript(specifier, exportName)], {
      cwd: BENCH_DIR,
    });
    if (child.code !== 0) importFailures++;
    else importTimes[name].push(Number(child.stdout.trim()));
  }
}
report.check(
  'import: every fresh process imported the module and found its export',
  importFailures === 0,
  `${importFailures} failed`,
);
const importMs = median(importTimes.client);
report.row({
  benchmark: "6. start-up: await import('@webex-ts/client'), fresh node",
  measured: fmtMs(importMs),
  baseline: `${fmtMs(median(importTimes['openapi-fetch']))} openapi-fetch`,
  ratio: importMs / median(importTimes['openapi-fetch']),
  target: '<= 50 ms',
  met: importMs <= 50,
});

// --- consumer type-check -----------------------------------------------------
const require = createRequire(join(BENCH_DIR, 'package.json'));
const tsc = join(require.resolve('typescript/package.json'), '..', 'bin', 'tsc');
const apps = {};
for (const [name, source] of [
  ['webex', 'webex-app.ts'],
  ['openapi-fetch', 'openapi-fetch-app.ts'],
]) {
  const dir = join(TMP, 'typecheck', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(BENCH_DIR, 'fixtures/typecheck', source), join(dir, 'app.ts'));
  copyFileSync(join(BENCH_DIR, 'fixtures/typecheck/tsconfig.json'), join(dir, 'tsconfig.json'));
  // The client's own paths type, as its consumers get it (the built declaration).
  if (name === 'openapi-fetch')
    copyFileSync(join(ROOT_DIR, 'packages/client/dist/gen/openapi.gen.d.ts'), join(dir, 'openapi.gen.d.ts'));
  apps[name] = { dir, times: [], diagnostics: undefined };
}
for (let i = 0; i < TSC_RUNS; i++) {
  for (const name of i % 2 ? ['openapi-fetch', 'webex'] : ['webex', 'openapi-fetch']) {
    const app = apps[name];
    const child = await run(process.execPath, [tsc, '-p', app.dir, '--extendedDiagnostics'], { cwd: app.dir });
    report.check(
      `type-check ${name} app: tsc passes (and the deliberate typo is caught)`,
      child.code === 0,
      child.stdout
        .split('\n')
        .filter((l) => l.includes('error'))
        .slice(0, 3)
        .join(' | '),
    );
    app.times.push(child.ms);
    const field = (label) =>
      /^(.+?):\s+([\d.]+)/.exec(child.stdout.split('\n').find((l) => l.startsWith(`${label}:`)) ?? '')?.[2];
    app.diagnostics = {
      files: field('Files'),
      types: field('Types'),
      instantiations: field('Instantiations'),
      check: field('Check time'),
      total: field('Total time'),
    };
  }
}
const tscWebex = median(apps.webex.times);
const tscBare = median(apps['openapi-fetch'].times);
report.row({
  benchmark: '6. consumer type-check, 20 operations (tsc --noEmit)',
  measured: fmtMs(tscWebex),
  baseline: `${fmtMs(tscBare)} bare openapi-fetch + paths`,
  ratio: tscWebex / tscBare,
  target: '<= 1.0x',
  met: tscWebex / tscBare <= 1.0,
});
const d = (name) => {
  const x = apps[name].diagnostics;
  return `${name}: ${x.files} files, ${x.types} types, ${x.instantiations} instantiations, check ${x.check} s of ${x.total} s`;
};
report.note(`type-check (tsc --extendedDiagnostics): ${d('webex')}; ${d('openapi-fetch')}`);
report.emit();
