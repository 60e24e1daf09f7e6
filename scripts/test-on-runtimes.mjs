#!/usr/bin/env node
// Runs the bot's realtime path under Bun and Deno, which `pnpm test` (Node only) never does: listenForEvents and
// createBot + socketTransport against the realtime fake, and webhookTransport's fetch adapter on Bun.serve / Deno.serve.
// The fake runs here, in Node; each check runs in a child process of the runtime (scripts/runtime-checks.mjs) that
// uses the built packages, and says what it saw on stdout. Prints pass/fail per check; exits 1 when one failed, 2 when
// a runtime could not be had.
// The runtimes come from the npm registry (the `bun` and `deno` packages), installed once into
// node_modules/.cache/webex-ts-runtimes, so nothing but npm is needed. Build first (`pnpm run build`).
//
//   node scripts/test-on-runtimes.mjs              # Bun and Deno
//   node scripts/test-on-runtimes.mjs deno         # one runtime
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startRealtimeFake, webhookSignature } from '@webex-ts/mock';

const root = fileURLToPath(new URL('..', import.meta.url));
const cache = `${root}node_modules/.cache/webex-ts-runtimes`;
const childScript = fileURLToPath(new URL('runtime-checks.mjs', import.meta.url));
const CHECK_TIMEOUT_MS = 30_000;
const SECRET = 'runtime-check-secret';

/**
 * Each runtime: the npm package that ships it, and how to run a script with it. Deno gets only what a bot needs: the
 * network, the environment (its token) and reading its modules.
 */
const RUNTIMES = {
  bun: { spec: 'bun@1', args: (script, check) => [script, check] },
  deno: {
    spec: 'deno@2',
    args: (script, check) => ['run', '--allow-net', '--allow-env', '--allow-read', '--quiet', script, check],
  },
};
const CHECKS = ['listen', 'bot', 'webhook'];

const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(RUNTIMES);
for (const name of wanted) {
  if (!Object.hasOwn(RUNTIMES, name)) {
    console.error(`test-on-runtimes: "${name}" is not one of ${Object.keys(RUNTIMES).join(', ')}`);
    process.exit(2);
  }
}

/** The runtime's executable, installed from the registry on first use. */
function executable(name) {
  const bin = `${cache}/node_modules/.bin/${name}`;
  if (!existsSync(bin)) {
    mkdirSync(cache, { recursive: true });
    // A package.json of its own, so that npm installs here and never into the workspace around it.
    if (!existsSync(`${cache}/package.json`)) writeFileSync(`${cache}/package.json`, '{ "private": true }\n');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const install = spawnSync(npm, ['install', '--no-audit', '--no-fund', '--prefix', cache, RUNTIMES[name].spec], {
      encoding: 'utf8',
    });
    if (install.status !== 0)
      throw new Error(`npm install ${RUNTIMES[name].spec} failed:\n${install.stderr.slice(-2000)}`);
  }
  const probe = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) throw new Error(`${bin} --version failed: ${probe.stderr || probe.error?.message}`);
  return { bin, version: /\d+\.\d+\.\d+/.exec(probe.stdout)?.[0] ?? probe.stdout.trim() };
}

/** A signed messages:created delivery naming `message`, as Webex posts it. */
function delivery(fake, message, secret) {
  const body = JSON.stringify({
    id: 'runtime-check-webhook',
    name: 'runtime check',
    targetUrl: 'http://127.0.0.1/',
    resource: 'messages',
    event: 'created',
    orgId: fake.me.orgId,
    createdBy: fake.me.id,
    appId: 'runtime-check',
    ownedBy: 'creator',
    status: 'active',
    created: new Date().toISOString(),
    actorId: message.personId,
    data: {
      id: message.id,
      roomId: message.roomId,
      roomType: message.roomType,
      personId: message.personId,
      personEmail: message.personEmail,
      created: message.created,
    },
  });
  return { body, signature: webhookSignature(body, secret) };
}

/** Runs one check in a child process of the runtime, playing Webex's side as it asks; resolves with what it found. */
async function runCheck(fake, bin, runtime, check) {
  const text = `hello from ${runtime} ${check} ${Math.random().toString(36).slice(2)}`;
  const seen = { lines: [], problems: [], frameId: undefined, device: undefined, webhookAnswers: [] };
  const child = spawn(bin, RUNTIMES[runtime].args(childScript, check), {
    cwd: root,
    env: {
      ...process.env,
      WEBEX_TS_FAKE: JSON.stringify({ u2cUrl: fake.u2cUrl, restUrl: fake.restUrl, token: fake.token, secret: SECRET }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  const timer = setTimeout(() => {
    seen.problems.push(`no result within ${CHECK_TIMEOUT_MS / 1000} s`);
    child.kill();
  }, CHECK_TIMEOUT_MS);

  const steps = [];
  for await (const line of createInterface({ input: child.stdout })) {
    let said;
    try {
      said = JSON.parse(line);
    } catch {
      seen.lines.push(line);
      continue;
    }
    steps.push(said);
    try {
      if (said.step === 'ready') {
        seen.device = fake.devices().find((device) => device.name === said.device);
        if (!seen.device) throw new Error(`no live device named ${said.device}`);
        const event = fake.activities.post({ text });
        seen.frameId = event.frame.id;
        if (fake.inject(event, { device: seen.device.url }) !== 1) throw new Error('the post reached no open socket');
      } else if (said.step === 'listening') {
        const { message } = fake.activities.post({ text });
        const target = `http://127.0.0.1:${said.port}/`;
        const forged = delivery(fake, message, 'another secret');
        const good = delivery(fake, message, SECRET);
        for (const { body, signature } of [forged, good]) {
          const response = await fetch(target, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-spark-signature': signature },
            body,
          });
          seen.webhookAnswers.push(response.status);
          await response.body?.cancel();
        }
      }
    } catch (error) {
      seen.problems.push(`playing Webex's side: ${error.message}`);
      child.kill();
    }
  }
  const { code, signal } = await exited;
  clearTimeout(timer);

  const received = steps.find((said) => said.step === 'received');
  const done = steps.find((said) => said.step === 'done');
  const failed = steps.find((said) => said.step === 'failed');
  if (failed) seen.problems.push(`the check threw: ${failed.error}`);
  if (code !== 0) seen.problems.push(`exited with ${signal ?? code}${stderr ? `: ${stderr.trim().slice(-1500)}` : ''}`);
  if (received?.text !== text) seen.problems.push(`the handler got ${JSON.stringify(received?.text)}, not the post`);
  // The forged delivery is the one error the webhook check should hear of.
  const expectedErrors = check === 'webhook' ? 1 : 0;
  const errors = received?.errors ?? [];
  if (errors.length !== expectedErrors || (expectedErrors && !/X-Spark-Signature/.test(errors[0])))
    seen.problems.push(`onError heard ${errors.length} error(s), expected ${expectedErrors}: ${errors.join('; ')}`);
  if (check === 'webhook') {
    if (seen.webhookAnswers.join() !== '403,200')
      seen.problems.push(`forged and signed deliveries answered ${seen.webhookAnswers.join(', ')}, not 403, 200`);
  } else if (done) {
    if (!done.globalWebSocket) seen.problems.push('the runtime has no global WebSocket');
    if (done.nativeSockets < 1) seen.problems.push("the socket did not go through the runtime's own WebSocket");
    const acked = fake.connections({ device: seen.device?.url }).some((c) => c.acks.includes(seen.frameId));
    if (!acked) seen.problems.push('the frame was not acked');
    if (!fake.deletedDevices().some((device) => device.url === seen.device?.url))
      seen.problems.push('the device was not deleted on close');
  }
  if (seen.lines.length) seen.problems.push(`said besides: ${seen.lines.join(' | ').slice(0, 500)}`);
  return seen.problems;
}

const fake = await startRealtimeFake();
let failures = 0;
let unavailable = 0;
try {
  for (const runtime of wanted) {
    let found;
    try {
      found = executable(runtime);
    } catch (error) {
      console.error(`test-on-runtimes: could not get ${runtime}: ${error.message}`);
      unavailable++;
      continue;
    }
    console.log(`\n== ${runtime} ${found.version}`);
    for (const check of CHECKS) {
      const started = performance.now();
      const problems = await runCheck(fake, found.bin, runtime, check);
      const took = `${Math.round(performance.now() - started)} ms`;
      if (problems.length === 0) console.log(`  pass  ${check} (${took})`);
      else {
        failures++;
        console.log(`  FAIL  ${check} (${took})\n${problems.map((problem) => `          ${problem}`).join('\n')}`);
      }
    }
  }
} finally {
  await fake.stop();
}

if (failures || unavailable) {
  console.error(
    `\ntest-on-runtimes: ${failures} check(s) failed${unavailable ? `, ${unavailable} runtime(s) missing` : ''}`,
  );
  process.exit(failures ? 1 : 2);
}
console.log(`\ntest-on-runtimes: passed on ${wanted.join(', ')}`);
