#!/usr/bin/env node
// Runs the paginate, client and bot packages' tests again on the Node versions users run. `pnpm test` runs everything on
// the machine's Node; fetch and the event loop differ between versions (Node 22 and 24 write a request only after a
// round of the loop), so the suites that drive the client against real servers (loopback faults, paging, Prism) run
// on each of them too. The CLI, mock and example suites use the same client and stay on the machine's Node only, which
// keeps CI short.
// Node comes from the npm registry (`npx -p node@N`), so nothing but npm is needed. Build first (`pnpm test` does).
//
//   node scripts/test-on-nodes.mjs            # Node 22 and 24
//   node scripts/test-on-nodes.mjs 24         # one version
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const versions = process.argv.slice(2).length ? process.argv.slice(2) : ['22', '24'];
const vitest = ['node_modules/vitest/vitest.mjs', 'run', '--project', 'paginate', '--project', 'client'];
// The bot package too: its socket uses the runtime's own WebSocket on Node 22 and 24, `ws` on Node 20.
const suites = ['packages/paginate/', 'packages/client/', 'packages/bot/'];

const failed = [];
for (const version of versions) {
  if (!/^\d+$/.test(version)) {
    console.error(`test-on-nodes: "${version}" is not a major version (e.g. 22)`);
    process.exit(2);
  }
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const probe = spawnSync(npx, ['--yes', '--package', `node@${version}`, '--', 'node', '--version'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (probe.status !== 0) {
    console.error(`test-on-nodes: could not get node@${version} from the registry:\n${probe.stderr.slice(-2000)}`);
    process.exit(2);
  }
  console.log(`\n== tests on Node ${probe.stdout.trim()}`);
  const run = spawnSync(npx, ['--yes', '--package', `node@${version}`, '--', 'node', ...vitest, ...suites], {
    cwd: root,
    stdio: 'inherit',
  });
  if (run.status !== 0) failed.push(version);
}

if (failed.length) {
  console.error(`\ntest-on-nodes: failed on Node ${failed.join(', ')}`);
  process.exit(1);
}
console.log(`\ntest-on-nodes: passed on Node ${versions.join(', ')}`);
