// The README's "Build a bot" ends with main.ts, the file a reader runs for real: it waits for Ctrl-C, so the generic
// runner (snippets.test.ts) only compiles it. Here it runs, unchanged, as its own Node process against the mock: it
// must say it is ready, answer `deploy 412` in the thread, and on SIGINT stop and exit by itself.
//
// What the test supplies is only what the security rule asks a test to say in code: where the catalog is and that
// its loopback origin may receive the token (`catalogUrl`, `allowLoopbackForTests`). main.ts imports `./bot.js`; in
// the directory it runs from, that is a stand-in which calls the README's own deployBot with those two options. The
// token and the REST base come from the environment, as they would for the reader (WEBEX_ACCESS_TOKEN, WEBEX_BASE_URL).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../scripts/mock-server.mjs';
import { allSnippets, type DocSnippet } from '../test-utils/doc-snippets.js';
import { writeScript } from './run-snippet.js';
import { buildModule } from './snippet-module.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Apart from the generic runner's directory, which it empties when it starts.
const dir = join(root, 'node_modules/.cache/doc-snippets-build-a-bot-main');

function namedBlock(name: string): DocSnippet {
  const found = allSnippets(root).find((snippet) => snippet.file === 'README.md' && snippet.named === name);
  if (!found) throw new Error(`README.md has no block marked "file: ${name}"; this test runs the Build a bot section`);
  return found;
}

/** The process's output so far, and a way to wait for a piece of it. */
function watchOutput(child: ChildProcess) {
  let output = '';
  const waiting = new Set<() => void>();
  const add = (chunk: Buffer) => {
    output += chunk.toString();
    for (const check of waiting) check();
  };
  child.stdout?.on('data', add);
  child.stderr?.on('data', add);
  return {
    text: () => output,
    waitFor(text: string, timeoutMs: number): Promise<void> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`main.ts did not print "${text}" within ${timeoutMs} ms; it printed:\n${output}`));
        }, timeoutMs);
        const check = () => {
          if (!output.includes(text)) return;
          clearTimeout(timer);
          waiting.delete(check);
          resolve();
        };
        waiting.add(check);
        check();
      });
    },
  };
}

let mock: MockServer;
let child: ChildProcess | undefined;
beforeAll(async () => {
  mock = await startMockServer();
}, 60_000);
afterAll(async () => {
  if (child?.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await mock?.stop();
});

it('README.md main.ts: ready, answers deploy 412 in the thread, and stops on Ctrl-C (SIGINT) by itself', async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeScript(join(dir, 'readers-bot.ts'), buildModule(namedBlock('bot.ts')).source);
  const main = writeScript(join(dir, 'main.ts'), buildModule(namedBlock('main.ts')).source);
  const catalog = mock.realtime.u2cUrl;
  writeFileSync(
    join(dir, 'bot.js'),
    [
      "import { deployBot as readersBot } from './readers-bot.js';",
      '// The client as the reader makes it (new Webex(), from the environment); the socket told where the fake is.',
      `export const deployBot = () => readersBot(undefined, { catalogUrl: ${JSON.stringify(catalog)}, allowLoopbackForTests: true });`,
      '',
    ].join('\n'),
  );

  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    WEBEX_BASE_URL: mock.url,
    WEBEX_ACCESS_TOKEN: mock.realtime.token,
  };
  const started = spawn(process.execPath, [main], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child = started;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    started.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const output = watchOutput(started);
  await output.waitFor('Ready: write "deploy 412"', 20_000);
  expect(mock.realtime.devices(), 'the bot registered one device').toHaveLength(1);

  // Ana writes in her 1:1 room with the bot, as in bot.test.ts; the answer goes into her message's thread.
  const { message } = await mock.simulate.message({ text: 'deploy 412' });
  const reply = await mock.waitFor(
    () => mock.requests.find((request) => request.method === 'POST' && request.path === '/messages'),
    { timeoutMs: 10_000, what: "main.ts's answer (POST /messages)" },
  );
  expect(reply.body).toEqual({ roomId: message.roomId, parentId: message.id, markdown: 'Deploying 412…' });

  started.kill('SIGINT');
  const timeout = new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 10_000));
  const ended = await Promise.race([exited, timeout]);
  expect(ended, `after SIGINT main.ts should stop the bot and exit by itself; it printed:\n${output.text()}`).toEqual({
    code: 0,
    signal: null,
  });
  expect(mock.realtime.devices(), 'bot.stop() deleted the device').toEqual([]);
  expect(mock.realtime.deletedDevices()).toHaveLength(1);
}, 60_000);
