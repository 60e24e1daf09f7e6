// The quick-start demo: runs the Project Alpha example against a Prism mock of the bundled spec.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMockServer } from './mock-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mock = await startMockServer({});
console.log(`Prism mock of specs/webex.yaml on ${mock.url}\n`);
try {
  const run = spawnSync(process.execPath, [join(root, 'examples/project-alpha/dist/main.js')], {
    stdio: 'inherit',
    env: { ...process.env, WEBEX_BASE_URL: mock.url, WEBEX_ACCESS_TOKEN: 'demo-token' },
  });
  process.exitCode = run.status ?? 1;
} finally {
  await mock.stop();
}
