// Runs the built `webex` bin as a subprocess, the way a CI job does.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Io } from '../src/cli.js';

const BIN = fileURLToPath(new URL('../bin/webex.js', import.meta.url));

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Added to an environment with no WEBEX_* variables of the machine running the tests. */
  env?: Record<string, string>;
  stdin?: string;
  /** Sees stdout as it grows. */
  onStdout?: (stdout: string) => void;
}

export function webex(args: string[], options: RunOptions = {}): Promise<RunResult> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('WEBEX_')));
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...env, ...options.env }, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    options.onStdout?.(stdout);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(options.stdin ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Runs the built CLI's `main` in this process, with `env` as its whole environment: for a test that puts the client on
 * a fake clock (test-utils/fake-clock.ts), which a subprocess would not share. `drive` settles the run, for instance
 * `(run) => clock.run(run)`.
 */
export async function webexInProcess(
  args: string[],
  env: Record<string, string>,
  drive: (run: Promise<number>) => Promise<number> = (run) => run,
): Promise<RunResult> {
  const { main } = (await import(new URL('../dist/cli.js', import.meta.url).href)) as typeof import('../src/cli.js');
  const result = { stdout: '', stderr: '' };
  const io: Io = {
    stdout: {
      write: (text) => {
        result.stdout += text;
        return true;
      },
    },
    stderr: {
      write: (text) => {
        result.stderr += text;
        return true;
      },
    },
    stdin: (async function* () {})(),
    env,
  };
  return { code: await drive(main(args, io)), ...result };
}
