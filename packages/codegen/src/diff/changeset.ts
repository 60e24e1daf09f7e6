import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DiffResult } from './change.js';
import { LEVEL_HEADINGS, markdownList } from './report.js';

/** The packages generated code lives in; every API change bumps both (they are versioned together). */
export const GENERATED_PACKAGES = ['@webex-ts/client', '@webex-ts/models'] as const;

/** A changeset for a diff: its file name (`api-<hash>.md`, from the content) and markdown; none when nothing changed. */
export function changesetFor(result: DiffResult): { fileName: string; content: string } | undefined {
  if (result.bump === 'none') return undefined;
  const { breaking, additive, docs } = result.counts;
  const lines = ['---', ...GENERATED_PACKAGES.map((pkg) => `"${pkg}": ${result.bump}`), '---', ''];
  lines.push(`API changes from the specs: ${breaking} breaking, ${additive} additive, ${docs} docs-only.`);
  for (const level of ['breaking', 'additive', 'docs'] as const) {
    const items = markdownList(result, level);
    if (items.length) lines.push('', `${LEVEL_HEADINGS[level]}:`, '', ...items);
  }
  const content = `${lines.join('\n')}\n`;
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 8);
  return { fileName: `api-${hash}.md`, content };
}

/** Writes the changeset into a folder under its own name, or to a `.md` path; returns the path, or undefined when nothing changed. */
export function writeChangeset(result: DiffResult, target: { dir: string } | { file: string }): string | undefined {
  const changeset = changesetFor(result);
  if (!changeset) return undefined;
  const path = 'file' in target ? target.file : join(target.dir, changeset.fileName);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, changeset.content);
  return path;
}
