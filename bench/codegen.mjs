// 5. Codegen: generate() from the built @webex-ts/codegen (all specs → every generated file, nothing written) vs
// openapi-typescript alone on the same bundled spec (the `openapi.json` generate() bundles). Each run is a fresh
// process and counts import + first call: what a developer waits for. Two sets of specs: the repository's (nine
// documents, Webex Calling included) and the eight documents without Calling (a copy of specs/ in a scratch root,
// issue #22's measure). Also: a no-op `pnpm exec turbo run build` with a warm cache.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BENCH_DIR, fmtMs, median, Report, ROOT_DIR, run } from './lib/util.mjs';

const REPEATS = Number(process.env.BENCH_CODEGEN_REPEATS ?? 3);
const TMP = join(BENCH_DIR, '.tmp');
const BUNDLED = 'packages/client/src/gen/openapi.json';
const PATHS = 'packages/client/src/gen/openapi.gen.ts';

if (process.argv[2] === '--generate') await generatePass(process.argv[3], process.argv[4]);
else if (process.argv[2] === '--openapi-typescript') await openapiTypescriptPass(process.argv[3], process.argv[4]);
else await main();

/** generate() on the specs under `root`; keeps its paths types and bundled spec in TMP under `tag`. */
async function generatePass(root, tag) {
  const t0 = performance.now();
  const { generate } = await import('@webex-ts/codegen');
  const t1 = performance.now();
  const files = await generate(root);
  const t2 = performance.now();
  await generate(root);
  const t3 = performance.now();
  writeFileSync(join(TMP, `codegen-${tag}.gen.ts`), files.get(PATHS) ?? '');
  writeFileSync(join(TMP, `bundled-${tag}.json`), files.get(BUNDLED) ?? '');
  const resources = [...files.keys()].filter((path) => path.startsWith('packages/client/src/gen/resources/')).length;
  console.log(
    `PASS ${JSON.stringify({ importMs: t1 - t0, runMs: t2 - t1, totalMs: t2 - t0, warmMs: t3 - t2, files: files.size, resources })}`,
  );
}

/** openapi-typescript alone, with its defaults, on the bundled spec at `specPath`. */
async function openapiTypescriptPass(specPath, tag) {
  const t0 = performance.now();
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const t1 = performance.now();
  const text = astToString(await openapiTS(JSON.parse(readFileSync(specPath, 'utf8')), { alphabetize: false }));
  const t2 = performance.now();
  astToString(await openapiTS(JSON.parse(readFileSync(specPath, 'utf8')), { alphabetize: false }));
  const t3 = performance.now();
  writeFileSync(join(TMP, `openapi-typescript-${tag}.ts`), text);
  console.log(`PASS ${JSON.stringify({ importMs: t1 - t0, runMs: t2 - t1, totalMs: t2 - t0, warmMs: t3 - t2 })}`);
}

/**
 * A scratch root with the eight documents: specs/ without Webex Calling (its folder and its shared components), and
 * the hand-written resource modules the layout names (generate() checks they are there).
 */
function eightDocumentsRoot() {
  const root = join(TMP, 'eight-documents');
  rmSync(root, { recursive: true, force: true });
  cpSync(join(ROOT_DIR, 'specs'), join(root, 'specs'), {
    recursive: true,
    filter: (source) => !/[/\\]specs[/\\](calling|components[/\\]calling-[^/\\]*)$/.test(source),
  });
  for (const file of [
    'biome.json',
    'packages/client/src/messages/messages-resource.ts',
    'packages/client/src/webhooks/webhooks-resource.ts',
  ]) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    cpSync(join(ROOT_DIR, file), join(root, file));
  }
  return root;
}

/** Fresh processes of generate() and openapi-typescript, alternating; the rows and notes of one set of specs. */
async function measure(report, { tag, root, label }) {
  const self = join(BENCH_DIR, 'codegen.mjs');
  const results = { generate: [], ots: [] };
  for (let i = 0; i < REPEATS; i++) {
    for (const kind of i % 2 ? ['ots', 'generate'] : ['generate', 'ots']) {
      // openapi-typescript reads the spec generate() bundled (the first pass is always generate's).
      const args =
        kind === 'ots' ? ['--openapi-typescript', join(TMP, `bundled-${tag}.json`), tag] : ['--generate', root, tag];
      const child = await run(process.execPath, [self, ...args], { cwd: BENCH_DIR });
      const line = child.stdout.split('\n').find((l) => l.startsWith('PASS '));
      report.check(
        `codegen ${kind} pass ran (${label})`,
        child.code === 0 && line,
        `exit ${child.code} ${child.stderr.slice(-400)}`,
      );
      if (line) results[kind].push({ ...JSON.parse(line.slice(5)), wallMs: child.ms });
    }
  }
  const gen = results.generate;
  const ots = results.ots;
  if (!gen.length || !ots.length) return;
  const generated = readFileSync(join(TMP, `codegen-${tag}.gen.ts`), 'utf8');
  const alone = readFileSync(join(TMP, `openapi-typescript-${tag}.ts`), 'utf8');
  const { buildIr, bundleSpecs } = await import('@webex-ts/codegen');
  const expected = buildIr(bundleSpecs(join(root, 'specs/webex.yaml'))).resources.length;
  report.check(
    `codegen (${label}): generate() made every file (${expected} resources, models, paths, bundled spec)`,
    gen[0].resources === expected && gen[0].files >= expected * 2,
    `${gen[0].files} files, ${gen[0].resources} resources`,
  );
  // generate() formats the paths types and leaves examples out of them, so compare what they declare: every path.
  const pathKeys = (text) => [...text.matchAll(/^ {2,4}["'](\/[^"']*)["']: \{/gm)].map((m) => m[1]).sort();
  report.check(
    `codegen (${label}): the paths types of generate() declare every path openapi-typescript declares for the bundled spec (same work)`,
    alone.length > 100_000 &&
      JSON.stringify(pathKeys(generated)) === JSON.stringify(pathKeys(alone)) &&
      pathKeys(alone).length > 300,
    `${pathKeys(generated).length} vs ${pathKeys(alone).length} paths`,
  );
  const genMs = median(gen.map((r) => r.totalMs));
  const otsMs = median(ots.map((r) => r.totalMs));
  const ratio = genMs / otsMs;
  report.row({
    benchmark: `5. codegen: generate() ${label}, formatting included (fresh process)`,
    measured: fmtMs(genMs),
    baseline: `${fmtMs(otsMs)} openapi-typescript alone`,
    ratio,
    target: '<= 2x',
    met: ratio <= 2,
  });
  const f = (list, key) => fmtMs(median(list.map((r) => r[key])));
  report.note(
    `codegen, ${label} (${expected} resources; median of ${REPEATS} fresh processes): generate import ${f(gen, 'importMs')} + run ${f(gen, 'runMs')}, second call in the same process ${f(gen, 'warmMs')}; ` +
      `openapi-typescript import ${f(ots, 'importMs')} + run ${f(ots, 'runMs')}, second call ${f(ots, 'warmMs')}; ` +
      `warm ratio ${(median(gen.map((r) => r.warmMs)) / median(ots.map((r) => r.warmMs))).toFixed(2)}x`,
  );
}

async function main() {
  const report = new Report();
  mkdirSync(TMP, { recursive: true });
  await measure(report, { tag: 'all', root: ROOT_DIR, label: 'all specs (nine documents)' });
  await measure(report, { tag: 'eight', root: eightDocumentsRoot(), label: 'the eight documents without Calling' });

  // A no-op build: warm once, then time.
  const turbo = () =>
    run('pnpm', ['exec', 'turbo', 'run', 'build'], { cwd: ROOT_DIR, env: { ...process.env, FORCE_COLOR: '0' } });
  const warm = await turbo();
  report.check('turbo: warm-up build succeeded', warm.code === 0, warm.stderr.slice(-400));
  const times = [];
  let allCached = true;
  for (let i = 0; i < REPEATS; i++) {
    const result = await turbo();
    times.push(result.ms);
    const match = /Cached:\s+(\d+) cached, (\d+) total/.exec(result.stdout);
    if (result.code !== 0 || !match || match[1] !== match[2]) allCached = false;
  }
  report.check('turbo: the timed builds were full cache hits', allCached);
  const turboMs = median(times);
  report.row({
    benchmark: '5. no-op `pnpm exec turbo run build`, warm cache',
    measured: fmtMs(turboMs),
    target: '< 2 s',
    met: turboMs < 2000,
  });
  report.emit();
}
