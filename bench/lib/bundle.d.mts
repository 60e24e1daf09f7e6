// Types of bundle.mjs, for the TypeScript test that imports it (docs-test/readme-numbers.test.ts).
/** The most the small-bundle consumer may weigh, min+gzip, in KB (1024 bytes). */
export const SMALL_BUNDLE_BUDGET_KB: number;
/** The consumers the recipe bundles, by name. */
export const CONSUMERS: { webex: string; 'webex-facade': string; 'openapi-fetch': string };
/** One consumer bundled by the recipe: its code, sizes in bytes, and its inputs by minified bytes, largest first. */
export interface ConsumerBundle {
  code: Uint8Array;
  minified: number;
  gzipped: number;
  inputs: [path: string, bytes: number][];
}
export function bundleConsumer(name: keyof typeof CONSUMERS): Promise<ConsumerBundle>;
