import openapiTS, { astToString } from 'openapi-typescript';
import { wrapProse } from '../escape.js';

/**
 * A copy of the document for the types: descriptions wrapped, so the JSDoc
 * openapi-typescript writes stays within the line width, and examples left out
 * (long ids, not types; the bundled spec keeps them for the mock).
 */
function forTypes(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forTypes);
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node).filter(([key]) => key !== 'example' && key !== 'examples');
  return Object.fromEntries(
    entries.map(([key, value]) => [
      key,
      (key === 'description' || key === 'summary') && typeof value === 'string'
        ? wrapProse(value, 90)
        : forTypes(value),
    ]),
  );
}

/** The `paths`, `components` and `operations` types openapi-fetch needs, from openapi-typescript. */
export async function emitPathsTypes(document: object): Promise<string> {
  const ast = await openapiTS(forTypes(document) as Parameters<typeof openapiTS>[0], {
    alphabetize: false,
    emptyObjectsUnknown: true,
  });
  return astToString(ast);
}
