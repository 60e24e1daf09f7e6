import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultLayout, generate } from './generate.js';
import { findDrift, writeFiles } from './write/output.js';

const USAGE = `Usage: webex-codegen <command> [--root <dir>]

Commands:
  generate   write models and client code from the specs
  check      fail when the committed generated code differs from what the specs give`;

/** Runs the command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { root: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [command] = parsed.positionals;
  if (parsed.values.help || !command) {
    console.log(USAGE);
    return command || parsed.values.help ? 0 : 2;
  }
  const root = resolve(parsed.values.root ?? findRoot());
  const genDirs = [defaultLayout.modelsGen, defaultLayout.clientGen];
  switch (command) {
    case 'generate': {
      const started = performance.now();
      const files = await generate(root);
      const drift = writeFiles(root, files, genDirs);
      const touched = drift.added.length + drift.changed.length + drift.stale.length;
      console.log(`webex-codegen: ${files.size} files, ${touched} changed, in ${Math.round(performance.now() - started)} ms`);
      return 0;
    }
    case 'check': {
      const drift = findDrift(root, await generate(root), genDirs);
      const problems = [
        ...drift.changed.map((p) => `changed: ${p}`),
        ...drift.added.map((p) => `missing: ${p}`),
        ...drift.stale.map((p) => `stale:   ${p}`),
      ];
      if (problems.length) {
        console.error(`Generated code is out of date with the specs. Run pnpm generate and commit.\n${problems.join('\n')}`);
        return 1;
      }
      console.log('webex-codegen: generated code matches the specs');
      return 0;
    }
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

/** The repository root: the nearest folder above the working directory with a pnpm-workspace.yaml. */
function findRoot(): string {
  let dir = process.cwd();
  while (!existsSync(resolve(dir, 'pnpm-workspace.yaml'))) {
    const parent = resolve(dir, '..');
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}
