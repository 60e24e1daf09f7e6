import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  diffSpecs,
  formatJson,
  formatText,
  openSource,
  SourceError,
  writeChangeset,
  type SpecSource,
} from './diff/index.js';
import { defaultLayout, generate } from './generate.js';
import { SpecError } from './load/bundle.js';
import {
  compareUpstream,
  formatUpstreamJson,
  formatUpstreamText,
  hasDifferences,
  scaffoldDrafts,
  UpstreamInputError,
} from './upstream/index.js';
import { findDrift, writeFiles } from './write/output.js';

const USAGE = `Usage: webex-codegen <command> [--root <dir>]

Commands:
  generate   write models and client code from the specs
  check      fail when the committed generated code differs from what the specs give
  diff <old> <new> [--changeset [<file.md>]] [--json]
             list the API changes between two versions of the specs, each one
             breaking, additive or docs-only; <old> and <new> are each a folder
             holding webex.yaml, a root spec file, or git:<rev> for the specs/
             folder of a revision. --changeset writes .changeset/api-<hash>.md
             (or <file.md>) bumping the generated packages; --json prints the
             structured result. Exits 0 whatever changed.
  upstream <official.json|yaml …> [--json] [--scaffold]
             compare our specs with official Webex OpenAPI documents, per
             resource: operations, parameters and fields only on one side, and
             type, enum and required differences. --json prints the structured
             result; --scaffold drafts the operations only upstream has into
             specs/ (marked x-draft). Exits 0 when the same, 1 when something
             differs, 2 on bad input.`;

/** Runs the command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv);
  if (!parsed) return 2;
  const [command] = parsed.positionals;
  if (parsed.values.help || !command) {
    console.log(USAGE);
    return command || parsed.values.help ? 0 : 2;
  }
  const { json, changeset, scaffold } = parsed.values;
  if (
    (command !== 'diff' && command !== 'upstream' && json) ||
    (command !== 'diff' && changeset !== undefined) ||
    (command !== 'upstream' && scaffold)
  ) {
    console.error(`--json belongs to diff and upstream, --changeset to diff, --scaffold to upstream.\n\n${USAGE}`);
    return 2;
  }
  const root = resolve(parsed.values.root ?? findRoot());
  const genDirs = [defaultLayout.modelsGen, defaultLayout.clientGen];
  switch (command) {
    case 'generate': {
      const started = performance.now();
      const files = await generate(root);
      const drift = writeFiles(root, files, genDirs);
      const touched = drift.added.length + drift.changed.length + drift.stale.length;
      console.log(
        `webex-codegen: ${files.size} files, ${touched} changed, in ${Math.round(performance.now() - started)} ms`,
      );
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
        console.error(
          `Generated code is out of date with the specs. Run pnpm generate and commit.\n${problems.join('\n')}`,
        );
        return 1;
      }
      console.log('webex-codegen: generated code matches the specs');
      return 0;
    }
    case 'diff':
      return diff(parsed.positionals.slice(1), { root, json: json === true, changeset });
    case 'upstream':
      return upstream(parsed.positionals.slice(1), { root, json: json === true, scaffold: scaffold === true });
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

/** `--changeset` takes an optional value, which parseArgs cannot express: only a following `.md` path counts as one. */
function withChangesetValue(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] !== '--changeset') out.push(argv[i]!);
    else if (argv[i + 1]?.endsWith('.md')) out.push(`--changeset=${argv[++i]}`);
    else out.push('--changeset=');
  }
  return out;
}

async function diff(
  args: string[],
  options: { root: string; json: boolean; changeset: string | undefined },
): Promise<number> {
  if (args.length !== 2) {
    console.error(`diff takes two spec versions, <old> and <new>.\n\n${USAGE}`);
    return 2;
  }
  const cwd = process.cwd();
  const sources: SpecSource[] = [];
  try {
    for (const arg of args) sources.push(openSource(arg, { cwd, repoRoot: options.root, specs: defaultLayout.specs }));
    const [before, after] = sources as [SpecSource, SpecSource];
    const result = diffSpecs(before.rootFile, after.rootFile, { old: before.label, new: after.label });
    console.log(options.json ? formatJson(result) : formatText(result));
    if (options.changeset !== undefined) {
      const target = options.changeset
        ? { file: resolve(cwd, options.changeset) }
        : { dir: join(options.root, '.changeset') };
      const written = writeChangeset(result, target, clientVersion(options.root));
      // With --json, stdout holds only the JSON.
      (options.json ? console.error : console.log)(
        `webex-codegen: ${written ? `wrote ${relative(cwd, written)}` : 'no API changes, no changeset written'}`,
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof SourceError) {
      console.error(`webex-codegen diff: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof SpecError) {
      console.error(`webex-codegen diff: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    for (const source of sources) source.dispose();
  }
}

async function upstream(files: string[], options: { root: string; json: boolean; scaffold: boolean }): Promise<number> {
  if (!files.length) {
    console.error(`upstream takes one or more official Webex OpenAPI documents (JSON or YAML).\n\n${USAGE}`);
    return 2;
  }
  const rootFile = join(options.root, defaultLayout.specs);
  if (!existsSync(rootFile)) {
    console.error(
      `webex-codegen upstream: no ${defaultLayout.specs} under ${options.root}; run it in the repository or give --root <repository>`,
    );
    return 2;
  }
  try {
    const comparison = compareUpstream(rootFile, files);
    console.log(options.json ? formatUpstreamJson(comparison.result) : formatUpstreamText(comparison.result));
    if (options.scaffold) {
      const written = scaffoldDrafts(comparison, rootFile);
      // With --json, stdout holds only the JSON.
      const say = options.json ? console.error : console.log;
      const fromCwd = relative(process.cwd(), join(rootFile, '..'));
      const specsDir = fromCwd.startsWith('..') ? join(rootFile, '..') : fromCwd || '.';
      for (const file of written) {
        say(
          `webex-codegen upstream: drafted ${file.operations.length} operation${file.operations.length === 1 ? '' : 's'} in ${join(specsDir, file.file)}${file.created ? ' (new file)' : ''}`,
        );
      }
      say(
        written.length
          ? 'Curate each x-draft operation (names, descriptions, paging, required flags, examples), then pnpm generate.'
          : 'webex-codegen upstream: no operation only upstream, nothing drafted',
      );
    }
    return hasDifferences(comparison.result) ? 1 : 0;
  } catch (error) {
    if (error instanceof UpstreamInputError) {
      console.error(`webex-codegen upstream: ${error.message}`);
      return 2;
    }
    if (error instanceof SpecError) {
      console.error(`webex-codegen upstream: our specs (${defaultLayout.specs}) do not bundle: ${error.message}`);
      return 2;
    }
    throw error;
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

/** The client's current version, which decides how a breaking change is bumped before 1.0; undefined outside this repository. */
function clientVersion(root: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(root, 'packages/client/package.json'), 'utf8')) as { version?: string })
      .version;
  } catch {
    return undefined;
  }
}

/** The command line parsed, or undefined (after saying why) when it cannot be. */
function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: withChangesetValue(argv),
      allowPositionals: true,
      options: {
        root: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        json: { type: 'boolean' },
        changeset: { type: 'string' },
        scaffold: { type: 'boolean' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return undefined;
  }
}
