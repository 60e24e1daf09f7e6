// Copies one file, creating the target folder: used by builds to ship JSON beside the compiled code.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const [from, to] = process.argv.slice(2);
mkdirSync(dirname(to), { recursive: true });
copyFileSync(from, to);
