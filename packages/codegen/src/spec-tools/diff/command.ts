import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseCommand, repositoryRoot } from '../../command-line.js';
import { defaultLayout } from '../../generate.js';
import { SpecError } from '../../load/bundle.js';
import {
  diffSpecs,
  formatJson,
  formatText,
  openSource,
  SourceError,
  type SpecSource,
  writeChangeset,
} from './index.js';

export const DIFF_USAGE = `  diff <old> <new> [--changeset [<file.md>]] [--json]
             list the API changes between two versions of the specs, each one
             breaking, additive or docs-only; <old> and <new> are each a folder
             holding webex.yaml, a root spec file, or git:<rev> for the specs/
             folder of a revision. --changeset writes .changeset/api-<hash>.md
             (or <file.md>) bumping the generated packages; --json prints the
             structured result. Exits 0 whatever changed.`;

/** `webex-codegen diff`: returns the exit code (0 whatever changed, 1 when a spec does not bundle, 2 on usage errors). */
export async function runDiff(args: string[], usage: string): Promise<number> {
  const parsed = parseCommand(
    withChangesetValue(args),
    { json: { type: 'boolean' }, changeset: { type: 'string' } },
    usage,
  );
  if (!parsed) return 2;
  if (parsed.positionals.length !== 2) {
    console.error(`diff takes two spec versions, <old> and <new>.\n\n${usage}`);
    return 2;
  }
  const root = repositoryRoot(parsed.values);
  const json = parsed.values.json === true;
  const changeset = typeof parsed.values.changeset === 'string' ? parsed.values.changeset : undefined;
  const cwd = process.cwd();
  const sources: SpecSource[] = [];
  try {
    for (const arg of parsed.positionals)
      sources.push(openSource(arg, { cwd, repoRoot: root, specs: defaultLayout.specs }));
    const [before, after] = sources as [SpecSource, SpecSource];
    const result = diffSpecs(before.rootFile, after.rootFile, { old: before.label, new: after.label });
    console.log(json ? formatJson(result) : formatText(result));
    if (changeset !== undefined) {
      const target = changeset ? { file: resolve(cwd, changeset) } : { dir: join(root, '.changeset') };
      const written = writeChangeset(result, target, clientVersion(root));
      // With --json, stdout holds only the JSON.
      (json ? console.error : console.log)(
        `webex-codegen: ${written ? `wrote ${relative(cwd, written)}` : 'no API changes, no changeset written'}`,
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof SourceError) {
      console.error(`webex-codegen diff: ${error.message}\n\n${usage}`);
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

/** The client's current version, which decides how a breaking change is bumped before 1.0; undefined outside this repository. */
function clientVersion(root: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(root, 'packages/client/package.json'), 'utf8')) as { version?: string })
      .version;
  } catch {
    return undefined;
  }
}
