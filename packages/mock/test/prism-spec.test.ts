import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledSpecPath } from '../src/index.js';
import { prismSpecFile, withOpenEnumsOpened } from '../src/prism-spec.js';

describe('withOpenEnumsOpened', () => {
  it('opens an open enum to any value of its type, the listed values first', () => {
    const open = { type: 'string', description: 'd', enum: ['A', 'B'], 'x-sdk-open-enum': true };
    expect(withOpenEnumsOpened({ properties: { kind: open } })).toEqual({
      properties: {
        kind: { type: 'string', description: 'd', 'x-sdk-open-enum': true, anyOf: [{ enum: ['A', 'B'] }, {}] },
      },
    });
  });

  it('leaves closed enums, and the given spec, as they are', () => {
    const spec = { closed: { type: 'string', enum: ['A'] }, open: { enum: ['B'], 'x-sdk-open-enum': true } };
    const before = structuredClone(spec);
    expect(withOpenEnumsOpened(spec)).toMatchObject({ closed: { type: 'string', enum: ['A'] } });
    expect(spec).toEqual(before);
  });

  it('keeps alternatives a schema already has: both must hold', () => {
    const schema = { anyOf: [{ type: 'string' }, { type: 'null' }], enum: ['A', null], 'x-sdk-open-enum': true };
    expect(withOpenEnumsOpened(schema)).toEqual({
      'x-sdk-open-enum': true,
      allOf: [{ anyOf: [{ type: 'string' }, { type: 'null' }] }, { anyOf: [{ enum: ['A', null] }, {}] }],
    });
  });

  it('opens every open enum of the bundled spec, and no other', () => {
    const spec = JSON.parse(readFileSync(bundledSpecPath(), 'utf8'));
    const count = (node: unknown, test: (o: Record<string, unknown>) => boolean): number => {
      if (Array.isArray(node)) return node.reduce((n: number, item) => n + count(item, test), 0);
      if (!node || typeof node !== 'object') return 0;
      const object = node as Record<string, unknown>;
      return (test(object) ? 1 : 0) + Object.values(object).reduce((n: number, v) => n + count(v, test), 0);
    };
    const marked = (o: Record<string, unknown>) => o['x-sdk-open-enum'] === true;
    const closed = (o: Record<string, unknown>) => Array.isArray(o.enum) && !marked(o);
    const opened = withOpenEnumsOpened(spec);
    expect(count(spec, marked)).toBeGreaterThan(100);
    expect(count(opened, (o) => marked(o) && Array.isArray(o.enum))).toBe(0);
    expect(count(opened, marked)).toBe(count(spec, marked));
    // Each opened enum's values are one alternative (a closed enum without the mark), beside the closed ones kept.
    expect(count(opened, closed)).toBe(count(spec, closed) + count(spec, marked));
  });
});

describe('prismSpecFile', () => {
  it('gives Prism a copy with open enums opened, removed when asked', () => {
    const file = prismSpecFile(bundledSpecPath());
    expect(file.path).not.toBe(bundledSpecPath());
    expect(readFileSync(file.path, 'utf8')).not.toMatch(/"enum":\[[^\]]*\],"x-sdk-open-enum":true/);
    file.remove();
    expect(existsSync(file.path)).toBe(false);
  });

  it('gives a spec without open enums as it is', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'prism-spec-')), 'spec.json');
    writeFileSync(path, JSON.stringify({ openapi: '3.1.0', components: { schemas: { K: { enum: ['a'] } } } }));
    expect(prismSpecFile(path).path).toBe(path);
  });
});
