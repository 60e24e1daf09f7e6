// What the READMEs promise about their own examples and options, checked against them: every `ts` block chains
// answers into requests without a non-null assertion (the README says `tsc --init` users need no `!`), and the client
// README's Options section names every option `new Webex()` takes.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { allSnippets } from '../test-utils/doc-snippets.js';
import { replacePlaceholders } from './snippet-module.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The `x!` expressions of a block, as written. */
function nonNullAssertions(code: string): string[] {
  const file = ts.createSourceFile('block.mts', replacePlaceholders(code).code, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isNonNullExpression(node)) found.push(node.getText(file));
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The options of `new Webex()` (WebexOptions in packages/client/src/config/options.ts), without the deprecated ones. */
function webexOptions(): string[] {
  const path = join(root, 'packages/client/src/config/options.ts');
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const options = file.statements.find(
    (statement): statement is ts.InterfaceDeclaration =>
      ts.isInterfaceDeclaration(statement) && statement.name.text === 'WebexOptions',
  );
  if (!options) throw new Error('packages/client/src/config/options.ts: expected `interface WebexOptions`');
  return options.members
    .filter((member) => !ts.getJSDocTags(member).some((tag) => tag.tagName.text === 'deprecated'))
    .map((member) => member.name?.getText(file) ?? '')
    .filter((name) => name !== '');
}

describe('what the READMEs promise', () => {
  it('finds a non-null assertion in a block', () => {
    expect(nonNullAssertions('f(room.id!); const a = b !== c; if (!d) {}')).toEqual(['room.id!']);
  });

  it.each(allSnippets(root).map((snippet) => [`${snippet.file}:${snippet.line}`, snippet.code] as const))(
    '%s needs no `!`',
    (_where, code) => {
      expect(nonNullAssertions(code), 'answers chain without `!`: use the typed fields instead').toEqual([]);
    },
  );

  it('the client README names every option of new Webex() in its Options section', () => {
    const readme = readFileSync(join(root, 'packages/client/README.md'), 'utf8');
    const section = /^## Options\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1];
    expect(section, 'packages/client/README.md has no "## Options" section').toBeDefined();
    const missing = webexOptions().filter((name) => !section!.includes(`\`${name}\``));
    expect(missing, 'options of WebexOptions the Options section does not name').toEqual([]);
  });
});
