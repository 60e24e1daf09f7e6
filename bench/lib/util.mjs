// Shared helpers: the server process, statistics, result reporting.
import { fork, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
export const ROOT_DIR = fileURLToPath(new URL('../..', import.meta.url));
export const TOKEN = 'bench-token';

/** Where the loopback server runs: 'process' (its own, the default) or 'in-process' (the client's, one event loop). */
export const SERVER_MODE = process.env.BENCH_SERVER === 'in-process' ? 'in-process' : 'process';
/** Appended to row names measured with the server in the client's own process. */
export const SERVER_SUFFIX = SERVER_MODE === 'in-process' ? ' [server in-process]' : '';

/**
 * Starts lib/server.mjs, in its own process or (BENCH_SERVER=in-process) in this one; resolves to
 * { url, baseUrl, stats(), close() } either way.
 */
export async function startServer(config = {}) {
  if (SERVER_MODE === 'in-process') {
    const { listenBenchServer } = await import('./server.mjs');
    const running = await listenBenchServer({ token: TOKEN, ...config });
    return { ...running, baseUrl: `${running.url}/v1`, stats: async () => running.stats() };
  }
  const child = fork(fileURLToPath(new URL('./server.mjs', import.meta.url)), [], {
    env: { ...process.env, BENCH_SERVER_CONFIG: JSON.stringify({ token: TOKEN, ...config }) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    child.once('message', (message) => resolve(message.url));
  });
  child.removeAllListeners('exit');
  return {
    url,
    baseUrl: `${url}/v1`,
    stats: () =>
      new Promise((resolve) => {
        const onMessage = (message) => {
          if (message?.type !== 'stats') return;
          child.off('message', onMessage);
          resolve(message.stats);
        };
        child.on('message', onMessage);
        child.send({ type: 'stats' });
      }),
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.send({ type: 'close' });
      }),
  };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs a command; resolves to { code, stdout, stderr, ms }. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

/**
 * Collects a benchmark's rows and checks, and hands them to run.mjs (a
 * `BENCH_RESULT` line on stdout). A failed check sets a non-zero exit code.
 */
export class Report {
  rows = [];
  checks = [];
  notes = [];

  /** A result row. `met` is about the target (undefined for a reference row); `checks` are about correctness. */
  row({ benchmark, measured, baseline = '—', ratio, target, met }) {
    this.rows.push({
      benchmark,
      measured,
      baseline,
      ratio: ratio === undefined ? '—' : `${ratio.toFixed(3)}x`,
      target,
      met,
    });
    console.error(
      `  ${benchmark}: ${measured}  (baseline ${baseline}${ratio === undefined ? '' : `, ${ratio.toFixed(3)}x`})  target ${target}: ${met === undefined ? 'reference' : met ? 'met' : 'NOT met'}`,
    );
  }

  check(name, ok, detail = '') {
    this.checks.push({ name, ok: Boolean(ok), detail });
    if (!ok) console.error(`  CHECK FAILED: ${name}${detail ? ` (${detail})` : ''}`);
  }

  note(text) {
    this.notes.push(text);
    console.error(`  note: ${text}`);
  }

  emit() {
    process.stdout.write(
      `BENCH_RESULT ${JSON.stringify({ rows: this.rows, checks: this.checks, notes: this.notes })}\n`,
    );
    if (this.checks.some((check) => !check.ok)) process.exitCode = 1;
  }
}

export const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`);
export const fmtUs = (ms) => `${(ms * 1000).toFixed(1)} µs`;
export const fmtMB = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const fmtKB = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
