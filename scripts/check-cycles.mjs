#!/usr/bin/env node
// Fails when the sources of packages/*/src import each other in a cycle (relative imports, type-only ones included).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const files = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
  }
};
for (const pkg of readdirSync(join(root, 'packages'))) {
  try {
    walk(join(root, 'packages', pkg, 'src'));
  } catch {
    // a package without src/
  }
}
const known = new Set(files);
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;
const edges = new Map(
  files.map((file) => {
    const targets = [];
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolve(dirname(file), (match[1] ?? match[2]).replace(/\.js$/, '.ts'));
      if (known.has(target)) targets.push(target);
    }
    return [file, targets];
  }),
);

const state = new Map(); // 1: on the stack, 2: done
const cycles = [];
const visit = (file, stack) => {
  state.set(file, 1);
  stack.push(file);
  for (const next of edges.get(file)) {
    if (state.get(next) === 1)
      cycles.push([...stack.slice(stack.indexOf(next)), next].map((f) => relative(root, f)).join(' → '));
    else if (!state.has(next)) visit(next, stack);
  }
  stack.pop();
  state.set(file, 2);
};
for (const file of files) if (!state.has(file)) visit(file, []);
for (const cycle of cycles) console.error(`import cycle: ${cycle}`);
console.log(`check-cycles: ${cycles.length} import cycles among ${files.length} source files`);
process.exit(cycles.length ? 1 : 0);
