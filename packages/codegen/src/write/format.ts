import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Biome, type Configuration } from '@biomejs/js-api/nodejs';

/** What the formatter needs from the repository's biome.json: its formatter settings. */
type FormatterSettings = Pick<Configuration, 'formatter' | 'javascript' | 'json'>;

/** Largest generated file formatted. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** The house settings, for a root without a biome.json (the generator's own scenario tests). */
const HOUSE_SETTINGS: FormatterSettings = {
  formatter: { indentStyle: 'space', indentWidth: 2, lineWidth: 120 },
  javascript: {
    formatter: { quoteStyle: 'single', trailingCommas: 'all', semicolons: 'always', arrowParentheses: 'always' },
  },
};

/**
 * Formats generated TypeScript with Biome, the formatter the hand-written code
 * uses, with the settings of the repository's `biome.json`: the same specs give
 * the same bytes, and `biome check` finds nothing to change in generated files.
 */
export class SourceFormatter {
  readonly #biome = new Biome();
  readonly #project: number;

  constructor(settings: FormatterSettings) {
    this.#project = this.#biome.openProject().projectKey;
    // The paths types of the whole API are a few MiB, over Biome's default file-size limit.
    this.#biome.applyConfiguration(this.#project, {
      ...settings,
      files: { maxSize: MAX_FILE_BYTES },
      linter: { enabled: false },
      assist: { enabled: false },
    });
  }

  /** Formatter settings from `<root>/biome.json`, or the house settings when there is none. */
  static fromRoot(root: string): SourceFormatter {
    let settings = HOUSE_SETTINGS;
    try {
      const config = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8')) as Configuration;
      settings = { formatter: config.formatter, javascript: config.javascript, json: config.json };
    } catch {
      // No biome.json (a test scenario): the house settings.
    }
    return new SourceFormatter(settings);
  }

  /** The formatted text of one TypeScript file; the path only tells Biome the language. */
  format(path: string, text: string): string {
    const result = this.#biome.formatContent(this.#project, text, { filePath: path });
    if (result.diagnostics.length)
      throw new Error(`cannot format generated ${path}: ${JSON.stringify(result.diagnostics[0])}`);
    return result.content;
  }

  /** Frees the formatter's memory. */
  close(): void {
    this.#biome.shutdown();
  }
}
