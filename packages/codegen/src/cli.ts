import { parseCommand, repositoryRoot } from './command-line.js';
import { defaultLayout, generate } from './generate.js';
import { CURATION_USAGE, runCuration } from './spec-tools/curation/command.js';
import { DIFF_USAGE, runDiff } from './spec-tools/diff/command.js';
import { FACTS_SOURCES_USAGE, runFactsSources } from './spec-tools/facts-sources/command.js';
import { runUpstream, UPSTREAM_USAGE } from './spec-tools/upstream/command.js';
import { findDrift, writeFiles } from './write/output.js';

// Two halves: generation (specs → code) and the spec tools beside it (src/spec-tools/), which read specs and
// Webex's documents and never write generated code.
const USAGE = `Usage: webex-codegen <command> [--root <dir>]

Generation:
  generate   write models and client code from the specs
  check      fail when the committed generated code differs from what the specs give

Spec tools:
${DIFF_USAGE}
${UPSTREAM_USAGE}
${CURATION_USAGE}
${FACTS_SOURCES_USAGE}`;

const GENERATED_DIRS = [defaultLayout.modelsGen, defaultLayout.clientGen];

/** Each command by name: its arguments after the name and the usage text in, the exit code out. */
const COMMANDS: Record<string, (args: string[], usage: string) => Promise<number>> = {
  generate: runGenerate,
  check: runCheck,
  diff: runDiff,
  upstream: runUpstream,
  curation: runCuration,
  'facts-sources': runFactsSources,
};

/** Runs the command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  return run(args, USAGE);
}

async function runGenerate(args: string[], usage: string): Promise<number> {
  const parsed = parseCommand(args, {}, usage);
  if (!parsed || !noPositionals('generate', parsed.positionals, usage)) return 2;
  const root = repositoryRoot(parsed.values);
  const started = performance.now();
  const files = await generate(root);
  const drift = writeFiles(root, files, GENERATED_DIRS);
  const touched = drift.added.length + drift.changed.length + drift.stale.length;
  console.log(
    `webex-codegen: ${files.size} files, ${touched} changed, in ${Math.round(performance.now() - started)} ms`,
  );
  return 0;
}

async function runCheck(args: string[], usage: string): Promise<number> {
  const parsed = parseCommand(args, {}, usage);
  if (!parsed || !noPositionals('check', parsed.positionals, usage)) return 2;
  const root = repositoryRoot(parsed.values);
  const drift = findDrift(root, await generate(root), GENERATED_DIRS);
  const problems = [
    ...drift.changed.map((p) => `changed: ${p}`),
    ...drift.added.map((p) => `missing: ${p}`),
    ...drift.stale.map((p) => `stale:   ${p}`),
  ];
  if (problems.length) {
    console.error(
      `Generated code is out of date with the specs. Run pnpm generate and commit.\n${problems.join('\n')}`,
    );
    return 1;
  }
  console.log('webex-codegen: generated code matches the specs');
  return 0;
}

function noPositionals(command: string, positionals: string[], usage: string): boolean {
  if (!positionals.length) return true;
  console.error(`${command} takes no arguments (got ${positionals.join(' ')}).\n\n${usage}`);
  return false;
}
