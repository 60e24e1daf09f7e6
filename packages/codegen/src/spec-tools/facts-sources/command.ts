import { join } from 'node:path';
import { parseCommand, repositoryRoot } from '../../command-line.js';
import { defaultLayout } from '../../generate.js';
import { bundleSpecs, SpecError } from '../../load/bundle.js';
import { FACTS_SOURCE } from '../../ir/facts-source.js';
import { listSingleSourced, type SingleSourced } from './list.js';

export const FACTS_SOURCES_USAGE = `  facts-sources
             list the operations and fields whose facts rest on one source
             (${FACTS_SOURCE}: wxc_sdk, partner-2025), by source, with a
             count: what to check again when Cisco's document is at hand.
             Exits 0, 1 when the specs cannot be read.`;

/** `webex-codegen facts-sources`: returns the exit code. */
export async function runFactsSources(args: string[], usage: string): Promise<number> {
  const parsed = parseCommand(args, {}, usage);
  if (!parsed) return 2;
  if (parsed.positionals.length) {
    console.error(`facts-sources takes no arguments (got ${parsed.positionals.join(' ')}).\n\n${usage}`);
    return 2;
  }
  let found: SingleSourced[];
  try {
    found = listSingleSourced(bundleSpecs(join(repositoryRoot(parsed.values), defaultLayout.specs)));
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    console.error(`webex-codegen facts-sources: ${error.message}`);
    return 1;
  }
  console.log(formatList(found));
  return 0;
}

/** A count line, then each source with its operations and fields, one a line. */
function formatList(found: SingleSourced[]): string {
  const sources = [...new Set(found.map((item) => item.source))].sort();
  const count = (kind: SingleSourced['kind']) => {
    const n = found.filter((item) => item.kind === kind).length;
    return `${n} ${kind}${n === 1 ? '' : 's'}`;
  };
  const lines = [
    `webex-codegen facts-sources: ${count('operation')} and ${count('field')} rest on one source (${FACTS_SOURCE})`,
  ];
  for (const source of sources) {
    const items = found.filter((item) => item.source === source);
    lines.push(`${source} (${items.length}):`);
    for (const item of items) lines.push(`  ${item.what}  specs/${item.file}.yaml`);
  }
  return lines.join('\n');
}
