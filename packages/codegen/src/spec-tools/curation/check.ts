import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { CORE_SCHEMA, load as parseYaml } from 'js-yaml';
import type { Json } from '../../load/bundle.js';
import { hasPortalMarkup, isBoilerplate, repeatsSummary } from './prose.js';

type Node = { [key: string]: Json };

/** One thing left to curate: where it is and how to fix it. */
export interface CurationProblem {
  /** The spec file, relative to the specs folder (`admin/groups.yaml`). */
  file: string;
  /** `GET /groups (listGroups)`, when the problem is one operation's; `line 12` for a line of the file. */
  where?: string;
  message: string;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const README = 'specs/README.md';

/**
 * Every spec file under `specDir` checked for what curated specs have: no TODO and no empty description anywhere,
 * and for every operation no draft marker, a summary, a description that says more than the summary, a resource
 * to live on (`x-sdk-method` and tags) and an example for every JSON success answer.
 */
export function checkCuration(specDir: string): CurationProblem[] {
  const problems: CurationProblem[] = [];
  const files = new FileCache();
  for (const path of specFiles(specDir)) {
    const file = relative(specDir, path);
    const text = readFileSync(path, 'utf8');
    const doc = files.read(path);
    problems.push(...lineProblems(file, text));
    problems.push(...blankDescriptions(file, doc));
    for (const [route, rawItem] of Object.entries(isNode(doc.paths) ? doc.paths : {})) {
      const item = files.resolve(path, rawItem);
      if (!item) continue;
      for (const method of HTTP_METHODS) {
        const op = item[method];
        if (!isNode(op)) continue;
        const where = `${method.toUpperCase()} ${route}${typeof op.operationId === 'string' ? ` (${op.operationId})` : ''}`;
        const say = (message: string) => problems.push({ file, where, message });
        operationProblems(op, say);
        for (const status of exampleless(op, (node) => files.resolve(path, node)))
          say(
            `the ${status} answer has a JSON body and no example: add a realistic \`example\` under its content (the Prism mock answers with it)`,
          );
      }
    }
  }
  return problems;
}

/** The markers and prose problems of one operation. */
function operationProblems(op: Node, say: (message: string) => void): void {
  if (op['x-draft'] !== undefined)
    say('still marked x-draft: curate it to the rules in specs/README.md, then remove `x-draft`');
  if (op['x-curation'] !== undefined) say('remove `x-curation`: the note of a draft, not part of the spec');
  const summary = typeof op.summary === 'string' ? op.summary.trim() : '';
  const description = typeof op.description === 'string' ? op.description.trim() : '';
  if (!summary) say('no summary: write a short one, "List rooms" (sentence case, no final period)');
  else if (hasPortalMarkup(summary))
    say('the summary carries HTML markup copied from the developer portal: write it in plain words');
  if (!description) {
    say(`no description: say in our own words what it is for and when to use it (${README}, Rules)`);
  } else if (hasPortalMarkup(description)) {
    say(
      'the description carries HTML markup (<Callout>, <br> …) copied from the developer portal: write it in our own words',
    );
  } else if (isBoilerplate(description)) {
    say(`the description "${description}" is a placeholder: say what it is for and when to use it`);
  } else if (summary && repeatsSummary(summary, description)) {
    say(
      `the description repeats the summary ("${summary}"): say what the summary cannot (units, limits, side effects, who may call it)`,
    );
  }
  const hidden = op['x-sdk-hidden'] === true;
  if (!hidden && (typeof op['x-sdk-method'] !== 'string' || !op['x-sdk-method']))
    say(
      `no x-sdk-method: name the method users call on this file's resource (list, get, create, update, delete, or a verb and noun like listFloors; ${README}, Method names)`,
    );
  if (!Array.isArray(op.tags) || !op.tags.some((tag) => typeof tag === 'string' && tag))
    say('no tags: give the Webex tag its operations come from (tags: [Rooms]), declared with a description');
}

/** The 2xx statuses whose JSON answer has no example. */
function exampleless(op: Node, resolveNode: (node: Json | undefined) => Node | undefined): string[] {
  const missing: string[] = [];
  for (const [status, raw] of Object.entries(isNode(op.responses) ? op.responses : {})) {
    if (!/^2\d\d$/.test(status)) continue;
    const content = resolveNode(raw)?.content;
    if (!isNode(content)) continue;
    for (const [type, media] of Object.entries(content)) {
      if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type) || !isNode(media)) continue;
      const examples = media.examples;
      const hasExample = media.example !== undefined || (isNode(examples) && Object.keys(examples).length > 0);
      if (!hasExample) missing.push(status);
    }
  }
  return missing;
}

/** TODO anywhere in the file (prose, comments, examples): each line that has one. */
function lineProblems(file: string, text: string): CurationProblem[] {
  return text
    .split('\n')
    .flatMap((line, index) =>
      /\bTODO\b/.test(line)
        ? [{ file, where: `line ${index + 1}`, message: 'TODO left: write what it stands for, then remove the TODO' }]
        : [],
    );
}

/** Descriptions written but empty (`description: ''`, as drafts leave them), anywhere in the file. */
function blankDescriptions(file: string, doc: Node): CurationProblem[] {
  const problems: CurationProblem[] = [];
  const walk = (node: Json | undefined, at: string[]) => {
    if (Array.isArray(node)) {
      node.forEach((child, index) => {
        walk(child, [...at, `[${index}]`]);
      });
    }
    if (!isNode(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'example' || key === 'examples') continue;
      if (key === 'description' && typeof value === 'string' && !value.trim())
        problems.push({
          file,
          where: pointer([...at, key]),
          message: `empty description: write one in our own words (${README}, Rules)`,
        });
      else walk(value, [...at, key]);
    }
  };
  walk(doc, []);
  return problems;
}

/** `['paths', '/rooms', 'get', 'parameters', '[0]']` → `paths./rooms.get.parameters[0]`. */
function pointer(at: string[]): string {
  return at.reduce((out, part) => (part.startsWith('[') ? out + part : out ? `${out}.${part}` : part), '');
}

/** Every spec file (`*.yaml`) under the folder, sorted. */
function specFiles(specDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry.name)) found.push(path);
    }
  };
  walk(specDir);
  return found;
}

/** Spec files read once each, and `$ref`s (in the file or across files) followed to what they point at. */
class FileCache {
  private readonly files = new Map<string, Node>();

  read(path: string): Node {
    let doc = this.files.get(path);
    if (!doc) {
      const parsed = parseYaml(readFileSync(path, 'utf8'), { schema: CORE_SCHEMA }) as Json;
      doc = isNode(parsed) ? parsed : {};
      this.files.set(path, doc);
    }
    return doc;
  }

  /** The node a `$ref` points at (followed until it is not one), or the node itself; undefined when it points at nothing. */
  resolve(fromFile: string, node: Json | undefined, depth = 0): Node | undefined {
    if (!isNode(node)) return undefined;
    if (typeof node.$ref !== 'string' || depth > 20) return node;
    const [filePart, pointerPart = ''] = node.$ref.split('#');
    const file = filePart ? resolve(dirname(fromFile), filePart) : fromFile;
    let target: Json | undefined;
    try {
      target = this.read(file);
    } catch {
      return undefined;
    }
    for (const raw of pointerPart.split('/').slice(1)) {
      const part = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
      target = isNode(target) ? target[part] : Array.isArray(target) ? target[Number(part)] : undefined;
    }
    return this.resolve(file, target, depth + 1);
  }
}

function isNode(value: Json | undefined): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
