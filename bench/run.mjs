#!/usr/bin/env node
// pnpm bench: runs every benchmark in its own process, prints one table, and
// exits non-zero when a benchmark's own correctness check fails (a fast wrong
// answer) or a benchmark crashes. Targets that are not met are reported, not
// failed: ratios come from one run on one machine.
//
//   node bench/run.mjs [--only overhead,paging,...] [--json out.json] [--markdown out.md] [--strict]
//
// --strict also exits non-zero when a target is not met.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_DIR } from './lib/util.mjs';

// Each entry runs bench/<script>.mjs in a fresh process. The `-in-process` ones run the same script with the
// loopback server on the client's own event loop (BENCH_SERVER=in-process): one core for both, so the client's CPU
// cost is not hidden by a second core.
const IN_PROCESS = { BENCH_SERVER: 'in-process' };
const BENCHMARKS = [
  { id: 'overhead', script: 'overhead', title: '1. per-request overhead' },
  { id: 'paging', script: 'paging', title: '2. paging throughput' },
  { id: 'memory', script: 'memory', title: '3. memory' },
  { id: 'ratelimit', script: 'ratelimit', title: '4. bulk under rate limits' },
  { id: 'codegen', script: 'codegen', title: '5. codegen and no-op build' },
  { id: 'size', script: 'size', title: '6. size, start-up, type-check' },
  // Issue #23: completion and hover times of TypeScript's language service on a Webex Calling chain.
  { id: 'editor', script: 'editor', title: '11. editor: completion and hover on a webex.calling chain' },
  {
    id: 'overhead-in-process',
    script: 'overhead',
    title: '1. per-request overhead, server in-process',
    env: IN_PROCESS,
  },
  { id: 'paging-in-process', script: 'paging', title: '2. paging throughput, server in-process', env: IN_PROCESS },
  { id: 'memory-in-process', script: 'memory', title: '3. memory, server in-process', env: IN_PROCESS },
  { id: 'ratelimit-in-process', script: 'ratelimit', title: '4. rate limits, server in-process', env: IN_PROCESS },
  // The bot benchmarks (issue #20): the realtime fake, or the REST stand-in of the webhook one, in its own process;
  // the `-in-process` ones put it on the bot's own event loop (same BENCH_SERVER switch).
  { id: 'bot-latency', script: 'bot-latency', title: '7. event → handler through the fake socket' },
  { id: 'bot-webhook', script: 'bot-webhook', title: '8. webhook delivery through the receiver' },
  { id: 'bot-heap', script: 'bot-heap', title: '9. heap over 100k socket events' },
  { id: 'bot-reconnect', script: 'bot-reconnect', title: '10. reconnect after a dropped socket' },
  {
    id: 'bot-latency-in-process',
    script: 'bot-latency',
    title: '7. event → handler, fake in-process',
    env: IN_PROCESS,
  },
  {
    id: 'bot-webhook-in-process',
    script: 'bot-webhook',
    title: '8. webhook receiver, REST in-process',
    env: IN_PROCESS,
  },
  {
    id: 'bot-heap-in-process',
    script: 'bot-heap',
    title: '9. heap over 100k socket events, fake in-process',
    env: IN_PROCESS,
  },
  {
    id: 'bot-reconnect-in-process',
    script: 'bot-reconnect',
    title: '10. reconnect, fake in-process',
    env: IN_PROCESS,
  },
];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    json: { type: 'string' },
    markdown: { type: 'string' },
    strict: { type: 'boolean' },
  },
});
const only = values.only?.split(',').map((s) => s.trim());
const selected = BENCHMARKS.filter(({ id }) => !only || only.includes(id));

const cpus = os.cpus();
const machine = {
  node: process.version,
  cpu: `${cpus[0]?.model.trim() ?? 'unknown'} x ${cpus.length}`,
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  memory: `${Math.round(os.totalmem() / 1024 ** 3)} GB`,
};
/** Share of all cores busy over `ms` (before anything of ours runs): other work on the machine skews every figure. */
async function busyShare(ms) {
  const sum = () =>
    os.cpus().reduce(
      (acc, cpu) => ({
        idle: acc.idle + cpu.times.idle,
        all: acc.all + Object.values(cpu.times).reduce((a, b) => a + b, 0),
      }),
      { idle: 0, all: 0 },
    );
  const before = sum();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = sum();
  return 1 - (after.idle - before.idle) / Math.max(1, after.all - before.all);
}
machine.busyBefore = await busyShare(1000);
// What was measured: the commit, and whether package sources differed from it.
const git = (...args) =>
  spawnSync('git', args, { cwd: join(BENCH_DIR, '..'), encoding: 'utf8' }).stdout?.trimEnd() ?? '';
machine.commit = git('rev-parse', '--short', 'HEAD') || 'unknown';
machine.dirty = git('status', '--porcelain', '--', 'packages', 'specs')
  .split('\n')
  .filter(Boolean)
  .map((line) => line.slice(3));
console.log(`webex-ts benchmarks: node ${machine.node}, ${machine.cpu}, ${machine.os}, ${machine.memory}`);
console.log(
  `commit ${machine.commit}${machine.dirty.length ? ` + uncommitted changes in ${machine.dirty.join(', ')}` : ''}`,
);
console.log(
  `CPU busy before the run: ${(machine.busyBefore * 100).toFixed(0)}%${machine.busyBefore > 0.1 ? ' -- other work is running; timings will be noisy' : ''}\n`,
);

const started = performance.now();
const rows = [];
const checks = [];
const notes = [];
const crashed = [];
for (const { id: name, script, title, env } of selected) {
  console.log(`== ${title} (bench/${script}.mjs${env ? ', BENCH_SERVER=in-process' : ''})`);
  const t0 = performance.now();
  const { code, stdout } = await new Promise((resolve) => {
    const child = spawn(process.execPath, [join(BENCH_DIR, `${script}.mjs`)], {
      cwd: BENCH_DIR,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    // Progress lines (stderr) go to our stdout, in order with the rest.
    child.stderr.on('data', (chunk) => process.stdout.write(chunk));
    child.on('close', (exitCode) => resolve({ code: exitCode, stdout: out }));
  });
  const line = stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (!line) {
    crashed.push(name);
    console.log(`   crashed (exit ${code}) without a result\n${stdout.slice(-2000)}`);
    continue;
  }
  const result = JSON.parse(line.slice('BENCH_RESULT '.length));
  rows.push(...result.rows);
  checks.push(...result.checks.map((check) => ({ ...check, benchmark: name })));
  notes.push(...result.notes);
  if (code !== 0 && result.checks.every((check) => check.ok)) crashed.push(name);
  console.log(`   (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
}
const totalSeconds = (performance.now() - started) / 1000;

const header = ['benchmark', 'measured', 'baseline', 'ratio', 'target', 'met?'];
const table = rows.map((row) => [
  row.benchmark,
  row.measured,
  row.baseline,
  row.ratio,
  row.target,
  row.met === undefined || row.met === null ? '—' : row.met ? 'yes' : 'NO',
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
const pad = (cells) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
console.log(pad(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of table) console.log(pad(r));

const failed = checks.filter((check) => !check.ok);
console.log(
  `\nchecks: ${checks.length - failed.length} of ${checks.length} passed${failed.length ? '' : ' (every benchmark verified its own result)'}`,
);
for (const check of failed) console.log(`  FAILED [${check.benchmark}] ${check.name}: ${check.detail}`);
for (const name of crashed) console.log(`  CRASHED ${name}`);
console.log('\nnotes:');
for (const note of notes) console.log(`  - ${note}`);
const targeted = rows.filter((row) => row.met === true || row.met === false);
const unmet = targeted.filter((row) => !row.met).length;
machine.busyAfter = await busyShare(1000);
console.log(
  `\ntargets met: ${targeted.length - unmet} of ${targeted.length}; total ${totalSeconds.toFixed(0)} s; CPU busy before/after: ${(machine.busyBefore * 100).toFixed(0)}%/${(machine.busyAfter * 100).toFixed(0)}%`,
);

const markdown = [
  `| ${header.join(' | ')} |`,
  `|${header.map(() => '---').join('|')}|`,
  ...table.map((r) => `| ${r.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`),
].join('\n');
if (values.markdown) {
  mkdirSync(join(values.markdown, '..'), { recursive: true });
  writeFileSync(values.markdown, `${markdown}\n`);
}
if (values.json) {
  mkdirSync(join(values.json, '..'), { recursive: true });
  writeFileSync(values.json, `${JSON.stringify({ machine, totalSeconds, rows, checks, notes, crashed }, null, 2)}\n`);
}

if (failed.length || crashed.length) process.exitCode = 1;
else if (values.strict && unmet) process.exitCode = 2;
