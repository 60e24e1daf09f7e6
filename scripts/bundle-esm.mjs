#!/usr/bin/env node
// Bundles a package's entry into one ES module (dependencies stay imports), so
// `import('@webex-ts/client')` reads one file instead of a hundred: start-up is
// dominated by module count, and bundlers still tree-shake within the file.
//   node scripts/bundle-esm.mjs <entry.ts> <out.js>
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import ts from 'typescript';

const [entry, outfile] = process.argv.slice(2);
if (!entry || !outfile) {
  console.error('usage: bundle-esm.mjs <entry.ts> <out.js>');
  process.exit(2);
}

/**
 * The source with its doc comments (`/** … *\/` attached to declarations) blanked: each of their characters but line
 * breaks becomes a space, so every position in the file stays where it was and the source map still points into the
 * shipped `src/`. esbuild keeps statement-level comments; in the client they were most of the bundle's bytes (the
 * generated JSDoc), which Node scans at every start-up, while editors read them from the declaration files.
 */
const KEPT = /[@#]__PURE__|@__NO_SIDE_EFFECTS__|@license|@preserve|@vite-ignore|webpackIgnore/;

function withoutDocComments(path, text) {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const ranges = [];
  const visit = (node) => {
    for (const doc of ts.getJSDocCommentsAndTags(node)) {
      // An annotation a bundler reads, or a licence, stays even when written as a doc comment.
      if (ts.isJSDoc(doc) && !KEPT.test(text.slice(doc.pos, doc.end))) ranges.push([doc.pos, doc.end]);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (ranges.length === 0) return text;
  // Positions are UTF-16 offsets: work on code units.
  const units = text.split('');
  for (const [start, end] of ranges) {
    for (let i = start; i < end; i++) if (units[i] !== '\n' && units[i] !== '\r') units[i] = ' ';
  }
  return units.join('');
}

const docCommentsBlanked = {
  name: 'doc-comments-blanked',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async ({ path }) => ({
      contents: withoutDocComments(path, await readFile(path, 'utf8')),
      loader: 'ts',
    }));
  },
};

await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  packages: 'external',
  sourcemap: true,
  // The map points at the package's own src/ (shipped beside dist/), not at the blanked copies esbuild read.
  sourcesContent: false,
  legalComments: 'none',
  plugins: [docCommentsBlanked],
  logLevel: 'warning',
});
