// The quick-start demo: the Project Alpha example with no token, so it runs against the bundled Prism mock.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { WEBEX_ACCESS_TOKEN: _ignored, WEBEX_BASE_URL: _also, ...env } = process.env;
const run = spawnSync(process.execPath, [join(root, 'examples/project-alpha/dist/main.js')], { stdio: 'inherit', env });
process.exitCode = run.status ?? 1;
