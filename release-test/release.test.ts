// Release test: publish every package to a throwaway Verdaccio with the real
// publish command, install the client by version in a fresh directory outside
// the workspace, type-check a strict app against it (node16 and bundler
// resolution) and run it from ESM and CJS, on Node 20 and Node 24, against the
// Prism mock of the bundled spec.
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startMockServer, type MockServer } from '@webex-ts/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
/** Published, in dependency order. */
const PACKAGES = ['models', 'paginate', 'client', 'mock', 'cli', 'bot'] as const;
const manifest = (dir: string) =>
  JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    private?: boolean;
  };
const VERSION = manifest('client').version;

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Environment for child processes: without the lower-case npm_* variables a
 * `pnpm run` sets (pnpm's own config, which would leak the workspace's settings
 * into npm), vitest's and turbo's. A user's own NPM_CONFIG_* (a proxy, a mirror) stay.
 */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|PNPM_|VITEST|TURBO_)|^(NODE_OPTIONS|NODE_PATH)$/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, NO_UPDATE_NOTIFIER: '1', ...extra };
}

function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; allowFailure?: boolean },
): Promise<Result> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const result = { code, stdout, stderr };
      if (code !== 0 && !options.allowFailure) {
        reject(
          new Error(
            `${command} ${args.join(' ')} (in ${options.cwd}) exited with ${code}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`,
          ),
        );
      } else resolvePromise(result);
    });
  });
}

/** pnpm: the one running this (under `pnpm run`), else the one on PATH. */
function pnpm(args: string[], options: Parameters<typeof run>[2]) {
  const execPath = process.env.npm_execpath;
  return execPath && /pnpm/.test(execPath) && /\.(c?js|mjs)$/.test(execPath)
    ? run(process.execPath, [execPath, ...args], options)
    : run('pnpm', args, options);
}

const npm = (args: string[], options: Parameters<typeof run>[2]) => run('npm', args, options);

interface Registry {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** Verdaccio on loopback with a throwaway config and storage: no uplinks, anyone may read and publish. */
async function startVerdaccio(dir: string): Promise<Registry> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  mkdirSync(dir, { recursive: true });
  const config = join(dir, 'config.yaml');
  writeFileSync(
    config,
    [
      `storage: ${JSON.stringify(join(dir, 'storage'))}`,
      'auth:',
      '  htpasswd:',
      `    file: ${JSON.stringify(join(dir, 'htpasswd'))}`,
      'uplinks: {}',
      'packages:',
      "  '**':",
      '    access: $all',
      '    publish: $all',
      '    unpublish: $all',
      'middlewares:',
      '  audit:',
      '    enabled: false',
      'web:',
      '  enable: false',
      'log: { type: stdout, format: pretty, level: warn }',
      '',
    ].join('\n'),
  );
  const pkg = join(root, 'node_modules', 'verdaccio');
  const { bin } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { bin: string };
  const child = spawn(process.execPath, [join(pkg, bin), '--config', config, '--listen', `127.0.0.1:${port}`], {
    cwd: dir,
    env: cleanEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const stop = () =>
    new Promise<void>((resolveStop) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolveStop();
      });
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}-/ping`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`verdaccio did not start within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, output: () => output, stop };
}

/** Creates a user the way `npm adduser` does and returns its token. */
async function addUser(registry: string): Promise<string> {
  const name = 'release-test';
  const response = await fetch(`${registry}-/user/org.couchdb.user:${name}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      _id: `org.couchdb.user:${name}`,
      name,
      password: 'release-test-password',
      type: 'user',
      roles: [],
      date: new Date().toISOString(),
    }),
  });
  const body = (await response.json()) as { token?: string };
  if (!response.ok || !body.token) throw new Error(`adduser: ${response.status} ${JSON.stringify(body)}`);
  return body.token;
}

describe('release: publish to a local registry, install outside the workspace, use from ESM and CJS', () => {
  let work: string;
  let registry: Registry | undefined;
  let mock: MockServer | undefined;
  let consumer: string;
  const timings: string[] = [];
  const started = Date.now();
  const lap = (label: string) => timings.push(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);

  beforeAll(async () => {
    work = realpathSync(mkdtempSync(join(tmpdir(), 'webex-ts-release-')));
    expect(relative(root, work).startsWith('..')).toBe(true);
    consumer = join(work, 'consumer');
    // Both are assigned before anything can throw, so afterAll stops whichever started.
    const [startedRegistry, startedMock] = await Promise.allSettled([
      startVerdaccio(join(work, 'registry')),
      startMockServer(),
    ]);
    if (startedRegistry.status === 'fulfilled') registry = startedRegistry.value;
    if (startedMock.status === 'fulfilled') mock = startedMock.value;
    for (const outcome of [startedRegistry, startedMock]) if (outcome.status === 'rejected') throw outcome.reason;
    lap('registry and mock up');
  });

  afterAll(async () => {
    await Promise.allSettled([registry?.stop(), mock?.stop()]);
    if (process.env.KEEP_RELEASE_TEST !== '1') rmSync(work, { recursive: true, force: true });
    console.log(`release test timings (since start)\n  ${timings.join('\n  ')}`);
  });

  it('publishes every package with pnpm publish', async () => {
    const reg = registry!;
    const token = await addUser(reg.url);
    const npmrc = join(work, 'publish.npmrc');
    const host = reg.url.replace(/^http:/, '');
    writeFileSync(npmrc, `registry=${reg.url}\n${host}:_authToken=${token}\n`);
    const env = cleanEnv({ NPM_CONFIG_USERCONFIG: npmrc, npm_config_userconfig: npmrc });
    // Every package that is not private is published (and in the changesets fixed group).
    const publishable = readdirSync(join(root, 'packages')).filter(
      (dir) => existsSync(join(root, 'packages', dir, 'package.json')) && !manifest(dir).private,
    );
    expect(publishable.sort()).toEqual([...PACKAGES].sort());
    const fixed = (JSON.parse(readFileSync(join(root, '.changeset', 'config.json'), 'utf8')) as { fixed: string[][] })
      .fixed;
    expect(fixed.some((group) => PACKAGES.every((dir) => group.includes(manifest(dir).name)))).toBe(true);
    for (const dir of PACKAGES) {
      expect(manifest(dir).private, `${dir} must be publishable`).not.toBe(true);
      expect(manifest(dir).version, `fixed versioning: ${dir} has the client's version`).toBe(VERSION);
      await pnpm(['publish', '--registry', reg.url, '--no-git-checks', '--access', 'public'], {
        cwd: join(root, 'packages', dir),
        env,
      });
    }
    lap('published');
    for (const dir of PACKAGES) {
      const { name } = manifest(dir);
      const response = await fetch(`${reg.url}${name.replace('/', '%2f')}`);
      expect(response.status, name).toBe(200);
      const doc = (await response.json()) as { versions: Record<string, { dependencies?: Record<string, string> }> };
      const published = doc.versions[VERSION];
      expect(published, `${name}@${VERSION}`).toBeDefined();
      // workspace:* was replaced by the real version.
      expect(JSON.stringify(published!.dependencies ?? {})).not.toContain('workspace:');
      for (const [dep, range] of Object.entries(published!.dependencies ?? {}))
        if (dep.startsWith('@webex-ts/')) expect(range).toBe(VERSION);
    }
  });

  it('installs the client by version in a fresh directory outside the workspace', async () => {
    cpSync(join(here, 'consumer'), consumer, { recursive: true });
    // Only @webex-ts comes from the local registry; typescript, openapi-fetch … from the usual one.
    writeFileSync(join(consumer, '.npmrc'), `@webex-ts:registry=${registry!.url}\n`);
    await npm(['init', '-y'], { cwd: consumer });
    await npm(
      [
        'install',
        '--no-audit',
        '--no-fund',
        `@webex-ts/client@${VERSION}`,
        `@webex-ts/cli@${VERSION}`,
        'typescript@5.9.3',
        '@types/node@20',
      ],
      { cwd: consumer, timeoutMs: 180_000 },
    );
    lap('installed');
    const resolved = await run(process.execPath, ['-p', "require.resolve('@webex-ts/client')"], { cwd: consumer });
    expect(resolved.stdout.trim()).toBe(join(consumer, 'node_modules', '@webex-ts', 'client', 'dist', 'index.js'));
    // Real copies from the registry, not links into the workspace.
    for (const name of ['client', 'models', 'paginate', 'cli'])
      expect(lstatSync(join(consumer, 'node_modules', '@webex-ts', name)).isSymbolicLink(), name).toBe(false);
    const lock = readFileSync(join(consumer, 'package-lock.json'), 'utf8');
    expect(lock).not.toContain(root);
    const installed = JSON.parse(
      readFileSync(join(consumer, 'node_modules', '@webex-ts', 'models', 'package.json'), 'utf8'),
    ) as { version: string };
    expect(installed.version).toBe(VERSION);
  });

  it('type-checks a strict app with moduleResolution node16 and bundler', async () => {
    const tsc = join(consumer, 'node_modules', 'typescript', 'bin', 'tsc');
    const [node16, bundler] = await Promise.all([
      run(process.execPath, [tsc, '-p', 'tsconfig.node16.json'], { cwd: consumer, allowFailure: true }),
      run(process.execPath, [tsc, '-p', 'tsconfig.bundler.json'], { cwd: consumer, allowFailure: true }),
    ]);
    expect(node16.stdout + node16.stderr, 'node16').toBe('');
    expect(node16.code).toBe(0);
    expect(bundler.stdout + bundler.stderr, 'bundler').toBe('');
    expect(bundler.code).toBe(0);
    // The CJS entry is checked with module node20 (TypeScript's model of require(esm)) while it is compiled.
    await run(process.execPath, [tsc, '-p', 'tsconfig.emit.json'], { cwd: consumer });
    // CommonJS TypeScript under the tsc --init defaults (verbatimModuleSyntax): `import … = require(…)`, as the README says.
    const cjs = await run(process.execPath, [tsc, '-p', 'tsconfig.cjs.json'], { cwd: consumer, allowFailure: true });
    expect(cjs.stdout + cjs.stderr, 'CommonJS TypeScript with verbatimModuleSyntax').toBe('');
    expect(cjs.code).toBe(0);
    lap('type-checked and compiled');
  });

  // What the app prints, with the message it posted read back from the mock (which keeps what it is sent, under a
  // fresh id): the rooms it listed, that message, and the error it caught.
  const expected = async () => {
    const rooms = (await (
      await fetch(`${mock!.url}/rooms?type=group&max=5`, { headers: { authorization: 'Bearer x' } })
    ).json()) as { items: { title: string }[] };
    return [`rooms: ${rooms.items.length}, first: ${rooms.items[0]!.title}`, 'error: WebexApiError 404'];
  };
  /** The app's output, with the posted message's line checked against what the mock filed and then left out. */
  const printed = async (stdout: string, from: 'ESM' | 'CJS') => {
    const lines = stdout.trim().split('\n');
    const posted = lines.find((line) => line.startsWith('message: '));
    expect(posted, 'a "message: <id>" line').toBeDefined();
    const id = posted!.slice('message: '.length);
    const filed = (await (
      await fetch(`${mock!.url}/messages/${encodeURIComponent(id)}`, { headers: { authorization: 'Bearer x' } })
    ).json()) as { id?: string; markdown?: string };
    expect(filed, `the message the app posted, read back (${id})`).toMatchObject({
      id,
      markdown: `**Release test** from ${from}`,
    });
    return lines.filter((line) => line !== posted);
  };
  const appEnv = () => cleanEnv({ WEBEX_BASE_URL: mock!.url });

  it('runs from ESM and from CJS on Node 20', async () => {
    const lines = await expected();
    const esm = await run(process.execPath, ['out/app.mjs'], { cwd: consumer, env: appEnv() });
    expect(await printed(esm.stdout, 'ESM')).toEqual(lines);
    const cjs = await run(process.execPath, ['out/app.cjs'], { cwd: consumer, env: appEnv() });
    expect(await printed(cjs.stdout, 'CJS')).toEqual(lines);
    expect(cjs.stderr).not.toMatch(/ERR_REQUIRE_ESM|ERR_REQUIRE_ASYNC_MODULE/);
    const plain = await run(process.execPath, ['require.cjs'], { cwd: consumer, env: appEnv() });
    expect(plain.stdout.trim()).toBe('require: Webex, WebexError, WebexApiError, Paginated');
    const typed = await run(process.execPath, ['out-cjs/typed-require.cjs'], { cwd: consumer, env: appEnv() });
    expect(typed.stdout.trim()).toMatch(/^typed require: \d+ rooms$/);
    // The installed CLI's bin works too.
    const cli = await run(join(consumer, 'node_modules', '.bin', 'webex'), ['--version'], {
      cwd: consumer,
      env: appEnv(),
    });
    expect(cli.stdout.trim()).toContain(VERSION);
    lap('ran on Node 20');
  });

  it('runs from ESM and from CJS on Node 24 (the node package from the registry)', async () => {
    const lines = await expected();
    const fetched = await npm(['exec', '--yes', '--package', 'node@24', '--', 'node', '--version'], {
      cwd: consumer,
      allowFailure: true,
      timeoutMs: 180_000,
    });
    // The node package comes from the npm registry, which CI reaches: not getting it is a failure, not a skip.
    expect(
      fetched.stdout.trim(),
      `npx -p node@24 failed (exit ${fetched.code}):\n${fetched.stderr.slice(-2000)}`,
    ).toMatch(/^v24\./);
    for (const [entry, from] of [
      ['out/app.mjs', 'ESM'],
      ['out/app.cjs', 'CJS'],
    ] as const) {
      const result = await npm(['exec', '--yes', '--package', 'node@24', '--', 'node', entry], {
        cwd: consumer,
        env: appEnv(),
      });
      expect(await printed(result.stdout, from), entry).toEqual(lines);
    }
    lap('ran on Node 24');
  });
});
