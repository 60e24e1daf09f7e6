// Copies one file, creating the target folder: used by builds to ship JSON beside the compiled code. A JSON file is
// written without indentation: the bundled spec is read by tools (Prism, the contract checks), not by people, and
// the indented one stays in the repository for review.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const [from, to] = process.argv.slice(2);
mkdirSync(dirname(to), { recursive: true });
if (from.endsWith('.json')) writeFileSync(to, JSON.stringify(JSON.parse(readFileSync(from, 'utf8'))));
else copyFileSync(from, to);
