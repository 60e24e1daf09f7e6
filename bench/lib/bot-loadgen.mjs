// The load generator of the webhook benchmark, in its own process (forked by startLoadgen) so that its CPU never counts
// against the server it drives. It posts signed deliveries as Webex does (POST, JSON body, X-Spark-Signature) over
// keep-alive `node:http` connections, `concurrency` at a time, and reports the wall time, each delivery's latency and
// the statuses answered.
//
//   load({ deliveries })                  keeps [{ body, signature }] for the runs that follow
//   run({ url, from, count, concurrency }) posts deliveries[from .. from+count) to url; { ms, latencies, statuses }
import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';

/** Forks the generator; resolves to { load(deliveries), run(options), stop() }. */
export async function startLoadgen() {
  const child = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, BENCH_LOADGEN: '1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', resolve);
  });
  let next = 0;
  const waiting = new Map();
  child.on('message', (message) => {
    const call = waiting.get(message?.id);
    if (!call) return;
    waiting.delete(message.id);
    if (message.error) call.reject(new Error(`loadgen: ${message.error}`));
    else call.resolve(message.result);
  });
  const call = (name, args) =>
    new Promise((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve, reject });
      child.send({ id, name, args });
    });
  return {
    load: (deliveries) => call('load', { deliveries }),
    run: (options) => call('run', options),
    stop: () => child.kill(),
  };
}

if (process.send && process.env.BENCH_LOADGEN) {
  let deliveries = [];
  const agents = new Map();
  const agentFor = (concurrency) => {
    let agent = agents.get(concurrency);
    if (!agent) {
      agent = new Agent({ keepAlive: true, maxSockets: concurrency });
      agents.set(concurrency, agent);
    }
    return agent;
  };

  /** One POST; resolves to [status, ms]. */
  const post = (url, agent, delivery) =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const req = request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(delivery.body),
            'x-spark-signature': delivery.signature,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve([res.statusCode, performance.now() - started]));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(delivery.body);
    });

  const commands = {
    load({ deliveries: given }) {
      deliveries = given;
      return deliveries.length;
    },
    async run({ url, from, count, concurrency }) {
      const agent = agentFor(concurrency);
      const latencies = new Array(count);
      const statuses = {};
      let cursor = 0;
      const started = performance.now();
      const worker = async () => {
        while (cursor < count) {
          const i = cursor++;
          const [status, ms] = await post(url, agent, deliveries[from + i]);
          latencies[i] = ms;
          statuses[status] = (statuses[status] ?? 0) + 1;
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      return { ms: performance.now() - started, latencies, statuses };
    },
  };

  process.on('message', async (message) => {
    try {
      process.send({ id: message.id, result: await commands[message.name](message.args) });
    } catch (error) {
      process.send({ id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send({ type: 'ready' });
}
