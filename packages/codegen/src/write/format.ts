import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBiome } from './biome.js';
import { BATCH_BYTES, packBatches, unpackBatches } from './format-batches.js';

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
 * files. Resolves to the formatted texts under the same paths. `batchBytes` is the size of a batch (tests make it small).
 *
 * Biome's own binary runs once over all of them in a scratch directory, packed into a few batches
 * ({@link packBatches}): the native formatter, on every core, takes a fraction of the time its WebAssembly build
 * needs for the paths types alone. The batches are written and Biome is started before this returns a promise, so
 * Biome runs in its own process while the caller goes on generating (were they written asynchronously, Biome would
 * start only once the caller let the event loop run).
 */
export async function formatSources(
  root: string,
  sources: Map<string, string>,
  batchBytes = BATCH_BYTES,
): Promise<Map<string, string>> {
  if (sources.size === 0) return new Map();
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
    const batches = packBatches(sources, batchBytes);
    const names = batches.texts.map((text, i) => {
      const name = join(scratch, `batch-${i}.ts`);
      writeFileSync(name, text);
      return name;
    });
    await runBiome(scratch, ['format', '--write', '--no-errors-on-unmatched', '.']);
    return unpackBatches(
      names.map((name) => readFileSync(name, 'utf8')),
      batches,
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
