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
}

/** What `<!-- doc-test: run; prints: … -->` asks of a block that runs. */
export interface RunMarker {
  /** Text the block's output (stdout and stderr) must contain, when the marker names some. */
  prints?: string;
}

// `<!-- doc-test: run -->` or `<!-- doc-test: run; prints: 404 -->`: an HTML comment, invisible on GitHub and npm.
const MARKER = /^<!--\s*doc-test:\s*(.*?)\s*-->\s*$/;

/** Reads a marker comment; throws on one it does not understand, so a typo cannot silently turn a check off. */
export function parseMarker(text: string, where: string): RunMarker | undefined {
  const match = MARKER.exec(text.trim());
  if (!match) return undefined;
  const [verb, ...options] = match[1]!.split(';').map((part) => part.trim());
  if (verb !== 'run')
    throw new Error(
      `${where}: doc-test marker "${text.trim()}": expected "run" (as in <!-- doc-test: run -->), got "${verb}"; fix the comment`,
    );
  const marker: RunMarker = {};
  for (const option of options) {
    const prints = /^prints:\s*(.+)$/.exec(option);
    if (!prints)
      throw new Error(`${where}: doc-test marker option "${option}": expected "prints: <text>"; fix the comment`);
    marker.prints = prints[1]!;
  }
  return marker;
}

/** The ```ts blocks of one markdown text; other languages (sh, yaml …) are left alone. */
export function extractSnippets(markdown: string, file: string): DocSnippet[] {
  const lines = markdown.split('\n');
  const snippets: DocSnippet[] = [];
  let open: { line: number; run: RunMarker | undefined; lang: string; body: string[] } | undefined;
  lines.forEach((text, index) => {
    const fence = /^```\s*([\w-]*)\s*$/.exec(text);
    if (!open) {
      if (!fence) return;
      const previous = index > 0 ? lines[index - 1]! : '';
      open = { line: index + 2, run: parseMarker(previous, `${file}:${index}`), lang: fence[1]!, body: [] };
      if (open.run && open.lang !== 'ts')
        throw new Error(
          `${file}:${index}: a doc-test marker before a \`\`\`${open.lang} block: only \`\`\`ts blocks run; move the marker`,
        );
      return;
    }
    if (fence && fence[1] === '') {
      if (open.lang === 'ts') {
        const snippet: DocSnippet = { file, line: open.line, code: open.body.join('\n') };
        if (open.run) snippet.run = open.run;
        snippets.push(snippet);
      }
      open = undefined;
      return;
    }
    open.body.push(text);
  });
  if (open) throw new Error(`${file}:${open.line - 1}: a code fence that never closes; add the closing \`\`\``);
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
