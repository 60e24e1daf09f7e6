// 5. Codegen: generate() from the built @webex-ts/codegen on the repository
// (all specs → every generated file, nothing written) vs openapi-typescript
// alone on the same bundled spec (packages/client/src/gen/openapi.json).
// Each run is a fresh process and counts import + first call: what a developer
// waits for. Also: a no-op `pnpm exec turbo run build` with a warm cache.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, fmtMs, median, Report, ROOT_DIR, run } from './lib/util.mjs';

const REPEATS = Number(process.env.BENCH_CODEGEN_REPEATS ?? 3);
const TMP = join(BENCH_DIR, '.tmp');

if (process.argv[2] === '--generate') await generatePass();
else if (process.argv[2] === '--openapi-typescript') await openapiTypescriptPass();
else await main();

async function generatePass() {
  const t0 = performance.now();
  const { generate } = await import('@webex-ts/codegen');
  const t1 = performance.now();
  const files = await generate(ROOT_DIR);
  const t2 = performance.now();
  await generate(ROOT_DIR);
  const t3 = performance.now();
  writeFileSync(join(TMP, 'codegen-openapi.gen.ts'), files.get('packages/client/src/gen/openapi.gen.ts') ?? '');
  const resources = [...files.keys()].filter((path) => path.startsWith('packages/client/src/gen/resources/')).length;
  console.log(
    `PASS ${JSON.stringify({ importMs: t1 - t0, runMs: t2 - t1, totalMs: t2 - t0, warmMs: t3 - t2, files: files.size, resources })}`,
  );
}

async function openapiTypescriptPass() {
  const t0 = performance.now();
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const t1 = performance.now();
  const document = JSON.parse(readFileSync(join(ROOT_DIR, 'packages/client/src/gen/openapi.json'), 'utf8'));
  const text = astToString(await openapiTS(document, { alphabetize: false }));
  const t2 = performance.now();
  astToString(
    await openapiTS(JSON.parse(readFileSync(join(ROOT_DIR, 'packages/client/src/gen/openapi.json'), 'utf8')), {
      alphabetize: false,
    }),
  );
  const t3 = performance.now();
  writeFileSync(join(TMP, 'openapi-typescript.ts'), text);
  console.log(`PASS ${JSON.stringify({ importMs: t1 - t0, runMs: t2 - t1, totalMs: t2 - t0, warmMs: t3 - t2 })}`);
}

async function main() {
  const report = new Report();
  mkdirSync(TMP, { recursive: true });
  const self = join(BENCH_DIR, 'codegen.mjs');
  const results = { generate: [], ots: [] };
  for (let i = 0; i < REPEATS; i++) {
    for (const kind of i % 2 ? ['ots', 'generate'] : ['generate', 'ots']) {
      const child = await run(process.execPath, [self, kind === 'ots' ? '--openapi-typescript' : '--generate'], {
        cwd: BENCH_DIR,
      });
      const line = child.stdout.split('\n').find((l) => l.startsWith('PASS '));
      report.check(
        `codegen ${kind} pass ran`,
        child.code === 0 && line,
        `exit ${child.code} ${child.stderr.slice(-400)}`,
      );
      if (line) results[kind].push({ ...JSON.parse(line.slice(5)), wallMs: child.ms });
    }
  }
  const gen = results.generate;
  const ots = results.ots;
  if (gen.length && ots.length) {
    const generated = readFileSync(join(TMP, 'codegen-openapi.gen.ts'), 'utf8');
    const alone = readFileSync(join(TMP, 'openapi-typescript.ts'), 'utf8');
    const { buildIr, bundleSpecs } = await import('@webex-ts/codegen');
    const expected = buildIr(bundleSpecs(join(ROOT_DIR, 'specs/webex.yaml'))).resources.length;
    report.check(
      `codegen: generate() made every file (${expected} resources, models, paths, bundled spec)`,
      gen[0].resources === expected && gen[0].files >= expected * 2,
      `${gen[0].files} files, ${gen[0].resources} resources`,
    );
    // generate() formats the paths types and leaves examples out of them, so compare what they declare: every path.
    const pathKeys = (text) => [...text.matchAll(/^ {2,4}["'](\/[^"']*)["']: \{/gm)].map((m) => m[1]).sort();
    report.check(
      'codegen: the paths types of generate() declare every path openapi-typescript declares for the bundled spec (same work; if not, run pnpm generate)',
      alone.length > 100_000 &&
        JSON.stringify(pathKeys(generated)) === JSON.stringify(pathKeys(alone)) &&
        pathKeys(alone).length > 300,
      `${pathKeys(generated).length} vs ${pathKeys(alone).length} paths`,
    );
    const genMs = median(gen.map((r) => r.totalMs));
    const otsMs = median(ots.map((r) => r.totalMs));
    const ratio = genMs / otsMs;
    report.row({
      benchmark: '5. codegen: generate() all specs, formatting included (fresh process)',
      measured: fmtMs(genMs),
      baseline: `${fmtMs(otsMs)} openapi-typescript alone`,
      ratio,
      target: '<= 2x',
      met: ratio <= 2,
    });
    const f = (list, key) => fmtMs(median(list.map((r) => r[key])));
    report.note(
      `codegen (median of ${REPEATS} fresh processes): generate import ${f(gen, 'importMs')} + run ${f(gen, 'runMs')}, second call in the same process ${f(gen, 'warmMs')}; ` +
        `openapi-typescript import ${f(ots, 'importMs')} + run ${f(ots, 'runMs')}, second call ${f(ots, 'warmMs')}; ` +
        `warm ratio ${(median(gen.map((r) => r.warmMs)) / median(ots.map((r) => r.warmMs))).toFixed(2)}x`,
    );
  }

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
