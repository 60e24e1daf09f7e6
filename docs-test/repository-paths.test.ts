// The READMEs and docs send readers only to what the repository carries: a clone from GitHub or a package from npm has
// nothing beside it, so a path that climbs out of the repository (`../shared/tools/…`) is a dead end for everyone else.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The maintained Markdown: the READMEs and docs/*.md (not the generated API reference under docs/api). */
function markdownFiles(): string[] {
  const inDirs = (dir: string) =>
    readdirSync(join(root, dir), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${dir}/${entry.name}/README.md`);
  const docs = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`);
  return ['README.md', 'specs/README.md', ...inDirs('packages'), ...inDirs('examples'), ...docs].filter((file) =>
    existsSync(join(root, file)),
  );
}

const inside = (path: string) => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith('/'));
};

/**
 * The paths in `markdown` (at `file`) that do not lead to something in the repository: a relative link must exist from
 * the file's directory; any other `../a/b…` path (a command's argument, say) must exist from the file's directory or
 * from the repository root, where commands run. A bare `../../x` (one name) is prose about paths and left alone.
 */
function pathsOutside(file: string, markdown: string): string[] {
  const dir = dirname(join(root, file));
  const found: string[] = [];
  const links = new Set<string>();
  for (const match of markdown.matchAll(/\]\((\.\.\/[^)\s#]*)(?:#[^)]*)?\)/g)) {
    const target = match[1]!;
    links.add(target);
    const path = resolve(dir, target);
    if (!inside(path) || !existsSync(path)) found.push(target);
  }
  for (const match of markdown.matchAll(/(?:\.\.\/)+[\w-][\w.-]*\/[^\s`'")\]#]+/g)) {
    const target = match[0];
    if (links.has(target)) continue;
    const fromFile = resolve(dir, target);
    const fromRoot = resolve(root, target);
    const exists = (path: string) => inside(path) && existsSync(path);
    if (!exists(fromFile) && !exists(fromRoot)) found.push(target);
  }
  return found;
}

describe('paths in the READMEs and docs', () => {
  it('finds a path out of the repository, and leaves links and files inside it alone', () => {
    expect(pathsOutside('README.md', 'run `python3 ../shared/tools/x/y.py .`')).toEqual(['../shared/tools/x/y.py']);
    expect(pathsOutside('specs/README.md', 'read `../shared/reference/webex-api/<resource>.md`')).toEqual([
      '../shared/reference/webex-api/<resource>.md',
    ]);
    expect(pathsOutside('packages/mock/README.md', '[t](../client/test/retry-after.test.ts)')).toEqual([]);
    expect(pathsOutside('packages/cli/README.md', 'directories (`../../`) are dropped, and `../../x` stays')).toEqual(
      [],
    );
    expect(pathsOutside('packages/client/README.md', '[x](../../../elsewhere/README.md)')).toEqual([
      '../../../elsewhere/README.md',
    ]);
  });

  it.each(markdownFiles())('%s points only at what the repository carries', (file) => {
    expect(
      pathsOutside(file, readFileSync(join(root, file), 'utf8')),
      `${file}: these paths are not in the repository (a clone or an npm package has nothing beside it); use what the repository carries`,
    ).toEqual([]);
  });
});
