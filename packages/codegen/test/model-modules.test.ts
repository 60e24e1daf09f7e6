// Each spec file's models go to a module named by the file's name: two files of one name, one of them in a
// subfolder of components/, would share a module, so generation refuses them.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../src/generate.js';
import { SpecError } from '../src/load/bundle.js';
import { EMPTY_ROOT, resourceFile } from './spec-files.js';

const layout = {
  specs: 'specs/webex.yaml',
  modelsGen: 'models/src/gen',
  clientGen: 'client/src/gen',
  modelsPackage: '@webex-ts/models',
};

/** A repository with these spec files under specs/. */
function repository(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'model-modules-'));
  for (const [name, text] of Object.entries({ 'webex.yaml': EMPTY_ROOT, ...files })) {
    mkdirSync(join(root, 'specs', name, '..'), { recursive: true });
    writeFileSync(join(root, 'specs', name), text);
  }
  return root;
}

const settings = (name: string) =>
  `components:\n  schemas:\n    ${name}: { type: object, properties: { enabled: { type: boolean } } }\n`;
const answering = (file: string, schema: string) =>
  resourceFile('/things', {
    operation: ['x-sdk-method: list', 'parameters: [{ name: max, in: query, schema: { type: integer } }]'],
    answer: `{ type: object, properties: { items: { type: array, items: { $ref: '${file}#/components/schemas/${schema}' } } } }`,
  });

describe('models modules', () => {
  it('puts the models of a component file in a subfolder in a module of its name', async () => {
    const root = repository({
      'components/settings/thing-settings.yaml': settings('ThingSettings'),
      'a/things.yaml': answering('../components/settings/thing-settings.yaml', 'ThingSettings'),
    });
    const files = await generate(root, layout);
    expect(files.get('models/src/gen/thing-settings.gen.ts')).toContain('export interface ThingSettings {');
    expect(files.get('models/src/gen/things.gen.ts')).toContain('export interface ThingsListQuery {');
  });

  it('refuses a component file of the same name as a resource file, naming both', async () => {
    const root = repository({
      'components/settings/things.yaml': settings('ThingSettings'),
      'a/things.yaml': answering('../components/settings/things.yaml', 'ThingSettings'),
    });
    await expect(generate(root, layout)).rejects.toThrow(
      expect.objectContaining({
        name: SpecError.name,
        message:
          "a/things.yaml and components/settings/things.yaml have the same name, so their models would share things.gen.ts: a spec file's name must be unique across specs/, components/ too",
      }),
    );
  });
});
