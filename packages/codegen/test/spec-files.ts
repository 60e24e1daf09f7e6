import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Bundle, bundleSpecs } from '../src/load/bundle.js';

/** A root spec with nothing in it but what OpenAPI requires. */
export const EMPTY_ROOT = "openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths: {}\n";

/** Writes spec files (path → YAML) to a fresh temporary folder; resolves to the path of its `webex.yaml`. */
export function writeSpecs(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-specs-'));
  for (const [name, text] of Object.entries({ 'webex.yaml': EMPTY_ROOT, ...files })) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return join(dir, 'webex.yaml');
}

/** The bundle of spec files written by {@link writeSpecs}. */
export function bundleOf(files: Record<string, string>): Bundle {
  return bundleSpecs(writeSpecs(files));
}

/**
 * A resource file with one operation: `GET <path>` answering the given schema (JSON), with an operationId made
 * from the path; `extra` goes at the top of the file, `operation` into the operation (indented YAML lines).
 */
export function resourceFile(path: string, options: { extra?: string; operation?: string[]; answer?: string }): string {
  const answer = options.answer ?? '{ type: object, properties: { items: { type: array, items: { type: string } } } }';
  return [
    `${options.extra ?? ''}paths:`,
    `  ${path}:`,
    '    get:',
    `      operationId: op${path.replace(/\W/g, '')}`,
    ...(options.operation ?? ['x-sdk-method: list']).map((line) => `      ${line}`),
    `      responses: { '200': { description: ok, content: { application/json: { schema: ${answer} } } } }`,
    '',
  ].join('\n');
}
