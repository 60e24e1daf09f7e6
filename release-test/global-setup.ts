// Vitest global setup of the release and browser projects: build every package
// (turbo; a cache hit when `pnpm test` has just built). Global setups run before
// any test file, so no other project's tests see dist/ being rewritten.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup() {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const turbo = join(root, 'node_modules', '.bin', 'turbo');
  const result = spawnSync(turbo, ['run', 'build', '--output-logs=errors-only'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`turbo run build failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
}
