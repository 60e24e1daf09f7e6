// Runs a README block (already type-checked) as its own Node process, pointed at a mock through WEBEX_BASE_URL.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import ts from 'typescript';

/** How a block's process ended. */
export interface SnippetRun {
  exitCode: number | null;
  /** stdout and stderr together, in the order each arrived per stream. */
  output: string;
}

/** Transpiles the block's `.mts` (or named `.ts`) next to it as `.mjs` (or `.js`); returns the script's path. */
export function writeScript(path: string, source: string): string {
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    fileName: path,
  });
  const script = path.replace(/\.mts$/, '.mjs').replace(/\.ts$/, '.js');
  writeFileSync(script, outputText);
  return script;
}

/**
 * Runs a script written by {@link writeScript} with Node; never rejects, the exit code says. Every block's script is
 * written before any runs, so that a block importing a named one (`./bot.js`) finds it whole.
 */
export function runScript(script: string, env: Record<string, string>, timeoutMs = 30_000): Promise<SnippetRun> {
  return new Promise((resolve) => {
    // Only what the block needs from the environment: no token of the developer's leaks into an example.
    const childEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env };
    execFile(process.execPath, [script], { env: childEnv, timeout: timeoutMs }, (error, stdout, stderr) => {
      const exitCode = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ exitCode, output: `${stdout}${stderr}` });
    });
  });
}
