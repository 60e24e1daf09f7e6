import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DiffResult } from './change.js';
import { LEVEL_HEADINGS, markdownList } from './report.js';

/** The packages generated code lives in; every API change bumps both (they are versioned together). */
const GENERATED_PACKAGES = ['@webex-ts/client', '@webex-ts/models'] as const;

/**
 * The bump to release: strict semver from 1.0 on. Before 1.0 (`currentVersion`
 * 0.x) a breaking change is a minor bump, as is usual for 0.x packages, so the
 * first breaking spec change does not release 1.0.0 by accident.
 */
export function releaseBump(bump: DiffResult['bump'], currentVersion?: string): DiffResult['bump'] {
  return bump === 'major' && currentVersion?.startsWith('0.') ? 'minor' : bump;
}

/** A changeset for a diff: its file name (`api-<hash>.md`, from the content) and markdown; none when nothing changed. */
export function changesetFor(
  result: DiffResult,
  currentVersion?: string,
): { fileName: string; content: string } | undefined {
  if (result.bump === 'none') return undefined;
  const { breaking, additive, docs } = result.counts;
  const bump = releaseBump(result.bump, currentVersion);
  const lines = ['---', ...GENERATED_PACKAGES.map((pkg) => `"${pkg}": ${bump}`), '---', ''];
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
export function writeChangeset(
  result: DiffResult,
  target: { dir: string } | { file: string },
  currentVersion?: string,
): string | undefined {
  const changeset = changesetFor(result, currentVersion);
  if (!changeset) return undefined;
  const path = 'file' in target ? target.file : join(target.dir, changeset.fileName);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, changeset.content);
  return path;
}
