// Finds the ```ts code blocks of the repository's READMEs, with the line each starts on and its doc-test marker.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One ```ts block of a README. */
export interface DocSnippet {
  /** README path relative to the repository root, e.g. `packages/client/README.md`. */
  file: string;
  /** 1-based README line of the block's first code line (the line after the opening fence). */
  line: number;
  /** The block's code, without the fences. */
  code: string;
  /** Set when the line before the fence is `<!-- doc-test: run -->`: run the block against the mock. */
  run?: RunMarker;
  /**
   * Set by `file: bot.ts` in the marker: the block is that file of the README's example, written beside the other
   * named blocks of its README, so that another block imports it as the README does (`from './bot.js'`).
   */
  named?: string;
}

/** What `<!-- doc-test: run; prints: … -->` asks of a block that runs. */
export interface RunMarker {
  /** Text the block's output (stdout and stderr) must contain, when the marker names some. */
  prints?: string;
}

/** A marker comment read: whether to run the block, and the file it is. */
export interface Marker {
  run?: RunMarker;
  named?: string;
}

// `<!-- doc-test: run -->`, `<!-- doc-test: run; prints: 404 -->`, `<!-- doc-test: run; file: bot.ts -->`, or
// `<!-- doc-test: file: main.ts -->` (a named block that is only compiled): an HTML comment, invisible on GitHub and npm.
const MARKER = /^<!--\s*doc-test:\s*(.*?)\s*-->\s*$/;

/** Reads a marker comment; throws on one it does not understand, so a typo cannot silently turn a check off. */
export function parseMarker(text: string, where: string): Marker | undefined {
  const match = MARKER.exec(text.trim());
  if (!match) return undefined;
  const parts = match[1]!.split(';').map((part) => part.trim());
  const marker: Marker = {};
  let prints: string | undefined;
  for (const [index, part] of parts.entries()) {
    const option = /^(prints|file):\s*(.+)$/.exec(part);
    if (part === 'run') marker.run = {};
    else if (option?.[1] === 'prints') prints = option[2]!;
    else if (option?.[1] === 'file') {
      if (!/^[\w-][\w.-]*\.ts$/.test(option[2]!))
        throw new Error(
          `${where}: doc-test marker option "${part}": expected a .ts file name without a directory, such as "file: bot.ts"; fix the comment`,
        );
      marker.named = option[2]!;
    } else if (index === 0)
      throw new Error(
        `${where}: doc-test marker "${text.trim()}": expected "run" (as in <!-- doc-test: run -->) or "file: <name>.ts", got "${part}"; fix the comment`,
      );
    else
      throw new Error(
        `${where}: doc-test marker option "${part}": expected "prints: <text>" or "file: <name>.ts"; fix the comment`,
      );
  }
  if (prints !== undefined) {
    if (!marker.run)
      throw new Error(`${where}: doc-test marker "${text.trim()}": "prints" needs "run"; fix the comment`);
    marker.run.prints = prints;
  }
  if (!marker.run && marker.named === undefined)
    throw new Error(`${where}: doc-test marker "${text.trim()}": expected "run" or "file: <name>.ts"; fix the comment`);
  return marker;
}

/** The ```ts blocks of one markdown text; other languages (sh, yaml …) are left alone. */
export function extractSnippets(markdown: string, file: string): DocSnippet[] {
  const lines = markdown.split('\n');
  const snippets: DocSnippet[] = [];
  let open: { line: number; marker: Marker | undefined; lang: string; body: string[] } | undefined;
  lines.forEach((text, index) => {
    const fence = /^```\s*([\w-]*)\s*$/.exec(text);
    if (!open) {
      if (!fence) return;
      const previous = index > 0 ? lines[index - 1]! : '';
      open = { line: index + 2, marker: parseMarker(previous, `${file}:${index}`), lang: fence[1]!, body: [] };
      if (open.marker && open.lang !== 'ts')
        throw new Error(
          `${file}:${index}: a doc-test marker before a \`\`\`${open.lang} block: only \`\`\`ts blocks run; move the marker`,
        );
      return;
    }
    if (fence && fence[1] === '') {
      if (open.lang === 'ts') {
        const snippet: DocSnippet = { file, line: open.line, code: open.body.join('\n') };
        if (open.marker?.run) snippet.run = open.marker.run;
        if (open.marker?.named !== undefined) snippet.named = open.marker.named;
        snippets.push(snippet);
      }
      open = undefined;
      return;
    }
    open.body.push(text);
  });
  if (open) throw new Error(`${file}:${open.line - 1}: a code fence that never closes; add the closing \`\`\``);
  const named = new Map<string, number>();
  for (const snippet of snippets) {
    const name = snippet.named;
    if (name === undefined) continue;
    const earlier = named.get(name);
    if (earlier !== undefined)
      throw new Error(
        `${file}:${snippet.line - 1}: "file: ${name}" names the block at line ${earlier} too; name each file once`,
      );
    named.set(name, snippet.line - 1);
  }
  return snippets;
}

/** The READMEs whose examples are tested: the root one, and those of every package and example. */
export function docFiles(root: string): string[] {
  const files = [join(root, 'README.md')];
  for (const group of ['packages', 'examples']) {
    for (const name of readdirSync(join(root, group)).sort()) {
      const readme = join(root, group, name, 'README.md');
      if (existsSync(readme)) files.push(readme);
    }
  }
  return files;
}

/** Every ```ts block of every tested README. */
export function allSnippets(root: string): DocSnippet[] {
  return docFiles(root).flatMap((path) => extractSnippets(readFileSync(path, 'utf8'), relative(root, path)));
}
