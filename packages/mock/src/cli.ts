import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runTour } from './contract/live-tour.js';
import { type ProxyOptions, startProxy } from './contract/proxy.js';
import { redactUpstream } from './contract/redact.js';
import { formatViolation, summarize } from './contract/violation.js';
import { startMockServer } from './mock-server.js';
import { SIMULATE_USAGE, simulateCommand } from './simulate/command.js';

const USAGE = `Usage:
  webex-mock [--port <n>] [--host <h>] [--spec <file>] [--no-errors]
      Serves a Prism mock of the Webex REST API (the spec @webex-ts/client was generated from), with file
      downloads and the simulated conversations of \`webex-mock simulate\`.
      Point your app at it: new Webex({ accessToken: 'any', baseUrl: 'http://127.0.0.1:<port>' })

${SIMULATE_USAGE}

  webex-mock proxy --upstream <url> [--port <n>] [--host <h>] [--spec <file>] [--report <file.json>]
                   [--upstream-timeout <ms>] [--upstream-host webex|contactCenter|callingAnalytics]
      Forwards every request to <url> (e.g. https://webexapis.com/v1) and checks request and answer
      against the spec; prints each contract violation, a summary on Ctrl-C, and writes them to --report.
      An upstream that has not answered in full within --upstream-timeout ms (default 30000) gets a 504.
      Only the operations of the upstream's host are checked: contactCenter for a Contact Center host
      (https://api.wxcc-<region>.cisco.com), callingAnalytics for https://analytics-calling.webexapis.com,
      else webex; --upstream-host says which for any other URL (Government's analytics host, a proxy).

  webex-mock tour [--upstream <url>] [--spec <file>] [--report <file.json>]
      With WEBEX_ACCESS_TOKEN set: a read-only tour of every list (and the get of its first item)
      through the proxy; prints a table of ok / violations / skipped. Exits 1 when it found violations.`;

const NO_TOKEN = `webex-mock tour: WEBEX_ACCESS_TOKEN is not set, so nothing was called.

The tour reads (GET only) from the real Webex API with your token and checks every answer against the spec.
To get a token:
  1. Sign in at https://developer.webex.com and open "Getting Started" (or any API reference page):
     the "Bearer" field holds a personal access token valid for 12 hours.
     A bot or service-app token works too; it sees only what that bot or app may see.
  2. Run: WEBEX_ACCESS_TOKEN=<token> pnpm contract:live
Operations the token has no scope or data for are listed as skipped.`;

/** Runs the mock, the proxy, the tour or one simulated delivery; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'simulate')
    return argv.includes('--help') || argv.includes('-h') ? help() : simulateCommand(argv.slice(1));
  const command = argv[0] === 'proxy' || argv[0] === 'tour' ? argv[0] : 'mock';
  const args = command === 'mock' ? argv : argv.slice(1);
  const values = parseCommandLine(args);
  if (!values) return 2;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    console.error(`--port must be a port number (got ${values.port})\n\n${USAGE}`);
    return 2;
  }
  const upstreamTimeout = values['upstream-timeout'];
  if (upstreamTimeout !== undefined && command !== 'proxy') {
    console.error(`--upstream-timeout goes with webex-mock proxy\n\n${USAGE}`);
    return 2;
  }
  const upstreamTimeoutMs = upstreamTimeout === undefined ? undefined : wholeMs(upstreamTimeout);
  if (upstreamTimeoutMs === null) {
    console.error(
      `--upstream-timeout must be a whole number of ms from 1 to ${MAX_TIMEOUT_MS} (got ${upstreamTimeout})\n\n${USAGE}`,
    );
    return 2;
  }
  if (command === 'tour') return tour(values.upstream, values.spec, values.report);
  if (command === 'proxy') {
    if (!values.upstream) {
      console.error(`webex-mock proxy needs --upstream <url>, e.g. --upstream https://webexapis.com/v1\n\n${USAGE}`);
      return 2;
    }
    return proxy({
      upstream: values.upstream,
      port: port ?? 4011,
      host: values.host,
      spec: values.spec,
      upstreamTimeoutMs,
      report: values.report,
      ...(values['upstream-host'] !== undefined ? { upstreamHost: values['upstream-host'] } : {}),
    });
  }
  const mock = await startMockServer({ port, host: values.host, spec: values.spec, errors: !values['no-errors'] });
  console.log(`Webex mock listening on ${mock.url}`);
  console.log(
    `Talk to your bot: webex-mock simulate message --mock ${mock.url} --to <its webhook URL> --secret <s> --text hello`,
  );
  await untilSignal();
  await mock.stop();
  return 0;
}

async function proxy(options: ProxyOptions & { report: string | undefined }): Promise<number> {
  const { report, upstream } = options;
  let running: Awaited<ReturnType<typeof startProxy>>;
  try {
    running = await startProxy({ ...options, onViolation: (v) => console.log(`violation: ${formatViolation(v)}`) });
  } catch (error) {
    console.error(`webex-mock proxy: ${(error as Error).message}`);
    return 2;
  }
  console.log(`Contract proxy listening on ${running.url}, forwarding to ${redactUpstream(upstream)}; Ctrl-C to stop`);
  await untilSignal();
  await running.stop();
  console.log(summarize(running.violations(), running.requests()));
  if (report) {
    const body = {
      upstream: redactUpstream(upstream),
      requests: running.requests(),
      violations: running.violations(),
      stoppedAt: new Date().toISOString(),
    };
    writeFileSync(report, `${JSON.stringify(body, null, 2)}\n`);
    console.log(`Report written to ${report}`);
  }
  return 0;
}

async function tour(
  upstream: string | undefined,
  spec: string | undefined,
  report: string | undefined,
): Promise<number> {
  const token = process.env.WEBEX_ACCESS_TOKEN?.trim();
  if (!token) {
    console.log(NO_TOKEN);
    return 0;
  }
  const result = await runTour({ token, upstream, spec, report, log: (line) => console.log(line) });
  if (report) console.log(`Report written to ${report}`);
  return result.violations.length ? 1 : 0;
}

// setTimeout's own limit, as startProxy checks it.
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** `raw` as a whole number of ms within what a timer takes, or null. */
function wholeMs(raw: string): number | null {
  if (!/^\d+$/.test(raw)) return null;
  const ms = Number(raw);
  return ms >= 1 && ms <= MAX_TIMEOUT_MS ? ms : null;
}

function help(): number {
  console.log(USAGE);
  return 0;
}

function untilSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

/** The options given, or undefined (after saying why) when they cannot be parsed. */
function parseCommandLine(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        spec: { type: 'string' },
        'no-errors': { type: 'boolean' },
        upstream: { type: 'string' },
        'upstream-timeout': { type: 'string' },
        'upstream-host': { type: 'string' },
        report: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return undefined;
  }
}
