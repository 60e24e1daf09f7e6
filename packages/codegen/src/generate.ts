import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bundleSpecs, openApiDocument, SpecError } from './load/bundle.js';
import { binaryUses } from './ir/binary-fields.js';
import { buildIr } from './ir/build-ir.js';
import { specOperations } from './ir/spec-operations.js';
import type { IrResource } from './ir/types.js';
import { emitModelsFile, emitModelsIndex, modelModuleName } from './emit/models-file.js';
import { emitPathsTypes } from './emit/paths-types.js';
import { emitReference } from './emit/reference.js';
import { emitResourceFile } from './emit/resource-class.js';
import { emitHostPaths } from './emit/host-paths.js';
import { emitOperationNames, emitOperationTable } from './emit/operation-table.js';
import { emitResourcesIndex } from './emit/resources-index.js';
import { formatSources } from './write/format.js';
import { generatedHeader, generatedMarker, printSourceFile } from './write/source-files.js';

/** Where the generator reads and writes, relative to the repository root. */
export interface Layout {
  specs: string;
  modelsGen: string;
  clientGen: string;
  modelsPackage: string;
  /** The generated resource reference (markdown); none when undefined. */
  reference?: string;
  /**
   * Resources whose class is written by hand over the generated one, by spec file name (`messages`), each with the
   * module, relative to `clientGen`, that exports it as `<Name>Resource`. The generated class is then
   * `<Name>ResourceBase`, and `WebexResources` builds the hand-written class (once).
   */
  handWritten?: Readonly<Record<string, string>>;
}

/** This repository's layout. */
export const defaultLayout: Layout = {
  specs: 'specs/webex.yaml',
  modelsGen: 'packages/models/src/gen',
  clientGen: 'packages/client/src/gen',
  modelsPackage: '@webex-ts/models',
  reference: 'docs/resources.md',
  handWritten: {
    messages: '../messages/messages-resource.js',
    webhooks: '../webhooks/webhooks-resource.js',
  },
};

/**
 * The layout's hand-written resources, checked: each names a resource of the specs and a module that is there (its
 * `.ts` source), so a renamed spec file or a moved class fails here rather than in the compiler.
 */
function handWrittenResources(root: string, layout: Layout, resources: IrResource[]): Map<string, string> {
  const names = new Set(resources.map((resource) => resource.name));
  const entries = Object.entries(layout.handWritten ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [name, module] of entries) {
    if (!names.has(name)) {
      throw new Error(
        `layout.handWritten: "${name}" is no resource of the specs (a spec file's name, such as messages)`,
      );
    }
    const source = join(root, layout.clientGen, module.replace(/\.js$/, '.ts'));
    if (!existsSync(source)) {
      throw new Error(`layout.handWritten: ${name} names ${module}, but ${relative(root, source)} is not there`);
    }
  }
  return new Map(entries);
}

/** Every generated file (repository-relative path → content) for the specs under `root`. */
export async function generate(root: string, layout: Layout = defaultLayout): Promise<Map<string, string>> {
  const bundle = bundleSpecs(join(root, layout.specs));
  const ir = buildIr(bundle);
  const document = openApiDocument(bundle);
  const binaries = binaryUses(document, specOperations(bundle, document));
  const files = new Map<string, string>();
  const specsDir = relative(root, join(root, layout.specs, '..'));
  const specFile = (source: string) => `${specsDir}/${source}.yaml`;
  const allSpecs = `${specsDir}/**/*.yaml`;
  const pathsFile = `${layout.clientGen}/openapi.gen.ts`;

  const byModule = new Map<string, typeof ir.types>();
  const moduleOf = new Map<string, string>();
  const sourceOf = new Map<string, string>();
  for (const named of ir.types) {
    const module = modelModuleName(named.source);
    const other = sourceOf.get(module);
    // One models module per spec file, named by the file's name: two files of one name would share it.
    if (other !== undefined && other !== named.source) {
      const [first, second] = [other, named.source].sort();
      throw new SpecError(
        `${first}.yaml and ${second}.yaml have the same name, so their models would share ${module}.gen.ts: a spec file's name must be unique across specs/, components/ too`,
      );
    }
    moduleOf.set(named.name, module);
    sourceOf.set(module, named.source);
    const list = byModule.get(module) ?? [];
    byModule.set(module, list);
    list.push(named);
  }
  for (const [module, types] of byModule) {
    const path = `${layout.modelsGen}/${module}.gen.ts`;
    files.set(path, printSourceFile(specFile(sourceOf.get(module)!), emitModelsFile(module, types, moduleOf)));
  }
  const modelsIndex = `${layout.modelsGen}/index.gen.ts`;
  files.set(modelsIndex, printSourceFile(allSpecs, emitModelsIndex([...byModule.keys()])));

  const handWritten = handWrittenResources(root, layout, ir.resources);
  for (const resource of ir.resources) {
    const path = `${layout.clientGen}/resources/${resource.name}.gen.ts`;
    const statements = emitResourceFile(resource, layout.modelsPackage, handWritten.has(resource.name));
    files.set(path, printSourceFile(specFile(resource.source), statements));
  }
  const resourcesIndex = `${layout.clientGen}/resources.gen.ts`;
  files.set(resourcesIndex, printSourceFile(allSpecs, emitResourcesIndex(ir.resources, handWritten)));
  const operationsFile = `${layout.clientGen}/operations.gen.ts`;
  files.set(operationsFile, printSourceFile(allSpecs, emitOperationTable(ir.resources)));
  files.set(`${layout.clientGen}/operation-names.gen.ts`, printSourceFile(allSpecs, emitOperationNames(ir.resources)));
  files.set(`${layout.clientGen}/host-paths.gen.ts`, printSourceFile(allSpecs, emitHostPaths(ir.resources)));

  // Formatting is its own stage: every TypeScript file through the formatter the hand-written code uses. Biome runs
  // in its own process, so the printed files are formatted while the paths types, the biggest file by far, are made.
  const printed = formatSources(root, new Map([...files].filter(([path]) => path.endsWith('.ts'))));
  const pathsTypes = formatSources(
    root,
    new Map([[pathsFile, `${generatedHeader(allSpecs)}\n${emitPathsTypes(bundle.document, binaries)}`]]),
  );
  files.set(pathsFile, ''); // formatted below; set here to keep the order of the files

  const bundled = {
    ...bundle.document,
    info: {
      ...(bundle.document.info as object),
      'x-generated': `Bundled by webex-codegen from ${allSpecs}. Do not edit; run pnpm generate.`,
    },
  };
  files.set(`${layout.clientGen}/openapi.json`, `${JSON.stringify(bundled, null, 2)}\n`);
  if (layout.reference) files.set(layout.reference, emitReference(ir.resources, generatedMarker(allSpecs)));

  for (const formatted of await Promise.all([printed, pathsTypes])) {
    for (const [path, text] of formatted) files.set(path, text);
  }
  return files;
}
