// The numbers the READMEs state about the code (operations, resources, bundle sizes) are derived here and compared,
// so a README cannot keep a number the code has moved away from. Counts must match exactly; a size may differ from
// the measurement by at most SIZE_TOLERANCE (a README rounds it), and is measured with the size benchmark's own esbuild
// recipe (bench/lib/bundle.mjs) on the built packages. Sizes are deterministic: nothing here is timed.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleConsumer, type CONSUMERS, SMALL_BUNDLE_BUDGET_KB } from '../bench/lib/bundle.mjs';
import { operations as operationTable } from '../packages/client/src/gen/operations.gen.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

/** How far a stated size may be from the measured one, as a share of the measurement. */
const SIZE_TOLERANCE = 0.05;

/** Every generated method as `resource.method` (`rooms.list`, `scim.users.get`): the keys of the operation table. */
const operations = Object.keys(operationTable);
const resources = new Set(operations.map((name) => name.replace(/\.[^.]+$/, '')));

/** One number a README states, where (a pattern whose first group is the number) and what it must be. */
interface Claim {
  file: string;
  what: string;
  pattern: RegExp;
  /** The true value, in the README's unit. */
  actual: () => number;
  /** Relative tolerance; 0 for counts. */
  tolerance: number;
}

const sizes: Partial<Record<keyof typeof CONSUMERS, number>> = {};
const kb = (consumer: keyof typeof CONSUMERS) => {
  const bytes = sizes[consumer];
  if (bytes === undefined) throw new Error(`${consumer} was not bundled`);
  return bytes / 1024;
};

const claims: Claim[] = [
  {
    file: 'README.md',
    what: 'operations (the generated operation table)',
    pattern: /All \*\*(\d+) operations\*\*/,
    actual: () => operations.length,
    tolerance: 0,
  },
  {
    file: 'README.md',
    what: 'resources (the generated operation table)',
    pattern: /in (\d+) resources, each generated/,
    actual: () => resources.size,
    tolerance: 0,
  },
  {
    file: 'README.md',
    what: 'Contact Center operations (the operation table, host contactCenter)',
    pattern: /\((\d+) Contact Center operations/,
    actual: () =>
      Object.values(operationTable).filter((operation) => 'host' in operation && operation.host === 'contactCenter')
        .length,
    tolerance: 0,
  },
  {
    file: 'README.md',
    what: 'KB min+gzip of new Webex() (bench/fixtures/consumer-facade.ts)',
    pattern: /every resource: about (\d+(?:\.\d+)?) KB min\+gzip/,
    actual: () => kb('webex-facade'),
    tolerance: SIZE_TOLERANCE,
  },
  {
    file: 'README.md',
    what: 'KB min+gzip of the small-bundle recipe (bench/fixtures/consumer.ts)',
    pattern: /That consumer is (\d+(?:\.\d+)?) KB min\+gzip/,
    actual: () => kb('webex'),
    tolerance: SIZE_TOLERANCE,
  },
  {
    file: 'README.md',
    what: 'KB of the small-bundle budget (SMALL_BUNDLE_BUDGET_KB in bench/lib/bundle.mjs)',
    pattern: /recipe, budget (\d+(?:\.\d+)?) KB/,
    actual: () => SMALL_BUNDLE_BUDGET_KB,
    tolerance: 0,
  },
  {
    file: 'docs/resources.md',
    what: 'resources (generated with the code)',
    pattern: /`Webex`: (\d+) resources, \d+ operations/,
    actual: () => resources.size,
    tolerance: 0,
  },
  {
    file: 'docs/resources.md',
    what: 'operations (generated with the code)',
    pattern: /`Webex`: \d+ resources, (\d+) operations/,
    actual: () => operations.length,
    tolerance: 0,
  },
];

/** The READMEs a user or maintainer reads. */
function readmes(): string[] {
  const inDirs = (dir: string) =>
    readdirSync(join(root, dir), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${dir}/${entry.name}/README.md`);
  return ['README.md', 'specs/README.md', ...inDirs('packages'), ...inDirs('examples')].filter((file) => {
    try {
      read(file);
      return true;
    } catch {
      return false;
    }
  });
}

// Numbers of the kinds that come from measurements or from the generated code: a size in KB, a count of operations or
// resources, a duration in ms, a ratio (1.4x). Limits the code sets (1 MB, 60 s) are not of these kinds, and code
// (fenced blocks, `inline` spans: quoted output, option values) is not prose that states a number.
const MEASURED =
  /\b\d[\d.,]*\s?(?:KB|kB|ms)\b|\b\d[\d,]*\**\s(?:operations|resources)\b|\b\d+(?:\.\d+)?\s?[x×](?![\w-])/g;

/** The text with fenced blocks and inline code spans blanked out, keeping every offset and line where it was. */
function withoutCode(markdown: string): string {
  const blank = (code: string) => code.replace(/[^\n]/g, ' ');
  return markdown.replace(/^(```|~~~)[\s\S]*?^\1/gm, blank).replace(/`[^`]*`/g, blank);
}

describe('numbers the READMEs state', () => {
  beforeAll(async () => {
    for (const consumer of ['webex', 'webex-facade'] as const)
      sizes[consumer] = (await bundleConsumer(consumer)).gzipped;
  }, 60_000);

  it.each(claims.map((claim) => [`${claim.file}: ${claim.what}`, claim] as const))('%s', (_name, claim) => {
    const match = claim.pattern.exec(read(claim.file));
    expect(
      match,
      `${claim.file} no longer says ${claim.pattern} (${claim.what}): update the pattern in docs-test/readme-numbers.test.ts with the wording`,
    ).not.toBeNull();
    const stated = Number(match![1]);
    const actual = claim.actual();
    const allowed = actual * claim.tolerance;
    expect(
      Math.abs(stated - actual),
      `${claim.file} says ${stated} ${claim.what}; it is ${Number(actual.toFixed(2))}: write ${claim.tolerance ? actual.toFixed(1) : actual}`,
    ).toBeLessThanOrEqual(allowed);
  });

  it('the scan finds sizes, counts, durations and ratios in prose, and skips code', () => {
    const prose = 'about 25 KB, **422 operations** in 74 resources, 0.4 ms a call, 1.3x the baseline, 2× faster';
    expect([...prose.matchAll(MEASURED)].map((match) => match[0])).toEqual([
      '25 KB',
      '422 operations',
      '74 resources',
      '0.4 ms',
      '1.3x',
      '2×',
    ]);
    const code = 'within `30000 ms`, 60 s, 1 MB, 0.x versions\n```ts\nconst a = 12 ms;\n```\n';
    expect([...withoutCode(code).matchAll(MEASURED)]).toEqual([]);
  });

  it('every such number in a README is one of the checked ones', () => {
    const unchecked: string[] = [];
    for (const file of readmes()) {
      const text = read(file);
      const covered = claims
        .filter((claim) => claim.file === file)
        .map((claim) => claim.pattern.exec(text))
        .filter((match) => match !== null)
        .map((match) => [match.index, match.index + match[0].length] as const);
      for (const match of withoutCode(text).matchAll(MEASURED)) {
        const at = match.index;
        if (covered.some(([start, end]) => at >= start && at < end)) continue;
        const line = text.slice(0, at).split('\n').length;
        unchecked.push(`${file}:${line}: "${match[0]}"`);
      }
    }
    expect(
      unchecked,
      'numbers no check derives: add a claim to docs-test/readme-numbers.test.ts, or say it without the number',
    ).toEqual([]);
  });
});
