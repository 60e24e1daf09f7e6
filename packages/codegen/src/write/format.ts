import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The parts of a biome.json the formatter uses. */
interface FormatterSettings {
  formatter?: Record<string, unknown>;
  javascript?: { formatter?: Record<string, unknown> };
}

/** Largest generated file formatted (the paths types of the whole API are a few MiB, over Biome's default). */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** The house settings, for a root without a biome.json (the generator's own scenario tests). */
const HOUSE_SETTINGS: FormatterSettings = {
  formatter: { indentStyle: 'space', indentWidth: 2, lineWidth: 120 },
  javascript: {
    formatter: { quoteStyle: 'single', trailingCommas: 'all', semicolons: 'always', arrowParentheses: 'always' },
  },
};

/** Formatter settings from `<root>/biome.json`, or the house settings when there is none. */
function settingsOf(root: string): FormatterSettings {
  try {
    const config = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8')) as FormatterSettings;
    return { formatter: config.formatter ?? {}, javascript: { formatter: config.javascript?.formatter ?? {} } };
  } catch {
    return HOUSE_SETTINGS;
  }
}

/**
 * Formats TypeScript sources (path → text) with Biome, the formatter the hand-written code uses, with the settings
 * of `<root>/biome.json`: the same specs give the same bytes, and `biome check` finds nothing to change in generated
 * files. Resolves to the formatted texts under the same paths.
 *
 * Biome's own binary runs once over all of them in a scratch directory: the native formatter, on every core, takes
 * a fraction of the time its WebAssembly build needs for the paths types alone. It runs in its own process, so the
 * caller can go on generating meanwhile.
 */
export async function formatSources(root: string, sources: Map<string, string>): Promise<Map<string, string>> {
  const formatted = new Map<string, string>();
  if (sources.size === 0) return formatted;
  const scratch = mkdtempSync(join(tmpdir(), 'webex-codegen-format-'));
  try {
    const settings = settingsOf(root);
    const config = {
      root: true,
      vcs: { enabled: false },
      files: { maxSize: MAX_FILE_BYTES },
      formatter: { ...settings.formatter, enabled: true },
      javascript: { formatter: settings.javascript?.formatter ?? {} },
      linter: { enabled: false },
      assist: { enabled: false },
    };
    writeFileSync(join(scratch, 'biome.json'), JSON.stringify(config));
    for (const [path, text] of sources) {
      mkdirSync(dirname(join(scratch, path)), { recursive: true });
      writeFileSync(join(scratch, path), text);
    }
    await runBiome(scratch, ['format', '--write', '--no-errors-on-unmatched', '.']);
    for (const path of sources.keys()) formatted.set(path, readFileSync(join(scratch, path), 'utf8'));
    return formatted;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Runs the Biome CLI of the `@biomejs/biome` package (its launcher picks the binary for this platform). */
function runBiome(cwd: string, args: string[]): Promise<void> {
  const launcher = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [launcher, ...args], { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve();
      const output = `${stderr}${stdout}`.trim();
      reject(new Error(`cannot format the generated files with Biome:\n${output || String(error)}`));
    });
  });
}
