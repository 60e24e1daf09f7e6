import { type Dirent, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Differences between generated files and what is on disk. */
export interface Drift {
  changed: string[];
  added: string[];
  stale: string[];
}

function listFiles(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** Compares generated files with the repository's generated folders. */
export function findDrift(root: string, files: Map<string, string>, genDirs: string[]): Drift {
  const drift: Drift = { changed: [], added: [], stale: [] };
  for (const [path, content] of files) {
    let current: string | undefined;
    try {
      current = readFileSync(join(root, path), 'utf8');
    } catch {
      current = undefined;
    }
    if (current === undefined) drift.added.push(path);
    else if (current !== content) drift.changed.push(path);
  }
  for (const dir of genDirs) {
    for (const file of listFiles(join(root, dir))) {
      const path = relative(root, file);
      if (!files.has(path)) drift.stale.push(path);
    }
  }
  return drift;
}

/** Writes generated files and removes generated files the specs no longer give. */
export function writeFiles(root: string, files: Map<string, string>, genDirs: string[]): Drift {
  const drift = findDrift(root, files, genDirs);
  for (const path of drift.stale) rmSync(join(root, path));
  for (const path of [...drift.added, ...drift.changed]) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), files.get(path)!);
  }
  return drift;
}
