import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseCommand, repositoryRoot } from '../../command-line.js';
import { defaultLayout } from '../../generate.js';
import { type CurationProblem, checkCuration } from './check.js';

export const CURATION_USAGE = `  curation [<specs folder>]
             check that every operation of specs/ (or the folder given) is
             curated: no x-draft, no TODO, a summary, a description that says
             more than the summary, an x-sdk-method and tags, an example for
             every JSON success answer, no empty description. Each problem
             names the file, the operation and the fix. Exits 0 when all is
             curated, 1 when something is not, 2 on usage errors.`;

/** `webex-codegen curation`: returns the exit code. */
export async function runCuration(args: string[], usage: string): Promise<number> {
  const parsed = parseCommand(args, {}, usage);
  if (!parsed) return 2;
  if (parsed.positionals.length > 1) {
    console.error(`curation takes at most one specs folder.\n\n${usage}`);
    return 2;
  }
  const [given] = parsed.positionals;
  const specDir = given ? resolve(given) : dirname(join(repositoryRoot(parsed.values), defaultLayout.specs));
  if (!existsSync(specDir) || !statSync(specDir).isDirectory()) {
    console.error(`webex-codegen curation: ${given ?? specDir} is not a folder of spec files.\n\n${usage}`);
    return 2;
  }
  const problems = checkCuration(specDir);
  const shown = relative(process.cwd(), specDir) || '.';
  const label = shown.startsWith('..') ? specDir : shown;
  if (!problems.length) {
    console.log(`webex-codegen curation: every operation under ${label} is curated`);
    return 0;
  }
  console.error(formatProblems(problems, label));
  return 1;
}

/** The problems, one line each, grouped by file, with a count first. */
function formatProblems(problems: CurationProblem[], specDir: string): string {
  const files = [...new Set(problems.map((problem) => problem.file))];
  const lines = [
    `webex-codegen curation: ${problems.length} thing${problems.length === 1 ? '' : 's'} to curate in ${files.length} file${files.length === 1 ? '' : 's'}`,
  ];
  for (const file of files) {
    for (const problem of problems.filter((p) => p.file === file))
      lines.push(`${join(specDir, file)}: ${problem.where ? `${problem.where}: ` : ''}${problem.message}`);
  }
  return lines.join('\n');
}
