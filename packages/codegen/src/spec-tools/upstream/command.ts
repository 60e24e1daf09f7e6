import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { manyValues, parseCommand, repositoryRoot } from '../../command-line.js';
import { defaultLayout } from '../../generate.js';
import { SpecError } from '../../load/bundle.js';
import {
  compareUpstream,
  formatUpstreamJson,
  formatUpstreamText,
  hasDifferences,
  UpstreamInputError,
} from './index.js';
import { documentMatches, type ScaffoldFilter, scaffoldDrafts, tagMatches } from './scaffold.js';

/** The accepted-divergences file, beside the root spec file; JSON, so the generator (which reads every *.yaml of specs/) leaves it alone. */
export const ACCEPTED_FILE = 'upstream-accepted.json';

export const UPSTREAM_USAGE = `  upstream <official.json|yaml …> [--json] [--accepted <file>]
           [--scaffold [--document <name>]… [--tag <tag>]…]
             compare our specs with official Webex OpenAPI documents, per
             resource: operations, parameters and fields only on one side, and
             summary, type, enum and required differences, leaving out those
             specs/${ACCEPTED_FILE} (or --accepted) accepts.
             --json prints the structured result; --scaffold drafts the
             operations only upstream has into specs/ (marked x-draft), only
             those of the documents and tags named. Exits 0 when nothing new
             differs, 1 when something does, 2 on bad input.`;

const OPTIONS = {
  json: { type: 'boolean' },
  scaffold: { type: 'boolean' },
  accepted: { type: 'string' },
  document: { type: 'string', multiple: true },
  tag: { type: 'string', multiple: true },
} as const;

/** `webex-codegen upstream`: returns the exit code. */
export async function runUpstream(args: string[], usage: string): Promise<number> {
  const parsed = parseCommand(args, OPTIONS, usage);
  if (!parsed) return 2;
  const { positionals: files, values } = parsed;
  const filter: ScaffoldFilter = { documents: manyValues(values, 'document'), tags: manyValues(values, 'tag') };
  if (!files.length) {
    console.error(`upstream takes one or more official Webex OpenAPI documents (JSON or YAML).\n\n${usage}`);
    return 2;
  }
  if ((filter.documents!.length || filter.tags!.length) && values.scaffold !== true) {
    console.error(`--document and --tag choose what --scaffold drafts; give --scaffold too.\n\n${usage}`);
    return 2;
  }
  const root = repositoryRoot(values);
  const rootFile = join(root, defaultLayout.specs);
  if (!existsSync(rootFile)) {
    console.error(
      `webex-codegen upstream: no ${defaultLayout.specs} under ${root}; run it in the repository or give --root <repository>`,
    );
    return 2;
  }
  const json = values.json === true;
  // With --json, stdout holds only the JSON.
  const say = json ? console.error : console.log;
  try {
    const accepted = acceptedFile(typeof values.accepted === 'string' ? values.accepted : undefined, rootFile);
    const comparison = compareUpstream(rootFile, files, accepted ? { accepted } : {});
    const unknown = unknownFilters(comparison, filter);
    if (unknown) {
      console.error(`webex-codegen upstream: ${unknown}`);
      return 2;
    }
    console.log(json ? formatUpstreamJson(comparison.result) : formatUpstreamText(comparison.result));
    if (values.scaffold === true) {
      const written = scaffoldDrafts(comparison, rootFile, filter);
      const fromCwd = relative(process.cwd(), dirname(rootFile));
      const specsDir = fromCwd.startsWith('..') ? dirname(rootFile) : fromCwd || '.';
      for (const file of written) {
        const count = file.operations.length;
        say(
          `webex-codegen upstream: drafted ${count} operation${count === 1 ? '' : 's'} in ${join(specsDir, file.file)}${file.created ? ' (new file)' : ''}`,
        );
      }
      say(
        written.length
          ? 'Curate each x-draft operation (summary, descriptions, examples, paging, required flags, method names): webex-codegen curation lists what is left; then pnpm generate.'
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

/** `--accepted`, which must exist, else the file beside the root spec file when there is one. */
function acceptedFile(given: string | undefined, rootFile: string): string | undefined {
  if (given !== undefined) {
    if (!existsSync(given)) throw new UpstreamInputError(`${given}: no such file (the accepted divergences)`);
    return given;
  }
  const beside = join(dirname(rootFile), ACCEPTED_FILE);
  if (!existsSync(beside)) return undefined;
  // Named from the working directory when inside it, as reports name the specs.
  const fromCwd = relative(process.cwd(), beside);
  return fromCwd.startsWith('..') ? beside : fromCwd;
}

/** A message when `--document` or `--tag` names nothing the documents hold, listing what they could name. */
function unknownFilters(comparison: ReturnType<typeof compareUpstream>, filter: ScaffoldFilter): string | undefined {
  const documents = comparison.documents.filter(
    (doc) => !filter.documents?.length || documentMatches(doc, filter.documents),
  );
  for (const name of filter.documents ?? []) {
    if (!comparison.documents.some((doc) => documentMatches(doc, [name])))
      return `--document ${name}: not one of the documents given (${comparison.documents.map((d) => d.file).join(', ')})`;
  }
  const chosen = new Set(documents.map((doc) => doc.file));
  const tags = [...new Set(comparison.theirs.filter((op) => chosen.has(op.document)).map((op) => op.tag))].sort();
  for (const name of filter.tags ?? []) {
    if (!tags.some((tag) => tagMatches(tag, [name])))
      return `--tag ${name}: no such tag in ${documents.map((d) => d.file).join(', ')} (tags: ${tags.join(', ')})`;
  }
  return undefined;
}
